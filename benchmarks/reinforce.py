"""Does REINFORCE gate training help? Plain gate vs REINFORCE (several sparsity weights) on a tiny random T5.

Same data, model and budget for every row: a 1-layer width-64 T5 with the real T5 tokenizer, 8,000 SST-2 training
sentences, 3 epochs, lr 5e-3 for every layer (head_lr_multiplier=1: the table predates the ×100 head
default), seed 0. Reported: SST-2 validation accuracy, the gate's mean score and share of tokens
above 0.5 (sparsity), and ERASER comprehensiveness/sufficiency (gate vs random tokens, mean over k = 10/20/50%) on
300 validation sentences.

    .venv/bin/python benchmarks/reinforce.py --data ../shared/data --sparsity 0.01,0.1,0.5

Raw results: benchmarks/results/reinforce.json (the README's "Measured" row and 02's table come from it).
"""
import argparse, json, sys
from pathlib import Path
import numpy as np
from transformers import AutoModelForSequenceClassification, AutoTokenizer
from gatesent.data import load_sst2, tokenize
from gatesent.evaluate import faithfulness, predict_dataset
from gatesent.train import TrainArgs, train

TINY_T5 = json.dumps(dict(model_type="t5", vocab_size=32128, d_model=64, d_kv=16, d_ff=128, num_layers=1, num_heads=4, dropout_rate=0.1))

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="../shared/data", help="folder holding sst2/ and t5-small/")
    p.add_argument("--sparsity", default="0.01,0.1,0.5", help="REINFORCE sparsity weights to compare with the plain gate")
    p.add_argument("--out", default="runs/reinforce")
    p.add_argument("--results", default="benchmarks/results/reinforce.json", help="where the measured rows are written")
    a = p.parse_args()
    sys.path.insert(0, str(Path(__file__).parent)); from record import stamp
    data = Path(a.data)
    val = load_sst2(data/"sst2")["validation"]
    rows = []
    runs = [("plain gate", False, 0.0)] + [(f"REINFORCE, sparsity {w}", True, float(w)) for w in a.sparsity.split(",")]
    for name, rf, w in runs:
        out = Path(a.out)/name.replace(" ", "_").replace(",", "")
        m = train(TrainArgs(backbone_config=TINY_T5, tokenizer=str(data/"t5-small"), data_dir=str(data/"sst2"), max_train_samples=8000,
                            max_tokens=64, epochs=3, learning_rate=5e-3, head_lr_multiplier=1, output_dir=str(out), progress_bar=False, seed=0,
                            reinforce=rf, sparsity_weight=w, resume=False))
        model = AutoModelForSequenceClassification.from_pretrained(out/"model"); tok = AutoTokenizer.from_pretrained(out/"model")
        _, gates = predict_dataset(model, tokenize(val, tok, 64, "right"), tok)
        g = np.concatenate(gates)
        f = faithfulness(model, tok, list(val["sentence"][:300]))
        print(f"{name:<26} accuracy {m['accuracy']:.3f}  gate mean {g.mean():.3f}  share>0.5 {np.mean(g > 0.5):.3f}  "
              f"comprehensiveness {f['gate']['comprehensiveness_mean']:.3f} (random {f['random']['comprehensiveness_mean']:.3f})  "
              f"sufficiency {f['gate']['sufficiency_mean']:.3f} (random {f['random']['sufficiency_mean']:.3f})  {m['seconds']:.0f}s", flush=True)
        rows.append(dict(run=name, accuracy=m["accuracy"], gate_mean=float(g.mean()), gate_share_above_half=float(np.mean(g > 0.5)),
                         comprehensiveness=f["gate"]["comprehensiveness_mean"], comprehensiveness_random=f["random"]["comprehensiveness_mean"],
                         sufficiency=f["gate"]["sufficiency_mean"], sufficiency_random=f["random"]["sufficiency_mean"], seconds=m["seconds"]))
        Path(a.results).parent.mkdir(parents=True, exist_ok=True)
        Path(a.results).write_text(json.dumps({**stamp(), "command": "benchmarks/reinforce.py --sparsity " + a.sparsity, "rows": rows}, indent=1) + "\n")

if __name__ == "__main__": main()
