import json, sys
def sub(path, old, new, count=1):
    nb = json.load(open(path)); n = 0
    for c in nb['cells']:
        s = ''.join(c['source'])
        if old in s:
            n += s.count(old); s = s.replace(old, new)
            c['source'] = [l + '\n' for l in s.split('\n')]; c['source'][-1] = c['source'][-1][:-1]
    assert n == count, (path, old[:60], n)
    json.dump(nb, open(path, 'w'), indent=1, ensure_ascii=False)
