"""Check that the README's figures still come from the raw results and commands that back them.

- every row of "Measured so far" names a command, and every `benchmarks/*.py` a README command names exists;
- the explainer table equals what `benchmarks/evidence.py --table gate` prints from benchmarks/results/evidence.json;
- the REINFORCE row and the distillation table hold the figures of benchmarks/results/reinforce.json and distill.json.

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
                   readme.replace("benchmarks/reinforce.py", "benchmarks/reinforce_old.py", 1)):
        assert broken != readme and check(broken), "a drifted README passed"

if __name__ == "__main__":
    self_test()
    problems = check((ROOT/"README.md").read_text())
    print("\n".join(problems) or "README figures: backed by their commands and raw results")
    sys.exit(1 if problems else 0)
