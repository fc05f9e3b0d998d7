"""Hold the exported modules to the line rules, module by module: no module gains a line over 100 characters
or a `;`-joined statement. `.ci/style-baseline.json` holds today's counts; lowering one is welcome (rewrite
the file with --write), raising one fails. nbdev's own `__all__` block (wrapped at 120 by nbdev) is exempt.

    .venv/bin/python .ci/style.py             # exit 1, naming each module that gained and its new lines
    .venv/bin/python .ci/style.py --write     # after a module got shorter: record the new counts
    .venv/bin/python .ci/style.py --self-test
"""
import io, json, sys, tempfile, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT/".ci"/"style-baseline.json"
LIMIT = 100

def exempt_lines(lines: list[str]) -> set[int]:
    "Line numbers (1-based) of nbdev's `__all__` assignment."
    out, inside = set(), False
    for i, line in enumerate(lines, 1):
        if line.startswith("__all__ = "): inside = True
        if inside:
            out.add(i)
            if line.rstrip().endswith("]"): inside = False
    return out

def findings(path: Path) -> dict:
    "The long lines and the `;` statements of one module, as line numbers."
    src = path.read_text()
    lines = src.splitlines()
    skip = exempt_lines(lines)
    long = [i for i, l in enumerate(lines, 1) if len(l) > LIMIT and i not in skip]
    toks = tokenize.generate_tokens(io.StringIO(src).readline)
    semis = sorted({t.start[0] for t in toks if t.type == tokenize.OP and t.string == ";"})
    return {"long": long, "semicolons": semis}

def counts(package: Path) -> dict:
    "Per module: how many long lines and `;` statements."
    out = {}
    for p in sorted(package.glob("*.py")):
        if p.name == "_modidx.py": continue
        f = findings(p)
        out[p.name] = [len(f["long"]), len(f["semicolons"])]
    return out

def gains(package: Path, baseline: dict) -> list[str]:
    "One line per module whose counts rose above the baseline."
    out = []
    for name, (n_long, n_semi) in counts(package).items():
        b_long, b_semi = baseline.get(name, [0, 0])
        if n_long > b_long or n_semi > b_semi:
            f = findings(package/name)
            out.append(f"{name}: {n_long} lines over {LIMIT} characters (baseline {b_long}), "
                       f"{n_semi} lines with ';' (baseline {b_semi}); long lines: {f['long'][:20]}")
    return out

def self_test():
    "A module that gains a long line, and one that gains a `;`, fail; the baseline itself passes."
    with tempfile.TemporaryDirectory() as d:
        pkg = Path(d)
        (pkg/"a.py").write_text("__all__ = [" + "'x', " * 40 + "]\nx = 1\n")
        (pkg/"b.py").write_text("y = 2\n")
        base = counts(pkg)
        assert base == {"a.py": [0, 0], "b.py": [0, 0]}, base
        assert not gains(pkg, base)
        (pkg/"a.py").write_text((pkg/"a.py").read_text() + "z = '" + "z" * 120 + "'\n")
        (pkg/"b.py").write_text("y = 2; w = 3\ns = ';'\n")
        found = gains(pkg, base)
        assert len(found) == 2 and found[0].startswith("a.py: 1 lines") and "b.py: 0 lines" in found[1], found
    print("style self-test: passed")

if __name__ == "__main__":
    if "--self-test" in sys.argv: self_test(); sys.exit(0)
    now = counts(ROOT/"gatesent")
    if "--write" in sys.argv:
        rows = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in now.items()]
        BASELINE.write_text("{\n" + ",\n".join(rows) + "\n}\n")
        print(f"wrote {BASELINE.relative_to(ROOT)}"); sys.exit(0)
    found = gains(ROOT/"gatesent", json.loads(BASELINE.read_text()))
    total = [sum(v[0] for v in now.values()), sum(v[1] for v in now.values())]
    print(f"style: {total[0]} lines over {LIMIT} characters and {total[1]} with ';' in gatesent/ "
          f"({len(now)} modules)")
    for line in found: print("  gained:", line)
    sys.exit(1 if found else 0)
