"""Check that the figures of the documentation (nbs/index.ipynb, which README.md is written from, and the notebooks in
nbs/explanations/) still come from the raw results and commands that back them.

- every row of the measured table names a command, and every `benchmarks/*.py` a command names exists;
- the explainer table equals what `benchmarks/evidence.py --table gate` prints from benchmarks/results/evidence.json;
- the REINFORCE row and the distillation table hold the figures of benchmarks/results/reinforce.json and distill.json;
- the serving rows, the quick-preset gate table, the explainers table, the full-data table and rows, the truncation row
  and the first-run figures are exactly what `GENERATED` builds from benchmarks/results/*.json;
- the quote of the demo sentence gives the words and sums the page showed (benchmarks/results/demo.json);
- every raw result carries its command, commit, machine and date.

    .venv/bin/python .ci/figures.py                  # exit 1, saying what disagrees
    .venv/bin/python .ci/figures.py --print NAME     # one generated block
    .venv/bin/python .ci/figures.py --write          # rebuild the generated blocks (<!-- generated: NAME --> ... <!-- /generated -->), then README.md
"""
import json, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/".ci"))
import readme as readme_nb

def doc_notebooks(root:Path=ROOT) -> list[Path]:
    "The notebooks that hold the published figures: the index (the README's source) and the explanations."
    return [root/"nbs"/"index.ipynb", *sorted((root/"nbs"/"explanations").glob("*.ipynb"))]

def markdown_cells(path:Path) -> tuple[dict, list[dict]]:
    "A notebook and its Markdown cells."
    nb = json.loads(path.read_text())
    return nb, [c for c in nb["cells"] if c["cell_type"] == "markdown"]

def docs_text(root:Path=ROOT) -> str:
    "Every Markdown cell of the documentation notebooks, in order, one after another."
    return "\n\n".join("".join(c["source"]) for p in doc_notebooks(root) for c in markdown_cells(p)[1])

def write_docs(root:Path=ROOT) -> None:
    "Rebuild every generated block in the documentation notebooks, then README.md from the index."
    for path in doc_notebooks(root):
        nb, cells = markdown_cells(path)
        for c in cells:
            text = "".join(c["source"])
            if "<!-- generated:" in text: c["source"] = regenerate(text, root, strict=False).splitlines(keepends=True)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    (root/"README.md").write_text(readme_nb.render(root/"nbs"/"index.ipynb"))

def inference_rows(res:dict) -> str:
    "The serving rows, from benchmarks/results/inference.json."
    t, s, z = res["throughput"], res["serve"], res["size_mb"]
    cmd = f"`GATESENT_DATA_DIR=../shared/data .venv/bin/python {res['command']}`"
    quiet = quiet_run(res)  # timings only from a run that had the CPU to itself; sizes and accuracy from any
    shared = f"— (the CPU was shared: load average {res.get('load_average')} on {res['machine']['cores']} cores)"
    tp = lambda k: f"{t[k]['sentences_per_s']:.1f}"
    rows = [
        ("inference throughput on the 872 SST-2 validation sentences, the quick preset's model (2 CPU cores, one process)",
         f"`transformers.pipeline` {tp('pipeline (default, batch 1)')} sentences/s (batch_size=32: {tp('pipeline (batch_size=32)')}); `Predictor` PyTorch fp32 "
         f"{tp('Predictor pytorch fp32')} ({t['Predictor pytorch fp32']['x_pipeline']:.1f}×), PyTorch int8 {tp('Predictor pytorch int8')}, ONNX Runtime fp32 "
         f"{tp('Predictor onnx fp32')} ({t['Predictor onnx fp32']['x_pipeline']:.1f}×), ONNX int8 {tp('Predictor onnx int8')} ({t['Predictor onnx int8']['x_pipeline']:.1f}×)", cmd),
        ("accuracy of those on SST-2 validation",
         f"pipeline {t['pipeline (default, batch 1)']['accuracy']:.4f}; PyTorch fp32 {t['Predictor pytorch fp32']['accuracy']:.4f}; ONNX fp32 {t['Predictor onnx fp32']['accuracy']:.4f}; "
         f"PyTorch int8 {t['Predictor pytorch int8']['accuracy']:.4f}; ONNX int8 {t['Predictor onnx int8']['accuracy']:.4f} (the MatMuls quantised, the embedding tables left in float)", "same command"),
        ("artifact size", f"PyTorch fp32 {z['pytorch fp32']} MB, PyTorch int8 {z['pytorch int8']} MB, ONNX fp32 {z['onnx fp32']} MB, ONNX int8 {z['onnx int8']} MB", "same command"),
        (f"`gatesent serve`, one sentence per request over HTTP (keep-alive), {s['onnx int8']['requests']:,} requests after warm-up: p50 / p99",
         "; ".join(f"{n.replace('pytorch', 'PyTorch').replace('onnx', 'ONNX')} {s[n]['p50_ms']:.1f} / {s[n]['p99_ms']:.1f} ms" for n in s), "same command"),
        ("cold start, process start to first successful prediction", "; ".join(f"{n.replace('pytorch', 'PyTorch').replace('onnx', 'ONNX')} {s[n]['cold_start_s']:.1f} s" for n in s), "same command"),
        ("peak memory of the serving process", ", ".join(f"{n.replace('pytorch', 'PyTorch').replace('onnx', 'ONNX')} {s[n]['peak_rss_mb']:.0f} MB" for n in s), "same command")]
    if not quiet: rows = [(a, shared if i in (0, 3, 4) else b, c) for i, (a, b, c) in enumerate(rows)]
    return "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)


