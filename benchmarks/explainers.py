"""The gate beside Integrated Gradients, attention and leave-one-word-out occlusion, on the same model and sentences.

For each saved gate model: `gatesent.evaluate.compare_explainers` on the first N SST-2 validation sentences, with SST's
word-level lexicon (`sst_lexicon`) for plausibility: ERASER comprehensiveness/sufficiency at 10/20/50% of the tokens
(random tokens as the reference), plausibility AUC, the rate at which the top word is a lexicon word, contrast, and
milliseconds per explanation (one text at a time, this machine's CPU threads). Prints a table per model, adds it to
benchmarks/results/explainers.json under --names (the table in nbs/explanations/measurements.ipynb comes from it), writes <out>/<name>/explainers.png,
and copies the first model's plot to --plot. The evidence traced to the words (`traced`) is measured from the first of
--from-layers; each further layer S adds a row `traced@S` (the same evidence traced only from layer S's token states).

    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/explainers.py --models runs/head_lr/gate-x100/model,runs/bench/minilm-gate-x100-1ep/model --names "quick preset,full data, 1 epoch"
    GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/explainers.py --models runs/quick/train/model --names "quick preset" --from-layers 0,2,4 --plot nbs/images/explainers_traced.png
"""
import argparse, shutil, sys
from pathlib import Path
from transformers import AutoModelForSequenceClassification, AutoTokenizer
from gatesent.data import load_sst2
from gatesent.evaluate import EXPLAINERS, compare_explainers, plot_explainers, sst_lexicon

COLUMNS = [("comprehensiveness@20", "compr@20"), ("sufficiency@20", "suff@20"), ("comprehensiveness_mean", "compr mean"), ("sufficiency_mean", "suff mean"),
           ("plausibility_auc", "AUC"), ("top_word_in_lexicon", "top word"), ("top20_mass", "top20 mass"), ("ms_per_text", "ms/text")]

def table(res:dict) -> str:
    "The comparison as a text table, one row per explainer and one for random tokens."
    lines = [f"{'':22}" + "".join(f"{h:>12}" for _, h in COLUMNS)]
    for m in [m for m in EXPLAINERS if m in res] + [m for m in res if m.startswith("traced@")] + ["random"]:
        lines.append(f"{m:22}" + "".join(f"{res[m][k]:>12.3f}" if res[m].get(k) is not None else f"{'-':>12}" for k, _ in COLUMNS))
    return "\n".join(lines)

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--models", required=True, help="saved gate model folders, comma-separated")
    p.add_argument("--texts", type=int, default=300, help="the first N SST-2 validation sentences")
    p.add_argument("--ig-steps", type=int, default=50)
    p.add_argument("--data-dir", default=None, help="SST-2 folder (default: $GATESENT_DATA_DIR, else the hub)")
    p.add_argument("--out", default="runs/explainers")
    p.add_argument("--names", default=None, help="the models' names in the results, comma-separated (default: their folders' names)")
    p.add_argument("--plot", default=None, help="also copy the first model's plot here")
    p.add_argument("--from-layers", default="0", help="the layers `traced` starts from, comma-separated: the first for the full comparison, each other adds a traced@S row")
    a = p.parse_args()
    sys.path.insert(0, str(Path(__file__).parent)); from record import save
    models = a.models.split(",")
    names = a.names.split(",") if a.names else [Path(m).parent.name if Path(m).name == "model" else Path(m).name for m in models]
    if len(names) != len(models): p.error(f"{len(models)} models but {len(names)} names")
    texts, lexicon = list(load_sst2(a.data_dir)["validation"]["sentence"][:a.texts]), sst_lexicon(a.data_dir)
    for i, (model_dir, name) in enumerate(zip(models, names)):
        model, tok = AutoModelForSequenceClassification.from_pretrained(model_dir).eval(), AutoTokenizer.from_pretrained(model_dir)
        first, *more = [int(x) for x in a.from_layers.split(",")]
        res = compare_explainers(model, tok, texts, lexicon, ig_steps=a.ig_steps, from_layer=first)
        for layer in more:
            res[f"traced@{layer}"] = compare_explainers(model, tok, texts, lexicon, methods=("traced",), from_layer=layer)["traced"]
        out = Path(a.out)/name.replace(" ", "_").replace(",", ""); out.mkdir(parents=True, exist_ok=True)
        save("explainers", name, {"model_dir": model_dir, "ig_steps": a.ig_steps, **res})
        png = plot_explainers(res, out/"explainers.png")
        if i == 0 and a.plot: shutil.copy(png, a.plot)
        print(f"\n{name} ({res['texts']} sentences, IG {a.ig_steps} steps)\n{table(res)}", flush=True)

if __name__ == "__main__": main()
