"""Fail on prose that tells history: the README and every notebook's Markdown say the rule and its reason, in the present
tense, never what the code used to do, what an earlier round reported, or a commit id.

    .venv/bin/python .ci/prose.py     # exit 1, naming each sentence and where it is
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HISTORY = re.compile("|".join([
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bget )\bused to\b",  # "the check used to ..."
    r"\b(?:it|this|that|which) now\b",  # "it now takes 0.16 s"
    r"\bno longer\b", r"\breported here before\b", r"\bthis round\b", r"\bthe issue (?:asks|asked|measured|that)\b",
    r"\bseed (?:design|system)\b", r"\bthe seeds\b", r"\bthe seeds'",  # the project this one grew from
    r"\b(?:at|commit) (?=[0-9a-f]*\d)[0-9a-f]{7,40}\b",  # "at commit 8e88f0b", "the run at 871c99c"
]), re.I)

def texts(root:Path=ROOT):
    "(where, text) of the README and of every Markdown cell of the notebooks."
    yield "README.md", (root/"README.md").read_text()
    for p in sorted((root/"nbs").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in p.parts: continue
        for i, c in enumerate(json.loads(p.read_text())["cells"]):
            if c["cell_type"] == "markdown": yield f"{p.relative_to(root)} cell {i}", "".join(c["source"])

def problems(items) -> list[str]:
    "One line per history phrase found."
    out = []
    for where, text in items:
        for m in HISTORY.finditer(text):
            out.append(f"{where}: {text[max(0, m.start() - 60):m.end() + 40]!r}")
    return out

def self_test():
    "Planted history sentences are found; present-tense ones with the same words are not."
    bad = ["The check used to go through gatesent.train.", "It now takes 0.16 s.", "the run at 871c99c took 1,259 s",
           "The seeds ran these steps as a DAG.", "were reported here before", "at commit 8e88f0b"]
    good = ["The ids are used to name the job.", "The seed moves each by 2 points.", "Now the page shows it.", "at deadbeef"]
    assert all(problems([("t", s)]) for s in bad), [s for s in bad if not problems([("t", s)])]
    assert not problems([("t", s) for s in good]), problems([("t", s) for s in good])

if __name__ == "__main__":
    self_test()
    found = problems(texts())
    print("\n".join(found) or "prose: no history sentences in the README or the notebooks' Markdown")
    sys.exit(1 if found else 0)