def results(name:str, root:Path=ROOT, optional:bool=False) -> dict:
    "benchmarks/results/<name>.json (`optional`: empty when that benchmark has not been run)."
    path = root/"benchmarks"/"results"/f"{name}.json"
    return {} if optional and not path.exists() else json.loads(path.read_text())

pct = lambda x: f"{x:.1%}"
dash = lambda x, f: "—" if x is None else f(x)
minus = lambda s: s.replace("-", "\u2212")

HEAD_LR = [("gate-x1", "gate, new layers at the encoder's rate (`head_lr_multiplier=1`)"),
           ("gate-x100", "**gate, new layers at 100× (`head_lr_multiplier=100`: the quick preset)**"),
           ("mean-x100", "mean pooling, head at 100×"), ("gate-x100-seed1", "the quick preset, seed 1"),
           ("mean-x100-seed1", "mean pooling, head at 100×, seed 1"),
           ("gate-x100-s1-b0.2", "+ budget penalty (`gate_sparsity=1`, `gate_budget=0.2`)"),
           ("gate-x100-s0.1-tokens", "+ un-normalised pooling (`gate_norm=\"tokens\"`) and an L1 penalty (`gate_sparsity=0.1`)"),
           ("gate-x100-s0.5-tokens", "the same at `gate_sparsity=0.5`")]

def head_lr_table(res:dict) -> str:
    "The table of the quick-preset gate runs, from benchmarks/results/head_lr.json."
    base = pct(res["gate-x100"]["explanation.top_word_base_rate"])
    rows = ["| run | accuracy | gate mass on a text's top 20% of words (flat: 20%) | median spread (max − min) in a text | plausibility AUC (lexicon words vs the rest) | "
            f"highest-gated word is a lexicon word (base rate {base}) | comprehensiveness@20 (random) | mean gate |", "|---|---|---|---|---|---|---|---|"]
    for key, label in HEAD_LR:
        r = res[key]
        acc = f"**{r['accuracy']:.4f}**" if label.startswith("**") else f"{r['accuracy']:.4f}"
        if "explanation.top20_mass" not in r: rows.append(f"| {label} | {acc} | — | — | — | — | — | — |"); continue
        shut = r["gate_mean"] is not None and r["gate_mean"] < 0.01  # a gate shut on every token ranks nothing
        rows.append(f"| {label} | {acc} | {'— (the gate shut)' if shut else pct(r['explanation.top20_mass'])} | {r['explanation.spread_median']:.2f} | "
                    f"{r['explanation.plausibility_auc']:.3f} | {pct(r['explanation.top_word_in_lexicon'])} | "
                    f"{r['comprehensiveness@20']:.3f} ({r['random_comprehensiveness@20']:.3f}) | {r['gate_mean']:.3f} |")
    return "\n".join(rows)

def quiet_run(r:dict) -> bool:
    "Whether a run had the CPU to itself: a 1-minute load average at its end of at most its cores + 0.5 (its own threads)."
    return r.get("load_average") is not None and r["load_average"] <= r["machine"]["cores"] + 0.5

EXPLAINER_NAMES = {"gate": "gate", "contribution": "signed contribution (last layer)", "traced": "traced",
                   "integrated_gradients": "Integrated Gradients", "attention": "attention", "occlusion": "occlusion", "random": "random tokens"}

