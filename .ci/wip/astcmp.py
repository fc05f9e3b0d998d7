import ast, glob, sys, os
def norm(tree):
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)) and n.body:
            b = n.body[0]
            if isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant) and isinstance(b.value.value, str):
                b.value.value = ' '.join(b.value.value.split())
    return Split().visit(tree)
class Split(ast.NodeTransformer):
    def generic_visit(self, node):
        super().generic_visit(node)
        for field in ('body', 'orelse', 'finalbody'):
            b = getattr(node, field, None)
            if isinstance(b, list):
                out = []
                for st in b:
                    if (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Tuple)
                            and isinstance(st.value, ast.Tuple) and len(st.targets[0].elts) == len(st.value.elts)
                            and all(isinstance(e, ast.Attribute) for e in st.targets[0].elts)):
                        out += [ast.Assign(targets=[a], value=v) for a, v in zip(st.targets[0].elts, st.value.elts)]
                    else: out.append(st)
                setattr(node, field, out)
        return node
def defs(path):
    t = norm(ast.parse(open(path).read()))
    out = {}
    for i, n in enumerate(t.body):
        name = getattr(n, 'name', None) or (ast.unparse(n.targets[0]) if isinstance(n, ast.Assign) else f'stmt{i}:{type(n).__name__}')
        key = name
        while key in out: key += "'"
        out[key] = ast.dump(n, include_attributes=False)
    return out
for f in sorted(glob.glob(sys.argv[1] + '/*.py')):
    g = os.path.join(sys.argv[2], os.path.basename(f))
    a, b = defs(f), defs(g)
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k): print(os.path.basename(f), k)
