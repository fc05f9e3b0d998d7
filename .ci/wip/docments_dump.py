import importlib, inspect, json, pkgutil, sys
from fastcore.docments import docments
import gatesent
out = {}
for m in pkgutil.iter_modules(gatesent.__path__):
    if m.name.startswith('_'): continue
    try: mod = importlib.import_module(f'gatesent.{m.name}')
    except Exception as e: out[m.name] = f'import failed {e}'; continue
    for name in getattr(mod, '__all__', []):
        o = getattr(mod, name, None)
        objs = [(name, o)]
        if inspect.isclass(o): objs += [(f'{name}.{k}', v) for k, v in vars(o).items() if inspect.isfunction(v)]
        for qn, f in objs:
            d = (inspect.getdoc(f) or '') if callable(f) or inspect.isclass(f) else ''
            try: dm = {k: ' '.join((v or '').split()) for k, v in docments(f).items()} if callable(f) else {}
            except Exception as e: dm = {'err': type(e).__name__}
            out[f'{m.name}.{qn}'] = [' '.join(d.split()), dm]
json.dump(out, open(sys.argv[1], 'w'), indent=0, sort_keys=True)
print(len(out))