def explainer_rows(r:dict) -> list[tuple[str, str]]:
    "(key, name) of each explainer in one model's results, the traced evidence from each layer measured after `traced`."
    start = lambda layer: "the embeddings" if layer == 0 else f"layer {layer}"
    names = {**EXPLAINER_NAMES, "traced": f"traced to the words (from {start(r.get('from_layer', 0))})"}
    extra = sorted((k for k in r if k.startswith("traced@")), key=lambda k: int(k.split("@")[1]))
    keys = [m for m in EXPLAINER_NAMES if m in r]
    at = keys.index("traced") + 1 if "traced" in keys else len(keys)
    keys[at:at] = extra
    return [(k, names.get(k) or f"traced from {start(int(k.split('@')[1]))}") for k in keys]

def explainers_table(res:dict) -> str:
    "The table of every explainer on the same models, from benchmarks/results/explainers.json."
    rows = ["| model | explainer | comprehensiveness@20 | sufficiency@20 (lower is better) | plausibility AUC | top word a lexicon word | ms per explanation |",
            "|---|---|---|---|---|---|---|"]
    for model, r in res.items():
        quiet = quiet_run(r)
        for i, (m, name) in enumerate(explainer_rows(r)):
            x = {**r[m], "ms_per_text": r[m].get("ms_per_text") if quiet else None}
            num = lambda k, f=".3f": dash(x.get(k), lambda v: minus(format(v, f)))
            rows.append(f"| {model if i == 0 else ''} | {name} | {num('comprehensiveness@20')} | {num('sufficiency@20')} | "
                        f"{num('plausibility_auc')} | {dash(x.get('top_word_in_lexicon'), pct)} | {num('ms_per_text', '.1f')} |")
    return "\n".join(rows)

def minutes(r:dict) -> str:
    "A run's training time, when it had the CPU to itself."
    return f"{r['minutes']:.1f} min" if quiet_run(r) else "— (the CPU was shared)"

def full_data_table(evidence:dict, sst2:dict) -> str:
    "The table of the quick recipe on 8,000 sentences and on the full training split (benchmarks/results/evidence.json, sst2_accuracy.json)."
    rows = ["| run | accuracy | training time (2-core CPU) | top-20% mass | spread | plausibility AUC | top word a lexicon word | comprehensiveness@20 (random) |",
            "|---|---|---|---|---|---|---|---|"]
    for key, label in (("gate", "gate, the quick preset (8,000 sentences)"), ("gate+full", "gate, the full training split")):
        r = evidence[key]; e, rnd = r["explainers"]["gate"], r["explainers"]["random"]
        took = f"{r['train_seconds'] / 60:.1f} min" if quiet_run(r) else "— (the CPU was shared)"
        rows.append(f"| {label} | {r['accuracy']:.4f} | {took} | {pct(e['top20_mass'])} | {e['spread_median']:.2f} | {e['plausibility_auc']:.3f} | "
                    f"{pct(e['top_word_in_lexicon'])} | {e['comprehensiveness@20']:.3f} ({rnd['comprehensiveness@20']:.3f}) |")
    if "minilm-mean-x100-1ep" in sst2:
        r = sst2["minilm-mean-x100-1ep"]
        rows.append(f"| mean pooling, the full training split | {r['accuracy']:.4f} | {minutes(r)} | — | — | — | — | — |")
    return "\n".join(rows)

def measured_rows(evidence:dict, sst2:dict, truncation:dict) -> str:
    "The rows of full-data accuracy and truncation (benchmarks/results/evidence.json, sst2_accuracy.json, truncation.json)."
    g, m = evidence["gate+full"], sst2.get("minilm-mean-x100-1ep")
    cmd = "`GATESENT_DATA_DIR=../shared/data .venv/bin/python benchmarks/evidence.py --variants gate+full`"
    mean, mcmd = "", ""
    if m:
        mean = f"; mean pooling at the same settings {m['accuracy']:.4f} (macro F1 {m['f1']:.4f})"
        mcmd = ", `... benchmarks/sst2_accuracy.py --runs minilm-mean --epochs 1 --head-lr-multiplier 100 --tag=-x100-1ep`"
    tr = truncation[next(iter(truncation))]
    modes = ", ".join(f"{n} {tr['modes'][k]['accuracy']:.3f}" for k, n in (("right", "head"), ("left", "tail"), ("head_tail", "head+tail")))
    return "\n".join([
        f"| SST-2 validation accuracy, full train split (67,349 sentences), the quick recipe (1 epoch, lr 5e-5, batch 32, new layers ×100): MiniLM + gate | "
        f"**{g['accuracy']:.4f}** (macro F1 {g['f1']:.4f}){mean} | {cmd}{mcmd} |",
        f"| truncation of long IMDb reviews at {tr['max_tokens']} tokens (frozen MiniLM + logistic regression, {tr['n_train']:,} train / {tr['n_test']:,} held-out) | "
        f"{modes} held-out accuracy: `head_tail` is the default | `.venv/bin/python benchmarks/truncation.py` |"])

