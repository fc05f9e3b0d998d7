"""Format the export cells of nbs/ so that the exported modules keep the line rules (`.ci/style.py`).

black (the version settings.ini pins; long strings split) formats every export cell, and `nbdev_export`
formats them again (`black_formatting = True`), so the notebooks and the modules agree. Before black, a
trailing comment that would make black's line too long moves above its line (above its parameter in a
signature, where docments still find it), long `from gatesent.x import ...` lines become several (nbdev
rewrites only one-line imports to relative ones), and `self.a, self.b = a, b` becomes one assignment per
line. After it, comments and one-line docstrings over 100 characters are wrapped.

    .venv/bin/python .ci/format.py && make export    # then .ci/style.py
"""
import io, json, re, sys, textwrap, tokenize, glob
import black, black.mode as bm

LIMIT = 100
STABLE = black.Mode()
SPLIT = black.Mode(preview=True, enabled_features={bm.Preview.string_processing})
EXPORT = re.compile(r'^#\|\s*(export|exporti|exports)\b')

def wrap(text, indent, prefix='# '):
    "Lines of `prefix`+text at `indent`, each at most LIMIT long"
    w = textwrap.wrap(text, LIMIT - len(indent) - len(prefix), break_long_words=False,
                      break_on_hyphens=False)
    return [indent + prefix + l for l in w] or [indent + prefix.rstrip()]

def fix_comments(src, simple_only=False):
    "Wrap long full-line comments; move long trailing comments above their line, wrapped"
    lines = src.split('\n')
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    starts, start = {}, None
    for i, t in enumerate(toks):
        if start is None and t.type not in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT,
                                             tokenize.DEDENT, tokenize.NEWLINE):
            start = t.start[0]
        if t.type == tokenize.NEWLINE: starts[i] = start; start = None
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.type != tokenize.COMMENT: continue
        ln = t.start[0] - 1
        line = lines[ln]
        if line.lstrip().startswith('#|'): continue
        if simple_only and line[:t.start[1]].strip():
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            one_line = nxt is not None and nxt.type == tokenize.NEWLINE and starts.get(i + 1) == t.start[0]
            if not one_line or re.match(r'\s*(async\s+def|def|class|if|elif|else|for|while|with|try|except|finally)\b', line):
                if len(line) <= LIMIT or not one_line: continue
                if re.match(r'\s*(async\s+def|def|class)\b', line): continue
            code = line[:t.start[1]].strip()
            try: fmt = black.format_str(code, mode=STABLE).strip()
            except Exception: fmt = code
            indent = line[:len(line) - len(line.lstrip())]
            if '\n' not in fmt and len(indent) + len(fmt) + 2 + len(t.string) <= BLACK_LIMIT: continue
        elif len(line) <= LIMIT: continue
        text = t.string[1:].strip()
        if line[:t.start[1]].strip() == '':
            lines[ln:ln+1] = wrap(text, line[:t.start[1]])
        else:
            code = line[:t.start[1]].rstrip()
            indent = re.match(r'\s*', code).group()
            lines[ln:ln+1] = wrap(text, indent) + [code]
    return '\n'.join(lines)

def docstrings(src):
    "(start line, end line, node) of each docstring"
    import ast
    out = []
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)) and n.body:
            b = n.body[0]
            if isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant) and isinstance(b.value.value, str):
                out.append((b.lineno, b.end_lineno, b))
    return out

