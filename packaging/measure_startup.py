"""Cold and warm start of the installed app vs the development venv: launch to a window that accepts drops.

    sudo python3 packaging/measure_startup.py [--runs 5] [--installed build/prove/root/opt/daredevil/daredevil]

Each run starts `daredevil gui --exit-when-done` with no files, an empty DAREDEVIL_HOME and
QT_QPA_PLATFORM=offscreen. The window is shown (and accepts drops) when the queue first
reports idle, which the app logs ("Queue idle with --exit-when-done") with a millisecond
timestamp; that moment minus the launch is the start time. A cold run first drops the page
cache (root only), so the bundle's files are read from disk. Goal: installed <= 1.5x venv.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
READY_LINE = "Queue idle with --exit-when-done"
GOAL_RATIO = 1.5


def drop_page_cache() -> bool:
    """Empty the page cache so the next launch reads from disk; False without root."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_start(command: list[str], cold: bool) -> float:
    """Seconds from launch to the window accepting drops."""
    if cold and not drop_page_cache():
        raise SystemExit("cold runs need root (to drop the page cache); use --no-cold")
    with tempfile.TemporaryDirectory(prefix="daredevil-start-") as home:
        env = dict(os.environ, DAREDEVIL_HOME=home, QT_QPA_PLATFORM="offscreen")
        started = time.time()
        proc = subprocess.run([*command, "gui", "--exit-when-done"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)  # fmt: skip
        log = Path(home, "logs", "daredevil.log")
        lines = [ln for ln in log.read_text(encoding="utf-8").splitlines() if READY_LINE in ln] if log.exists() else []
        if proc.returncode != 0 or not lines:
            raise SystemExit(f"{command[0]} gui failed (exit {proc.returncode}): {proc.stderr.decode()[-800:]}")
        ready = datetime.strptime(" ".join(lines[0].split()[:2]), "%Y-%m-%d %H:%M:%S,%f").timestamp()
        return ready - started


def measure(name: str, command: list[str], runs: int, cold: bool) -> dict[str, float]:
    one_start(command, cold=False)  # fonts, caches; not counted
    result = {"warm": statistics.median(one_start(command, cold=False) for _ in range(runs))}
    if cold:
        result["cold"] = statistics.median(one_start(command, cold=True) for _ in range(max(1, runs // 2)))
    shown = ", ".join(f"{k} {v:.2f} s" for k, v in result.items())
    print(f"{name:<10} {shown}   ({' '.join(command)})")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--installed", default=str(REPO / "build/prove/root/opt/daredevil/daredevil"),
                        help="the installed launcher or bundle executable")  # fmt: skip
    parser.add_argument("--venv", default=str(REPO / ".venv/bin/daredevil"), help="the dev command line")
    parser.add_argument("--no-cold", action="store_true", help="warm runs only (no root needed)")
    args = parser.parse_args()
    cold = not args.no_cold
    venv = measure("venv", shlex.split(args.venv), args.runs, cold)
    installed = measure("installed", shlex.split(args.installed), args.runs, cold)
    ok = True
    for kind in venv:
        ratio = installed[kind] / venv[kind]
        ok &= ratio <= GOAL_RATIO
        print(f"{kind}: installed / venv = {ratio:.2f} (goal <= {GOAL_RATIO})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
