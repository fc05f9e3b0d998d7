"""Write README.md from nbs/index.ipynb (settings.ini's `readme_nb`), or check that it is what the notebook gives.

nbdev renders the README with Quarto, which these machines cannot install; nbconvert's Markdown exporter gives the same
text for a notebook of Markdown cells. Links and images are relative to `nbs/` in the notebook and to the repository's
root in the README, so `](images/...)`, `](explanations/...)` and `](NN_name.ipynb)` gain `nbs/`.

    .venv/bin/python .ci/readme.py            # write README.md (`make readme`)
    .venv/bin/python .ci/readme.py --check    # exit 1 when README.md is not what nbs/index.ipynb gives
"""
import re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT/"nbs"/"index.ipynb"

def render(index:Path=INDEX) -> str:
    "The README's text: the index notebook through nbconvert's Markdown exporter, links made relative to the root."
    import nbformat
    from nbconvert import MarkdownExporter
    body, _ = MarkdownExporter().from_notebook_node(nbformat.read(index, as_version=4))
    body = re.sub(r"\]\((?!https?:|#|/|\.\./)([^)]+)\)", lambda m: f"](nbs/{m[1]})", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip("\n") + "\n"

def main() -> int:
    text, readme = render(), ROOT/"README.md"
    if sys.argv[1:] == ["--check"]:
        if readme.read_text() == text: print("README.md: what nbs/index.ipynb gives"); return 0
        print("README.md differs from nbs/index.ipynb: edit the notebook, then run `make readme`"); return 1
    readme.write_text(text); print(f"README.md: written from nbs/index.ipynb ({len(text.splitlines())} lines)")
    return 0

if __name__ == "__main__": sys.exit(main())
