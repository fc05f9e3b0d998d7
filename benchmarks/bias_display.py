"""How to show the bias share of the traced evidence: the options measured on the same model and sentences.

Traced from the embeddings, each token's share plus one bias share add up to the logit margin (`gatesent.trace`). The bias
share is often larger than any word's, so where it goes decides what a reader sees. The options, on every content token
of the first N SST-2 validation sentences, toward the predicted label:

- `baseline`: the words keep their traced shares and the bias share is shown apart, as the model's baseline (the page's choice);
- `even`: the bias share spread evenly over the words;
- `gate`: spread over the words in proportion to their gate scores;
- `magnitude`: spread over the words in proportion to the size of their shares.

For each: ERASER comprehensiveness/sufficiency at 20% (`gatesent.evaluate.faithfulness`, the top tokens by shown value),
and what a reader sees: how often a lexicon word of SST's own polarity (a one-word phrase of the train split, label 0 or 1)
is shown with the sign of that polarity, how often the largest shown value is a lexicon word, and the share of a sentence's
words shown on the side of the answer (1.0: every word argues for the answer, whatever it says). Raw results go to
benchmarks/results/bias_display.json.

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/bias_display.py --model-dir runs/quick/train/model
"""
import argparse, sys
from pathlib import Path
import numpy as np

def spread(shares:np.ndarray, bias:float, gates:np.ndarray, option:str) -> np.ndarray:
    "The words' shown values under `option` (shares and gates of the content tokens; bias the sentence's bias share)."
    if option == "baseline": return shares
    weight = {"even": np.ones_like(shares), "gate": gates, "magnitude": np.abs(shares)}[option]
    return shares + bias * weight / max(weight.sum(), 1e-12)

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir", required=True)
    p.add_argument("--texts", type=int, default=300)
    p.add_argument("--data-dir", default=None)
    p.add_argument("--name", default="quick", help="the model's key in the raw results")
    a = p.parse_args()
    from datasets import Dataset
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from gatesent.data import load_sst2
    from gatesent.evaluate import faithfulness, predict_dataset, traced_dataset
    from gatesent.text import cut, special_affixes
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    model, tok = AutoModelForSequenceClassification.from_pretrained(a.model_dir).eval(), AutoTokenizer.from_pretrained(a.model_dir)
    sst = load_sst2(a.data_dir)
    polarity = {s.strip().lower(): y for s, y in zip(sst["train"]["sentence"], sst["train"]["label"]) if len(s.split()) == 1}
    texts = list(sst["validation"]["sentence"][:a.texts])
    pre, post = special_affixes(tok)
    cfg = model.config
    content = [cut(ids, cfg.max_tokens - len(pre) - len(post), cfg.truncation, cfg.head_share)
               for ids in tok(texts, add_special_tokens=False, verbose=False)["input_ids"]]
    keep = [i for i, c in enumerate(content) if c]
    texts, content = [texts[i] for i in keep], [content[i] for i in keep]
    ds = Dataset.from_dict({"input_ids": [pre + c + post for c in content], "attention_mask": [[1] * (len(c) + len(pre) + len(post)) for c in content]})
    probs, gates = predict_dataset(model, ds, tok, 64)[:2]
    pred = probs.argmax(1)
    margin = np.log(probs[np.arange(len(pred)), pred]) - np.log(probs[np.arange(len(pred)), 1 - pred])
    traced = traced_dataset(model, ds, tok, pred)
    res = {"texts": len(texts), "model_dir": a.model_dir}
    for option in ("baseline", "even", "gate", "magnitude"):
        shown, agree, top, side = [], [], [], []
        for r, c in enumerate(content):
            s = traced[r][len(pre):len(pre) + len(c)]
            g = np.asarray(gates[r][len(pre):len(pre) + len(c)], dtype=float)
            v = spread(s, margin[r] - traced[r].sum(), g, option)  # the bias share: what the tokens leave of the margin
            shown.append(v)
            words = [w.lower() for w in tok.convert_ids_to_tokens(c)]
            sign = 1 if pred[r] == 1 else -1  # toward positive, as the page shows it
            agree += [(v[j] * sign > 0) == (polarity[w] == 1) for j, w in enumerate(words) if w in polarity and abs(v[j]) > 0]
            if any(w in polarity for w in words): top.append(words[int(np.argmax(np.abs(v)))] in polarity)
            side.append(float((v > 0).mean()))
        f = faithfulness(model, tok, texts, ks=(20,), random_draws=0, scores=shown, name=option)[option]
        res[option] = {"comprehensiveness@20": f["comprehensiveness@20"], "sufficiency@20": f["sufficiency@20"],
                       "lexicon_sign_agreement": float(np.mean(agree)), "top_word_in_lexicon": float(np.mean(top)),
                       "words_on_the_answers_side": float(np.mean(side))}
        print(f"{option:10} " + "  ".join(f"{k} {x:.3f}" for k, x in res[option].items()), flush=True)
    save("bias_display", a.name, res)

if __name__ == "__main__": main()
