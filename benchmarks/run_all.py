"""Run every benchmark in turn (`make bench`); each prints its table and writes benchmarks/results/NAME.json.

A benchmark that fails is reported and the others still run; the exit code is non-zero if any failed.
Benchmarks read ../shared/gold (or $DYADLINE_GOLD) and skip with a message when it is absent.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["extraction", "dedup", "actors", "events", "realnews", "store", "api"]


def main() -> int:
    names = sys.argv[1:] or ORDER
    failed: list[str] = []
    for name in names:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"== {name}: no such benchmark", flush=True)
            failed.append(name)
            continue
        print(f"\n== {name} ==", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script)])
        print(f"== {name}: exit {rc} in {time.perf_counter() - t0:.0f} s", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
