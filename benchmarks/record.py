"""Raw benchmark results: `benchmarks/results/<name>.json`, every entry stamped with the command, commit, machine and date that made it.

    from record import save
    save("head_lr", "gate-x100", {"accuracy": 0.8624})   # adds or replaces one entry, with its stamp
"""
import datetime, json, os, platform, subprocess, sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent/"results"

def machine() -> dict:
    "CPU model and cores of this machine."
    info = Path("/proc/cpuinfo")
    cpu = next((l.split(":", 1)[1].strip() for l in info.read_text().splitlines() if l.startswith("model name")), platform.processor()) if info.exists() else platform.processor()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version()}

def stamp(command:str|None=None) -> dict:
    "The command (default: this process's), commit, machine, date and load average (how busy the CPU was) of this run."
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).parent).stdout.strip()
    return {"command": command or " ".join([Path(sys.executable).name, *sys.argv]), "commit": commit, "machine": machine(),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}

def load(name:str, path=None) -> dict:
    "The entries of benchmarks/results/<name>.json (or `path`), empty when there are none yet."
    path = Path(path or RESULTS/f"{name}.json")
    return json.loads(path.read_text()) if path.exists() else {}

def save(name:str, key:str, value:dict, path=None, command:str|None=None) -> dict:
    "Add or replace entry `key` of benchmarks/results/<name>.json (or `path`) with `value` and this run's stamp."
    path = Path(path or RESULTS/f"{name}.json")
    results = load(name, path)
    results[key] = {**value, **stamp(command)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n")
    return results[key]