def fix_docstrings(src, where):
    "Wrap a long one-line docstring into a triple-quoted one"
    lines = src.split('\n')
    for s, e, b in sorted(docstrings(src), key=lambda x: -x[0]):
        if s != e or len(lines[s-1]) <= LIMIT: continue
        line = lines[s-1]
        m = re.match(r'^(\s*)([rRuU]?)("""|\'\'\'|"|\')(.*)\3(\s*)$', line)
        if not m or m.group(3) in ('"""', "'''") and False:
            print('  docstring not handled', where, line[:80]); continue
        indent, pre, q, body = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(q) == 1:
            if '"""' in body or body.endswith('"') or '\\' + q in body and q == "'":
                print('  docstring not handled', where, line[:80]); continue
        w = textwrap.wrap(body, LIMIT - len(indent), break_long_words=False, break_on_hyphens=False,
                          initial_indent=' ' * (len(pre) + 3), subsequent_indent='')
        w[0] = w[0][len(pre) + 3:]
        if len(indent + w[-1]) + 3 > LIMIT: w.append('')
        new = [indent + pre + '"""' + w[0]] + [indent + l if l else indent for l in w[1:]]
        new[-1] += '"""'
        lines[s-1:s] = new
    return '\n'.join(lines)

IMPORT = re.compile(r'^(\s*)from (gatesent[\w.]*) import ([\w, ]+?)(\s*#.*)?$')

def split_imports(src):
    "`from gatesent.x import a, b, ...` lines that black would break, as several short ones"
    out = []
    for line in src.split('\n'):
        m = IMPORT.match(line)
        if not m or len(line) <= 88:
            out.append(line); continue
        indent, mod, names = m.group(1), m.group(2), [n.strip() for n in m.group(3).split(',')]
        if m.group(4): out.append(indent + m.group(4).strip())
        head, cur = f'{indent}from {mod} import ', []
        for n in names:
            if cur and len(head + ', '.join(cur + [n])) > 88:
                out.append(head + ', '.join(cur)); cur = []
            cur.append(n)
        out.append(head + ', '.join(cur))
    return '\n'.join(out)

def one_attribute_per_line(src):
    "`self.a, self.b = a, b` as one assignment per line (when no target is read on the right)"
    import ast
    lines = src.split('\n')
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    commented = {t.start[0] for t in toks if t.type == tokenize.COMMENT}
    found = []
    for n in ast.walk(ast.parse(src)):
        if not (isinstance(n, ast.Assign) and len(n.targets) == 1): continue
        t, v = n.targets[0], n.value
        if not (isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts)):
            continue
        if not all(isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id == 'self'
                   for e in t.elts): continue
        names = {e.attr for e in t.elts}
        read = {a.attr for a in ast.walk(v) if isinstance(a, ast.Attribute)
                and isinstance(a.value, ast.Name) and a.value.id == 'self'}
        if names & read or commented & set(range(n.lineno, n.end_lineno + 1)): continue
        found.append(n)
    for n in sorted(found, key=lambda n: -n.lineno):
        indent = lines[n.lineno - 1][:n.col_offset]
        new = [f'{indent}{ast.unparse(a)} = {ast.unparse(b)}' for a, b in zip(n.targets[0].elts, n.value.elts)]
        lines[n.lineno - 1:n.end_lineno] = new
    return '\n'.join(lines)

def trailing_commas(src):
    "A magic trailing comma after the last parameter of every signature that holds comments"
    import ast
    lines = src.split('\n')
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    comment_lines = {t.start[0] for t in toks if t.type == tokenize.COMMENT}
    edits = []
    for n in ast.walk(ast.parse(src)):
        if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
        a = n.args
        parts = a.posonlyargs + a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs
        parts += [a.kwarg] if a.kwarg else []
        parts += [d for d in a.defaults + a.kw_defaults if d is not None]
        if not parts: continue
        body_line = n.body[0].lineno
        if not comment_lines & set(range(n.lineno, body_line)): continue
        last = max(parts, key=lambda x: (x.end_lineno, x.end_col_offset))
        # the next significant token after the last parameter
        nxt = next(t for t in toks if t.start >= (last.end_lineno, last.end_col_offset)
                   and t.type not in (tokenize.NL, tokenize.COMMENT))
        if nxt.string != ',': edits.append((last.end_lineno, last.end_col_offset))
    for ln, col in sorted(edits, reverse=True):
        l = lines[ln - 1]
        lines[ln - 1] = l[:col] + ',' + l[col:]
    return '\n'.join(lines)

BLACK_LIMIT = 88

