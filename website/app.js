// gatesent demo page: plain JavaScript, no build step. Talks to POST {api}/predict (local `gatesent serve` or API Gateway).
(function () {
  "use strict";
  // the request limits come from config.js only (written by gatesent.serve.config_js from gatesent.contract.MAX_CHARS/MAX_TEXTS)
  const cfg = Object.assign({apiUrl: "", timeoutMs: 8000, model: "gatesent"}, window.GATESENT_CONFIG || {});
  const limit = (n) => (Number.isInteger(n) && n > 0 ? n : Infinity);  // a config.js without limits: the API enforces its own
  const maxChars = limit(cfg.maxChars), maxTexts = limit(cfg.maxTexts);
  const STORE = "gatesent.apiUrl";
  const $ = (id) => document.getElementById(id);
  const els = {review: $("review"), analyze: $("analyze"), clear: $("clear"), counter: $("counter"), status: $("status"), error: $("error"),
               result: $("result"), label: $("label"), confidence: $("confidence"), barFill: $("bar-fill"), probs: $("probabilities"),
               words: $("words"), latency: $("latency"), batch: $("batch-result"), counts: $("counts"), rows: $("batch-rows"),
               batchLatency: $("batch-latency"), apiInput: $("api-url"), saveApi: $("save-api"), resetApi: $("reset-api"),
               apiShown: $("api-shown"), modelName: $("model-name"), reviewLabel: $("review-label"), sum: $("sum")};

  // The API URL: ?api= beats the saved setting, which beats config.js; empty means this page's own server.
  function apiUrl() {
    const q = new URLSearchParams(window.location.search).get("api");
    let saved = null;
    try { saved = window.localStorage.getItem(STORE); } catch (e) { /* storage blocked: ignore */ }
    return (q !== null ? q : saved !== null ? saved : cfg.apiUrl || "").trim().replace(/\/+$/, "");
  }
  function showApi() {
    const url = apiUrl();
    els.apiShown.textContent = url || window.location.origin + " (this server)";
    els.apiInput.value = url;
  }

  function mode() { return document.querySelector('input[name="mode"]:checked').value; }
  function reviews() {
    const text = els.review.value;
    return mode() === "batch" ? text.split("\n").map((l) => l.trim()).filter((l) => l) : (text.trim() ? [text] : []);
  }
  function updateCounter() {
    const items = mode() === "batch" ? els.review.value.split("\n") : [els.review.value];
    const longest = Math.max(0, ...items.map((t) => t.length));
    const n = reviews().length;
    els.counter.textContent = mode() === "batch"
      ? `${n} review${n === 1 ? "" : "s"} · longest ${longest}${maxChars < Infinity ? ` / ${maxChars}` : ""} characters`
      : `${longest}${maxChars < Infinity ? ` / ${maxChars}` : ""} characters`;
    els.counter.classList.toggle("over", longest > maxChars);
  }

  function setBusy(busy) {
    els.analyze.disabled = busy; els.clear.disabled = busy;
    document.querySelectorAll(".example").forEach((b) => { b.disabled = busy; });
    els.analyze.textContent = busy ? "Analyzing…" : "Analyze";
    els.status.textContent = busy ? "Analyzing…" : "";
    els.review.setAttribute("aria-busy", busy ? "true" : "false");
  }
  function showError(message) {
    els.error.textContent = message; els.error.hidden = false;
  }
  function clearError() { els.error.hidden = true; els.error.textContent = ""; }

  // One POST /predict; resolves to the JSON body or rejects with a message a person understands.
  async function predict(texts, explain) {
    const url = apiUrl() + "/predict";
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), cfg.timeoutMs);
    let resp;
    try {
      resp = await fetch(url, {method: "POST", headers: {"content-type": "application/json"}, signal: ctrl.signal,
                               body: JSON.stringify({inputs: texts, parameters: {explain: explain}})});
    } catch (e) {
      if (e.name === "AbortError") throw new Error(`The API did not answer within ${cfg.timeoutMs / 1000} seconds. Try again, or check that the server is running.`);
      throw new Error(`Cannot reach the API at ${apiUrl() || window.location.origin}. Check that the server is running and the API URL in Settings.`);
    } finally { clearTimeout(timer); }
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const msg = body && body.error && body.error.message ? body.error.message : (body && body.message) || resp.statusText;
      const hint = resp.status === 429 ? " (too many requests: wait a moment)" : resp.status >= 500 ? " (the service had a problem)" : "";
      throw new Error(`The API refused the request (${resp.status}): ${msg}${hint}`);
    }
    if (!body || !Array.isArray(body.predictions)) throw new Error("The API answered with something that is not a prediction.");
    return body;
  }

  const pct = (p) => `${(p * 100).toFixed(1)}%`;
  function latencyText(started, body) {
    const total = Math.round(performance.now() - started);
    return `Answered in ${total} ms` + (typeof body.latency_ms === "number" ? ` (model server ${body.latency_ms.toFixed(1)} ms)` : "");
  }

  // A word's signed evidence: its contribution toward the second label (two labels), else toward the predicted label
  // (its share of that logit minus its mean share of the others).
  function evidence(c, p) {
    if (typeof c === "number") return c;
    return c[p.label];  // more labels: each word's share of the margin toward each label
  }
  const fmt = (x) => (x >= 0 ? "+" : "\u2212") + Math.abs(x).toFixed(2);
  let last = null;
  function shadeBy() {
    const picked = document.querySelector('input[name="shade"]:checked').value;
    return picked === "contribution" && last && last.tokens && last.tokens.some((t) => t.contribution !== undefined) ? "contribution" : "gate";
  }
  // The words of the last answer, shaded by their signed evidence (purple +, orange −, white 0; the strongest word fully)
  // or by their gate score (0 light … 1 dark: a flat gate looks flat, a sharp one sharp).
  function shadeWords() {
    const p = last, by = shadeBy(), tokens = (p && p.tokens) || [];
    const toward = p && p.contributions && p.contributions.toward ? p.contributions.toward : (p ? p.label : "");
    const ev = tokens.map((t) => (t.contribution === undefined ? 0 : evidence(t.contribution, p)));
    const scale = Math.max(1e-6, ...ev.map(Math.abs));
    els.words.replaceChildren();
    tokens.forEach((t, i) => {
      const s = document.createElement("span");
      s.className = "word"; s.textContent = t.word; s.tabIndex = 0;
      const parts = [];
      if (t.contribution !== undefined) {
        s.dataset.contribution = String(ev[i]);
        parts.push(`evidence ${fmt(ev[i])} toward ${toward}`);
      }
      if (t.gate !== undefined) { s.dataset.gate = String(t.gate); parts.push(`gate score ${t.gate.toFixed(2)}`); }
      if (by === "contribution") {
        const share = Math.abs(ev[i]) / scale;
        if (share >= 0.05) s.classList.add(ev[i] > 0 ? "for" : "against");
        s.style.backgroundColor = `rgba(var(${ev[i] > 0 ? "--for" : "--against"}), ${(0.7 * share).toFixed(3)})`;
      } else {
        s.style.backgroundColor = `rgba(var(--gate), ${(0.04 + 0.86 * Math.min(1, Math.max(0, t.gate || 0))).toFixed(3)})`;
      }
      s.title = parts.join(" · ");
      s.setAttribute("aria-label", `${t.word}: ${parts.join(", ")}`);
      els.words.append(s, document.createTextNode(" "));
    });
    $("legend-contribution").hidden = by !== "contribution";
    $("legend-gate").hidden = by !== "gate";
    document.querySelectorAll("#legend-contribution .toward").forEach((e) => { e.textContent = toward; });
    const c = p && p.contributions;
    const kind = c && c.evidence === "last_layer" ? "Each word's evidence is its share in the last layer."
      : "Each word's evidence is traced through every layer to the word itself: what it does through its neighbours counts as its own.";
    els.sum.textContent = c && typeof c.logit_margin === "number"
      ? `The words add up to ${fmt(ev.reduce((a, b) => a + b, 0))}; with the special tokens (${fmt(c.special_tokens)}) and the model's baseline ` +
        `(${fmt(c.bias)}: its bias share, where it stands before reading any word) that is ${fmt(c.logit_margin)} in logits toward ${c.toward}, ` +
        `the margin behind the answer. ${kind}` : "";
  }

  function renderSingle(p, body, started) {
    els.batch.hidden = true;
    els.label.textContent = p.label;
    els.label.className = "label " + p.label;
    els.confidence.textContent = `· ${pct(p.score)} confident`;
    els.barFill.style.width = pct(p.score);
    els.probs.replaceChildren();
    Object.entries(p.probabilities || {}).forEach(([name, v]) => {
      const dt = document.createElement("dt"); dt.textContent = name;
      const dd = document.createElement("dd"); dd.textContent = pct(v);
      els.probs.append(dt, dd);
    });
    last = p;
    shadeWords();
    els.latency.textContent = latencyText(started, body) + (body.model ? ` · model ${body.model}` : "");
    els.result.hidden = false;
  }

  function renderBatch(texts, preds, body, started) {
    els.result.hidden = true;
    els.rows.replaceChildren();
    const counts = {};
    preds.forEach((p, i) => {
      counts[p.label] = (counts[p.label] || 0) + 1;
      const tr = document.createElement("tr");
      [String(i + 1), texts[i], p.label, pct(p.score)].forEach((v, j) => {
        const td = document.createElement("td"); td.textContent = v;
        if (j === 2) td.className = p.label;
        tr.append(td);
      });
      els.rows.append(tr);
    });
    els.counts.textContent = `${preds.length} review${preds.length === 1 ? "" : "s"}: ` +
      Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ");
    els.batchLatency.textContent = latencyText(started, body);
    els.batch.hidden = false;
  }

  async function analyze() {
    if (els.analyze.disabled) return;
    clearError();
    const texts = reviews();
    if (!texts.length) { showError(mode() === "batch" ? "Type at least one review, one per line." : "Type a review first."); els.review.focus(); return; }
    const tooLong = texts.findIndex((t) => t.length > maxChars);
    if (tooLong >= 0) {
      showError(`${mode() === "batch" ? `Review ${tooLong + 1} has` : "The review has"} ${texts[tooLong].length} characters; the limit is ${maxChars}.`);
      return;
    }
    setBusy(true);
    const started = performance.now();
    try {
      if (mode() === "single") {
        const body = await predict(texts[0], true);
        renderSingle(body.predictions[0], body, started);
      } else {
        let preds = [], body = null;
        for (let i = 0; i < texts.length; i += Math.min(maxTexts, texts.length)) {  // the API takes maxTexts per request
          body = await predict(texts.slice(i, i + Math.min(maxTexts, texts.length)), false);
          preds = preds.concat(body.predictions);
        }
        renderBatch(texts, preds, body, started);
      }
      els.status.textContent = "";
    } catch (e) {
      els.result.hidden = true; els.batch.hidden = true;
      showError(e.message);
    } finally { setBusy(false); els.status.textContent = els.error.hidden ? "Done." : ""; }
  }

  els.analyze.addEventListener("click", analyze);
  els.review.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyze(); } });
  els.review.addEventListener("input", updateCounter);
  els.clear.addEventListener("click", () => { els.review.value = ""; updateCounter(); clearError(); els.result.hidden = true; els.batch.hidden = true; els.review.focus(); });
  document.querySelectorAll('input[name="mode"]').forEach((r) => r.addEventListener("change", () => {
    els.reviewLabel.textContent = mode() === "batch" ? "Reviews, one per line" : "Review";
    updateCounter();
  }));
  document.querySelectorAll(".example").forEach((b) => b.addEventListener("click", () => {
    document.querySelector('input[name="mode"][value="single"]').checked = true;
    els.reviewLabel.textContent = "Review";
    els.review.value = b.textContent; updateCounter(); analyze();
  }));
  document.querySelectorAll('input[name="shade"]').forEach((r) => r.addEventListener("change", shadeWords));
  els.saveApi.addEventListener("click", () => {
    try { window.localStorage.setItem(STORE, els.apiInput.value.trim()); } catch (e) { showError("This browser does not allow saving settings."); }
    showApi();
  });
  els.resetApi.addEventListener("click", () => { try { window.localStorage.removeItem(STORE); } catch (e) { /* ignore */ } showApi(); });
  if (maxChars < Infinity && maxTexts < Infinity) els.review.maxLength = maxChars * maxTexts;
  els.modelName.textContent = cfg.model;
  showApi(); updateCounter();
})();