def demo_problems(readme:str, demo:dict) -> list[str]:
    "Where the README's quote of the demo sentence differs from what the page showed (benchmarks/results/demo.json)."
    problems, paragraphs = [], [re.sub(r"\s+", " ", p) for p in readme.split("\n\n")]  # the quote may wrap across lines
    for review, shot in demo.items():
        quote = next((p[p.index(review):] for p in paragraphs if review in p), None)
        if quote is None: problems.append(f"the documentation does not quote the demo sentence {review!r}"); continue
        words = {w.strip(" .,").lower(): c for w, c, _ in shot["words"]}
        for word, value in re.findall(r"\*(\w+)\* ([+−-]\d\.\d\d)", quote):
            if f"{words.get(word.lower(), float('nan')):+.2f}" != value.replace("−", "-"): problems.append(f"the demo quote gives *{word}* {value}, the page showed {words.get(word.lower())}")
        conf = re.search(r"\d+(?:\.\d+)?%", shot["confidence"])[0]
        if conf not in quote: problems.append(f"the demo quote lacks the page's confidence {conf}")
        for n in re.findall(r"[−-]?\d+\.\d\d", shot["sum"]):
            if n.replace("-", "−") not in quote and n not in quote: problems.append(f"the demo quote lacks {n} from the page's sum ({shot['sum']!r})")
    return problems

def first_run_sentence(res:dict) -> str:
    "The figures of the first `make run` on a fresh clone (benchmarks/results/first_run.json)."
    r, s = res["make run"], res["make run"]["steps"]
    return (f"**{r['seconds_to_page']:.1f} s** from the command to the page and `/predict` answering — training {s['train']:.1f} s,\n"
            f"evaluation {s['evaluate']:.1f} s, packaging {s['package']:.1f} s, ONNX export + server start + smoke test {s['serve']:.1f} s")

def reinforce_row(res:dict) -> str:
    "The REINFORCE row, from benchmarks/results/reinforce.json."
    plain, rf = res["rows"][0], res["rows"][1:]
    sparsity = " / ".join(r["run"].rsplit(" ", 1)[-1] for r in rf)
    acc, gate = " / ".join(f"{r['accuracy']:.3f}" for r in rf), " / ".join(f"{r['gate_mean']:.3f}" for r in rf)
    return (f"| REINFORCE gate training vs the plain gate (tiny T5, 8,000 sentences, 3 epochs, seed 0, every layer at lr 5e-3) | plain {plain['accuracy']:.3f}; "
            f"REINFORCE {acc} at sparsity {sparsity}, with mean gate {gate} (plain {plain['gate_mean']:.3f}); the table in `nbs/02_train.ipynb` has the "
            f"faithfulness figures | `.venv/bin/python benchmarks/reinforce.py --data ../shared/data` |")

def evidence_table(root:Path) -> str:
    "The signed-evidence table, as `benchmarks/evidence.py --table gate` prints it from benchmarks/results/evidence.json."
    r = subprocess.run([sys.executable, str(root/"benchmarks"/"evidence.py"), "--table", "gate"], capture_output=True, text=True, cwd=root)
    if r.returncode or not r.stdout.strip(): raise ValueError(f"benchmarks/evidence.py --table gate failed: {r.stderr[-500:]}")
    return r.stdout.strip()

def ci_quiet(r:dict) -> bool:
    "Whether a CI run had the CPU to itself: other processes took at most a tenth of one core meanwhile."
    return r.get("other_cpu_s") is not None and r["other_cpu_s"] <= 0.1 * r["seconds"]

