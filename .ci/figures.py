"""Check that the README's figures still come from the raw results and commands that back them.

- every row of "Measured so far" names a command, and every `benchmarks/*.py` a README command names exists;
- the explainer table equals what `benchmarks/evidence.py --table gate` prints from benchmarks/results/evidence.json;
- the REINFORCE row and the distillation table hold the figures of benchmarks/results/reinforce.json and distill.json;
- the serving rows are exactly what `inference_rows` makes of benchmarks/results/inference.json (`--print-inference`).

    .venv/bin/python .ci/figures.py            # exit 1, saying what disagrees
"""
import json, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def section(text:str, title:str) -> str:
    "The README text under `## title`, up to the next `## `."
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]

def inference_rows(res:dict) -> str:
    "The README's serving rows, from benchmarks/results/inference.json."
    t, s, z = res["throughput"], res["serve"], res["size_mb"]
    cmd = f"`GATESENT_DATA_DIR=../shared/data .venv/bin/python {res['command']}`"
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
    return "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)

def check(readme:str, root:Path=ROOT) -> list[str]:
    "What disagrees (empty when the README's figures are backed)."
    problems = []
    lines = section(readme, "Measured so far").splitlines()
    first = next(i for i, l in enumerate(lines) if l.startswith("| what |"))
    rows = []
    for l in lines[first + 2:]:  # the section's own table: its rows up to the first line that is not one
        if not l.startswith("| "): break
        rows.append(l)
    for row in rows:
        command = row.rstrip(" |").rsplit(" | ", 1)[-1]
        if "`" not in command and command.strip() != "same command": problems.append(f"a figure without a command: {row[:90]}")
    for script in sorted(set(re.findall(r"benchmarks/[\w.-]+\.py", readme))):
        if not (root/script).is_file(): problems.append(f"the README names {script}, which does not exist")
    table = subprocess.run([sys.executable, str(root/"benchmarks"/"evidence.py"), "--table", "gate"], capture_output=True, text=True, cwd=root)
    if table.returncode or not table.stdout.strip(): problems.append(f"benchmarks/evidence.py --table gate failed: {table.stderr[-500:]}")
    elif table.stdout.strip() not in readme: problems.append("the explainer table differs from `benchmarks/evidence.py --table gate` (benchmarks/results/evidence.json)")
    if inference_rows(json.loads((root/"benchmarks"/"results"/"inference.json").read_text())) not in readme:
        problems.append("the serving rows differ from benchmarks/results/inference.json (print them with .ci/figures.py --print-inference)")
    rf = json.loads((root/"benchmarks"/"results"/"reinforce.json").read_text())["rows"]
    row = next((l for l in rows if l.startswith("| REINFORCE gate training")), "")
    want = [f"{r['accuracy']:.3f}" for r in rf] + [f"{r['gate_mean']:.3f}" for r in rf]
    if not row or any(w not in row for w in want): problems.append(f"the REINFORCE row lacks {[w for w in want if w not in row]} from benchmarks/results/reinforce.json")
    for name, run in json.loads((root/"benchmarks"/"results"/"distill.json").read_text()).items():
        fig = f"{run['accuracy']:.4f} ({run['f1']:.4f})"
        if fig not in readme: problems.append(f"the distillation table lacks {name}'s {fig} from benchmarks/results/distill.json")
    return problems

def self_test() -> None:
    "Each check fails on a README that has drifted."
    readme = (ROOT/"README.md").read_text()
    assert check(readme) == [], check(readme)
    rf = f"{json.loads((ROOT/'benchmarks'/'results'/'reinforce.json').read_text())['rows'][0]['accuracy']:.3f}"
    for broken in (readme.replace("| `gate` (0.8624) | gate | 0.241", "| `gate` (0.8624) | gate | 0.242", 1),
                   readme.replace(f"plain {rf}", "plain 0.999", 1),
                   readme.replace("benchmarks/reinforce.py", "benchmarks/reinforce_old.py", 1),
                   readme.replace("`Predictor` PyTorch fp32 ", "`Predictor` PyTorch fp32 1", 1)):
        assert broken != readme and check(broken), "a drifted README passed"

if __name__ == "__main__":
    if sys.argv[1:] == ["--print-inference"]:
        print(inference_rows(json.loads((ROOT/"benchmarks"/"results"/"inference.json").read_text()))); sys.exit(0)
    self_test()
    problems = check((ROOT/"README.md").read_text())
    print("\n".join(problems) or "README figures: backed by their commands and raw results")
    sys.exit(1 if problems else 0)
