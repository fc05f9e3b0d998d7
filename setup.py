"Packaging for gatesent: every field is read from settings.ini (nbdev 2's single source of metadata)."
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

# SPDX license expressions by nbdev's license names (license classifiers are deprecated by setuptools).
licenses = {'apache2': 'Apache-2.0', 'mit': 'MIT', 'gpl3': 'GPL-3.0-only', 'bsd3': 'BSD-3-Clause'}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = ['3.10', '3.11', '3.12', '3.13']

lic_name = licenses[cfg['license']]
min_python = cfg['min_python']
# Compare versions as tuples of ints (no pkg_resources: it is gone from recent setuptools).
ver = lambda s: tuple(int(p) for p in s.split('.'))
classifiers = [
    f"Development Status :: {statuses[int(cfg['status']) - 1]}",
    f"Intended Audience :: {cfg['audience']}",
    f"Natural Language :: {cfg['language']}",
    'Topic :: Scientific/Engineering :: Artificial Intelligence',
] + [f'Programming Language :: Python :: {v}' for v in py_versions if ver(v) >= ver(min_python)]

requirements = cfg.get('requirements', '').split()
dev_requirements = cfg.get('dev_requirements', '').split()
run_requirements = cfg.get('run_requirements', '').split()
airflow_requirements = cfg.get('airflow_requirements', '').split()
explain_requirements = cfg.get('explain_requirements', '').split()
accurate_requirements = cfg.get('accurate_requirements', '').split()
console_scripts = cfg.get('console_scripts', '').split()

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    author=cfg['author'],
    author_email=cfg['author_email'],
    url=cfg['git_url'],
    license=lic_name,
    classifiers=classifiers,
    keywords=cfg['keywords'],
    packages=setuptools.find_packages(include=[cfg['lib_name'], f"{cfg['lib_name']}.*"]),
    include_package_data=True,
    python_requires=f'>={min_python}',
    install_requires=requirements,
    extras_require={'run': run_requirements, 'dev': dev_requirements, 'airflow': airflow_requirements, 'explain': explain_requirements, 'accurate': accurate_requirements},
    entry_points={'console_scripts': console_scripts, 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    zip_safe=False,
)