def ci_time_rows(res:dict) -> str:
    "The CI time rows, one per kind of CPU, from benchmarks/results/ci_time.json (a time only from a run that had the CPU to itself)."
    rows = []
    for kind, r in sorted(res.items()):
        longest = ", ".join(f"{n.removesuffix('.ipynb')} {s:,} s" for n, s in r["slowest"].items())
        figure = (f"**{r['seconds'] / 60:.1f} min** ({r['notebooks']} notebooks, {r['jobs']} at a time: {r['notebook_seconds']:,} s of notebook time, "
                  f"{r['notebook_cpu_s']:,} CPU-seconds; the longest {longest}; other processes {r['other_cpu_s']} CPU-seconds meanwhile)") if ci_quiet(r) else \
                 (f"— (the CPU was shared: other processes took {r['other_cpu_s']} CPU-seconds meanwhile)" if "other_cpu_s" in r
                  else "— (the run did not measure what else used the CPU)")
        rows.append(f"| `.ci/run` on a fresh clone (`make test`, then the notebooks-and-package check), {r['machine']['cores']}-core {r['machine']['cpu']} "
                    f"with {kind} | {figure} | `bash benchmarks/ci_time.sh` |")
    return "\n".join(rows)

def measured_table(root:Path) -> str:
    "The table under Measured so far: full-data accuracy, truncation, REINFORCE, serving and CI time."
    return "\n".join(["| what | figure | command |", "|---|---|---|", measured_rows(results("evidence", root), results("sst2_accuracy", root, optional=True), results("truncation", root)),
                      reinforce_row(results("reinforce", root)), inference_rows(results("inference", root)), ci_time_rows(results("ci_time", root))])

GENERATED = {  # blocks built from benchmarks/results/*.json, between <!-- generated: NAME --> and <!-- /generated -->
    "measured table": measured_table,
    "signed-evidence table": evidence_table,
    "quick-preset gate table": lambda root: head_lr_table(results("head_lr", root)),
    "explainers table": lambda root: explainers_table(results("explainers", root)),
    "full-data table": lambda root: full_data_table(results("evidence", root), results("sst2_accuracy", root, optional=True)),
    "first-run figures": lambda root: first_run_sentence(results("first_run", root))}
END = "<!-- /generated -->"

def blocks(readme:str) -> dict:
    "NAME -> (start, end, text) of each generated block in the text (a block on its own lines keeps them)."
    out = {}
    for m in re.finditer(r"<!-- generated: ([^>]+?) -->", readme):
        end = readme.find(END, m.end())
        if end < 0: raise ValueError(f"<!-- generated: {m[1]} --> has no {END}")
        out[m[1]] = (m.end(), end, readme[m.end():end])
    return out

def regenerate(readme:str, root:Path=ROOT, strict:bool=True) -> str:
    "The text with every generated block rebuilt from the raw results (`strict=False`: a block without them stays, with a note)."
    for name, (start, end, text) in sorted(blocks(readme).items(), key=lambda x: -x[1][0]):
        try: block = GENERATED[name](root)
        except (OSError, KeyError, StopIteration, ValueError, IndexError) as e:
            if strict: raise
            print(f"{name}: left as it is, no raw results to build it from ({type(e).__name__}: {e})"); continue
        readme = readme[:start] + (f"\n{block}\n" if text.startswith("\n") else block) + readme[end:]
    return readme

def check(readme:str, root:Path=ROOT) -> list[str]:
    "What disagrees (empty when the documentation's figures are backed)."
    problems = []
    found = blocks(readme)
    for name, make in GENERATED.items():
        if name not in found: problems.append(f"the documentation has no <!-- generated: {name} --> block"); continue
        try: block = make(root)
        except (OSError, KeyError, StopIteration, ValueError, IndexError) as e: problems.append(f"{name}: no raw results to build it from ({type(e).__name__}: {e})"); continue
        if found[name][2].strip("\n") != block: problems.append(f"the {name} differs from its raw results (rebuild it with .ci/figures.py --write)")
    problems += [f"unknown generated block {n!r}" for n in found if n not in GENERATED]
    rows = found["measured table"][2].strip().splitlines()[2:] if "measured table" in found else []
    for row in rows:
        command = row.rstrip(" |").rsplit(" | ", 1)[-1]
        if "`" not in command and command.strip() != "same command": problems.append(f"a figure without a command: {row[:90]}")
    for script in sorted(set(re.findall(r"benchmarks/[\w.-]+\.(?:py|sh)", readme))):
        if not (root/script).is_file(): problems.append(f"the documentation names {script}, which does not exist")
    problems += demo_problems(readme, results("demo", root))
    for name, res in ((p.stem, json.loads(p.read_text())) for p in sorted((root/"benchmarks"/"results").glob("*.json"))):
        entries = [res] if "command" in res else list(res.values())
        for e in entries:
            missing = [k for k in ("command", "commit", "machine", "date") if k not in e]
            if missing: problems.append(f"benchmarks/results/{name}.json has an entry without {missing}")
    problems += distill_problems(readme, results("distill", root))
    return problems

