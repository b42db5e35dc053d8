"""Time loading the shipped dictionaries: cold (YAML -> compiled index) and warm (from the on-disk cache).

    python benchmarks/dict_load.py [DIR...]

Each load runs in a fresh Python process (so imports and memory are counted honestly) with a temporary
cache directory; it prints the time of ``load_dictionaries`` and the peak RSS of that process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

CHILD = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from eventcoder.dictionaries import load_dictionaries
t1 = time.perf_counter()
d = load_dictionaries([Path(a) for a in sys.argv[1:]])
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t1, "import": t1 - t0, "hash": d.dict_hash, "counts": d.counts,
                  "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(args: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EVENTCODER_CACHE": tmp}
        cold = run(argv, env)
        warm = run(argv, env)
    print(f"dict_hash {warm['hash']}")
    print(f"cold (YAML -> index): {cold['seconds']:.2f} s, peak RSS {cold['rss_mib']:.0f} MiB")
    print(f"warm (from cache):    {warm['seconds']:.2f} s, peak RSS {warm['rss_mib']:.0f} MiB "
          f"(+ {warm['import']:.2f} s importing eventcoder.dictionaries)")
    print(", ".join(f"{k}={v}" for k, v in warm["counts"].items()))


if __name__ == "__main__":
    main(sys.argv[1:])