def _param_parts(n):
    "(node, default or None) of each parameter of a function, in order"
    a = n.args
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    out = list(zip(pos, defaults))
    if a.vararg: out.append((a.vararg, None))
    out += list(zip(a.kwonlyargs, a.kw_defaults))
    if a.kwarg: out.append((a.kwarg, None))
    return out

def signature_comments(src):
    "Move each signature comment that would make black's line too long above its parameter"
    import ast
    lines = src.split('\n')
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    comments = {t.start[0]: t for t in toks if t.type == tokenize.COMMENT}
    edits = {}
    for n in ast.walk(ast.parse(src)):
        if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
        def_indent = lines[n.lineno - 1][:len(lines[n.lineno - 1]) - len(lines[n.lineno - 1].lstrip())]
        inner = def_indent + '    '
        owners = {}
        for arg, default in _param_parts(n):
            end = default or arg
            owners[arg.lineno] = ('param', arg, end)
        if n.returns: owners[n.returns.lineno] = ('return', n.returns, n.returns)
        for ln, (kind, node, end) in owners.items():
            t = comments.get(ln)
            if t is None or ln in edits: continue
            line = lines[ln - 1]
            if not line[:t.start[1]].strip(): continue
            text = t.string[1:].strip()
            if kind == 'param':
                start = node.col_offset
                while start > 0 and line[start - 1] == '*': start -= 1
                if end.end_lineno != ln: continue
                seg = line[start:end.end_col_offset]
                try: fmt = black.format_str(f"def _(\n    {seg},\n):\n    pass\n", mode=STABLE)
                except Exception: continue
                width = len(inner) + len(fmt.split('\n')[1].strip()) + 2 + len(t.string)
                if width <= BLACK_LIMIT: continue
                head = line[:start].rstrip()
                new = ([head] if head.strip() else []) + wrap(text, inner) + [inner + line[start:t.start[1]].rstrip()]
            else:
                parens = [k for k in toks if k.start[0] == ln and k.string == ')' and k.start[1] < node.col_offset]
                if not parens: continue
                paren = parens[-1].start[1]
                width = len(def_indent) + len(line[paren:t.start[1]].strip()) + 2 + len(t.string)
                if width <= BLACK_LIMIT: continue
                head = line[:paren].rstrip()
                new = ([head] if head.strip() else []) + wrap(text, inner) + [def_indent + line[paren:t.start[1]].rstrip()]
            edits[ln] = new
    for ln in sorted(edits, reverse=True):
        lines[ln - 1:ln] = edits[ln]
    return '\n'.join(lines)

def fmt_cell(source, where):
    lines = source.split('\n')
    k = 0
    while k < len(lines) and lines[k].startswith('#|'): k += 1
    head, body = lines[:k], '\n'.join(lines[k:])
    body = trailing_commas(signature_comments(split_imports(fix_comments(body, simple_only=True))))
    try: body = black.format_str(body, mode=SPLIT)
    except Exception as e:
        print('  black failed', where, str(e)[:100]); return source
    body = one_attribute_per_line(body)
    for _ in range(3):
        body = black.format_str(fix_docstrings(fix_comments(body), where), mode=STABLE)
    if black.format_str(body, mode=STABLE) != body: print('  not stable', where)
    return '\n'.join(head + [body.strip()])

if __name__ == '__main__':
    for f in sorted(glob.glob('nbs/*.ipynb')):
        nb = json.load(open(f))
        changed = 0
        for i, c in enumerate(nb['cells']):
            if c['cell_type'] != 'code': continue
            src = ''.join(c['source'])
            if not any(EXPORT.match(l) for l in src.split('\n')[:5]): continue
            new = fmt_cell(src, f'{f}#{i}')
            if new != src:
                changed += 1
                c['source'] = [l + '\n' for l in new.split('\n')]
                c['source'][-1] = c['source'][-1][:-1]
        if changed:
            json.dump(nb, open(f, 'w'), indent=1, ensure_ascii=False); open(f, 'a').write('\n')
            print(f, changed)