def distill_problems(text:str, runs:dict) -> list[str]:
    "Each distillation run (benchmarks/results/distill.json) has its own row: its sentences, teacher weight, epochs and figures."
    rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in text.splitlines() if l.startswith("| `quick`")]
    problems = []
    for name, run in runs.items():
        m = re.fullmatch(r"n(\d+|all)-ep(\d+)-w([\d.]+)(?:-T([\d.]+))?", name)
        if m is None: problems.append(f"distill.json: a run name gatesent does not read: {name}"); continue
        n, epochs, w, t = ("67,349" if m[1] == "all" else f"{int(m[1]):,}"), int(m[2]), m[3], m[4]
        fig = f"{run['accuracy']:.4f} ({run['f1']:.4f})"
        def fits(r): return (len(r) >= 5 and r[2] == n and r[4].startswith(fig) and (f"{epochs} epochs" in r[0]) == (epochs > 1)
                             and (r[3] == "—" if float(w) == 0 else f"({w}, {t})" in r[3]))
        if not any(fits(r) for r in rows):
            problems.append(f"the distillation table has no row for {name} ({n} sentences, weight {w}, {epochs} epoch(s)) with {fig}")
    return problems

def self_test() -> None:
    "Each check fails on documentation that has drifted."
    readme = docs_text()
    assert check(readme) == [], check(readme)
    assert regenerate(readme) == readme
    assert check(readme.replace("benchmarks/reinforce.py", "benchmarks/reinforce_old.py", 1)), "a missing script passed"
    for name, (start, end, text) in blocks(readme).items():  # one figure changed in each generated block
        m = re.search(r"\d\.\d", text)
        drifted = readme[:start + m.start()] + ("8" if text[m.start()] == "9" else "9") + readme[start + m.start() + 1:]
        assert check(drifted) and regenerate(drifted) == readme, f"a drifted {name} passed"
    demo = results("demo")
    quoted = [q for w, c, _ in next(iter(demo.values()))["words"] if (q := f"*{w.strip(' .,')}* {c:+.2f}".replace("-", "\u2212")) in readme]
    q = quoted[0] if quoted else "no quoted word"
    one = next(k for k in results("distill") if k.startswith("nall-ep1"))
    fig = f"{results('distill')[one]['accuracy']:.4f}"
    moved = readme.replace(f"| {fig} (", "| 0.1111 (", 1)
    assert moved != readme and distill_problems(moved, results("distill")), "a distillation figure changed in its row passed"
    a, b = (f"{r['accuracy']:.4f} ({r['f1']:.4f})" for k, r in results("distill").items() if k.startswith("nall"))
    swapped = readme.replace(a, "\0").replace(b, a).replace("\0", b)  # every figure still there, in the other's row
    assert swapped != readme and distill_problems(swapped, results("distill")), "two distillation rows swapped passed"
    assert q in readme and demo_problems(readme.replace(q, q[:-1] + ("1" if q[-1] != "1" else "2")), demo), "a drifted demo quote passed"
    served = results("inference")
    ci = results("ci_time")
    for other, shown in ((600, False), (20, True)):  # a CI run beside other work publishes no time
        assert ("min**" in ci_time_rows({k: {**r, "other_cpu_s": other, "seconds": 1300} for k, r in ci.items()})) == shown, other
    for load, shown in ((9.0, False), (1.0, True)):  # a run on a shared CPU publishes no timing; a quiet one does
        rows = inference_rows({**served, "load_average": load}).splitlines()
        assert [("the CPU was shared" not in rows[i]) for i in (0, 3, 4)] == [shown] * 3, (load, rows)

if __name__ == "__main__":
    if sys.argv[1:2] == ["--print"]:
        if sys.argv[2:] and sys.argv[2] in GENERATED: print(GENERATED[sys.argv[2]](ROOT)); sys.exit(0)
        sys.exit(f"usage: .ci/figures.py --print NAME, NAME one of {sorted(GENERATED)}")
    if sys.argv[1:] == ["--write"]:
        write_docs(); print("generated blocks rebuilt; README.md written from nbs/index.ipynb"); sys.exit(0)
    self_test()
    problems = check(docs_text())
    if (ROOT/"README.md").read_text() != readme_nb.render(): problems.append("README.md is not what nbs/index.ipynb gives (make readme)")
    print("\n".join(problems) or "figures: backed by their commands and raw results; README.md is nbs/index.ipynb")
    sys.exit(1 if problems else 0)
