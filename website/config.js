// Written at deploy time with the API Gateway URL; `gatesent serve` serves its own /config.js pointing at itself.
// Empty apiUrl = the server this page came from. No credentials or secrets belong here: the API is public.
window.GATESENT_CONFIG = {"apiUrl": "", "maxChars": 5000, "maxTexts": 64, "model": "gatesent"};
