"""Benchmark `planverk validate` and `planverk --help`, each beside its floor, in one run.

    python benchmarks/bench_validate.py [--runs 5] [--sizes 1000 10000]

Every measurement is a fresh process (wall time from outside, peak RSS from inside), and
the figure reported is the median of --runs. Floors, measured in the same run:

- `planverk --help` against `python -c "import typer"`: target at most 1.5x;
- `planverk validate` against composing the same files with ruamel.yaml's C parser
  (`YAML(typ="safe", pure=False).compose`): target at most 1.5x.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_plan  # noqa: E402

# Runs a snippet, then reports its own peak resident memory (KiB on Linux) on stderr.
_PROBE = """
import resource, sys
{body}
sys.stderr.write("\\nPEAK_KIB=%d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

_CLI = """
import runpy
sys.argv = {argv!r}
try:
    runpy.run_module("planverk", run_name="__main__")
except SystemExit:
    pass
"""

_COMPOSE = """
from pathlib import Path
from ruamel.yaml import YAML
for path in sorted(Path({folder!r}).glob("*.yaml")):
    YAML(typ="safe", pure=False).compose(path.read_text(encoding="utf-8"))
"""


def measure(body: str, runs: int) -> tuple[float, float]:
    """Median wall seconds and median peak MiB of ``body`` in fresh interpreters."""
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PROBE.format(body=body)],
            capture_output=True,
            text=True,
            check=False,
        )
        walls.append(time.perf_counter() - start)
        peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KIB=")]
        if not peak:
            raise SystemExit(f"benchmark step failed:\n{done.stderr}")
        peaks.append(int(peak[-1].split("=")[1]) / 1024)
    return statistics.median(walls), statistics.median(peaks)


def parser_in_use() -> str:
    """Which parser ruamel.yaml's YAML(typ='safe', pure=False) actually loads."""
    from ruamel.yaml import YAML

    parser = YAML(typ="safe", pure=False).Parser
    name = f"{parser.__module__}.{parser.__name__}"
    return name + (" (C, libyaml)" if "clib" in parser.__module__ or "_ruamel_yaml" in parser.__module__ else " (pure Python!)")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args.add_argument("--json", action="store_true", help="print the results as JSON too")
    options = args.parse_args()

    print(f"python {sys.version.split()[0]}, ruamel.yaml parser: {parser_in_use()}")
    print(f"medians of {options.runs} runs, each in a fresh process\n")
    rows = []
    help_time, help_mem = measure(_CLI.format(argv=["planverk", "--help"]), options.runs)
    typer_time, typer_mem = measure("import typer", options.runs)
    rows.append(("planverk --help", help_time, help_mem, "import typer", typer_time, typer_mem, 1.5))
    with tempfile.TemporaryDirectory(prefix="planverk-bench-") as tmp:
        for size in options.sizes:
            folder = write_plan(Path(tmp) / f"plan-{size}", size)
            megabytes = sum(p.stat().st_size for p in folder.glob("*.yaml")) / 1e6
            run = measure(_CLI.format(argv=["planverk", "validate", "-f", "json", str(folder)]), options.runs)
            floor = measure(_COMPOSE.format(folder=str(folder)), options.runs)
            rows.append((f"validate {size:,} events ({megabytes:.1f} MB)", *run, "C compose", *floor, 1.5))

    print(f"| command | wall s | peak MiB | floor | wall s | peak MiB | ratio | target |")
    print(f"|---|---:|---:|---|---:|---:|---:|---:|")
    for name, wall, mem, floor_name, floor_wall, floor_mem, target in rows:
        ratio = wall / floor_wall
        verdict = "ok" if ratio <= target else "MISSED"
        print(
            f"| {name} | {wall:.3f} | {mem:.0f} | {floor_name} | {floor_wall:.3f} | "
            f"{floor_mem:.0f} | {ratio:.2f}x | <= {target}x {verdict} |"
        )
    if options.json:
        print(json.dumps([dict(zip(("name", "wall", "peak_mib", "floor", "floor_wall", "floor_peak_mib", "target"), r)) for r in rows], indent=2))


if __name__ == "__main__":
    main()
