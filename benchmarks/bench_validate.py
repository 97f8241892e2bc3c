"""Benchmark planverk's commands, each beside its floor, in one run.

    python benchmarks/bench_validate.py [--runs 5] [--size 10000] [--scaling 1000 10000 30000 100000]
                                        [--scaling-runs 3]

Every measurement is a fresh process (wall time from outside, peak RSS from inside), and
the figure reported is the median of --runs. Rows and their floors, measured in the same run:

- `planverk --help` against `python -c "import typer"`: at most 1.5x;
- `validate plans/gran-2017` against `python -c "import typer, pydantic, ruamel.yaml"`:
  at most 2.0x (start-up);
- `validate` of the synthetic plan against the C parser's raw event stream of the same
  files (`YAML(typ="safe", pure=False).parse`, events only): at most 4.0x; composing
  them (`.compose`) is shown as a reference row;
- `fmt --check` of the plan, and of one named file of it as pre-commit runs it
  (`fmt --check --plans-of FILE`), against `validate` of the same plan: at most 1.5x
  and 1.2x;
- `render schedule` and `render workbook` against `validate`: at most 1.5x;
- peak memory of `validate` at 100,000 events (with --scaling): at most 500 MB.

--scaling also prints wall time and peak memory of validate, ical and render at each size.
"""

from __future__ import annotations

import argparse
import json
import math
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
except SystemExit as exit_:
    if exit_.code not in (None, 0):
        sys.stderr.write("\\nEXIT=%s\\n" % exit_.code)
"""

_PARSE = """
from pathlib import Path
from ruamel.yaml import YAML
for path in sorted(Path({folder!r}).glob("*.yaml")):
    for _event in YAML(typ="safe", pure=False).parse(path.read_text(encoding="utf-8")):
        pass
"""

_COMPOSE = """
from pathlib import Path
from ruamel.yaml import YAML
for path in sorted(Path({folder!r}).glob("*.yaml")):
    YAML(typ="safe", pure=False).compose(path.read_text(encoding="utf-8"))
"""


class StepFailed(Exception):
    """The command measured did not succeed (its last line of error output is the message)."""


def measure(body: str, runs: int) -> tuple[float, float]:
    """Median wall seconds and median peak MiB of ``body`` in fresh interpreters.

    Raises :class:`StepFailed` when a planverk command exits with an error: a figure of a
    refusal is no figure of the work."""
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
        if "\nEXIT=" in done.stderr:
            said = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith(("EXIT=", "PEAK_KIB="))]
            raise StepFailed(said[-1] if said else "exit code " + done.stderr.split("EXIT=")[1].split()[0])
        peaks.append(int(peak[-1].split("=")[1]) / 1024)
    return statistics.median(walls), statistics.median(peaks)


def parser_in_use() -> str:
    """Which parser ruamel.yaml's YAML(typ='safe', pure=False) actually loads."""
    from ruamel.yaml import YAML

    parser = YAML(typ="safe", pure=False).Parser
    name = f"{parser.__module__}.{parser.__name__}"
    return name + (" (C, libyaml)" if "clib" in parser.__module__ or "_ruamel_yaml" in parser.__module__ else " (pure Python!)")


ROOT = Path(__file__).resolve().parent.parent
Row = tuple[str, float, float, str, float, float, "float | None"]


def cli(*argv: str) -> str:
    return _CLI.format(argv=["planverk", *argv])


def attempt(body: str, runs: int) -> tuple[float, float]:
    """:func:`measure`, or not-a-number figures (a row marked refused) when the command fails."""
    try:
        return measure(body, runs)
    except StepFailed as failed:
        print(f"refused: {failed}")
        return math.nan, math.nan


def print_table(rows: list[Row]) -> None:
    print("| command | wall s | peak MiB | floor | wall s | peak MiB | ratio | target |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    for name, wall, mem, floor_name, floor_wall, floor_mem, target in rows:
        ratio = wall / floor_wall
        verdict = "(reference)" if target is None else f"<= {target}x {'ok' if ratio <= target else 'MISSED'}"
        if math.isnan(ratio):
            verdict = "refused (see above)"
        print(
            f"| {name} | {wall:.3f} | {mem:.0f} | {floor_name} | {floor_wall:.3f} | "
            f"{floor_mem:.0f} | {ratio:.2f}x | {verdict} |"
        )


def growth(scaled: list[tuple[int, list[tuple[float, float]]]]) -> str:
    """The growth order of each command between the two largest sizes: time ~ n^k."""
    names = ("validate", "ical", "render schedule")
    parts = []
    for k, name in enumerate(names):
        measured = [(n, figures[k]) for n, figures in scaled if not math.isnan(figures[k][0])]
        if len(measured) < 2:
            continue
        (n1, (w1, m1)), (n2, (w2, m2)) = measured[-2], measured[-1]
        k_time = math.log(w2 / w1) / math.log(n2 / n1)
        k_memory = math.log(m2 / m1) / math.log(n2 / n1)
        parts.append(f"{name} time ~ n^{k_time:.2f}, memory ~ n^{k_memory:.2f} ({n1:,} to {n2:,} events)")
    return "growth between the two largest sizes measured: " + "; ".join(parts)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--size", type=int, default=10000, help="events in the synthetic plan")
    args.add_argument("--scaling", type=int, nargs="*", default=[], metavar="N",
                      help="also measure validate, ical and render at these sizes")
    args.add_argument("--scaling-runs", type=int, default=None, metavar="N",
                      help="runs of each scaling figure (default: --runs)")
    args.add_argument("--json", action="store_true", help="print the results as JSON too")
    options = args.parse_args()
    runs = options.runs

    print(f"python {sys.version.split()[0]}, ruamel.yaml parser: {parser_in_use()}")
    print(f"medians of {runs} runs, each in a fresh process\n")
    rows: list[Row] = []
    rows.append(("planverk --help", *measure(cli("--help"), runs),
                 "import typer", *measure("import typer", runs), 1.5))
    rows.append(("validate plans/gran-2017", *measure(cli("validate", str(ROOT / "plans" / "gran-2017")), runs),
                 "import typer, pydantic, ruamel.yaml",
                 *measure("import typer, pydantic, ruamel.yaml", runs), 2.0))
    with tempfile.TemporaryDirectory(prefix="planverk-bench-") as tmp:
        size = options.size
        folder = write_plan(Path(tmp) / f"plan-{size}", size)
        megabytes = sum(p.stat().st_size for p in folder.glob("*.yaml")) / 1e6
        label = f"{size:,} events ({megabytes:.1f} MB)"
        validate = measure(cli("validate", "-f", "json", str(folder)), runs)
        rows.append((f"validate {label}", *validate, "C parser events", *measure(_PARSE.format(folder=str(folder)), runs), 4.0))
        rows.append((f"validate {label}", *validate, "C compose", *measure(_COMPOSE.format(folder=str(folder)), runs), None))
        rows.append((f"fmt --check {label}", *attempt(cli("fmt", "--check", str(folder)), runs), "validate", *validate, 1.5))
        one = str(folder / "events-005.yaml")
        rows.append((f"fmt --check --plans-of one file", *attempt(cli("fmt", "--check", "--plans-of", one), runs), "validate", *validate, 1.2))
        for template in ("schedule", "workbook"):
            out = str(Path(tmp) / f"out-{template}")
            rows.append((f"render {template} {label}", *attempt(cli("render", str(folder), template, "-o", out), runs),
                         "validate", *validate, 1.5))
        print_table(rows)
        if options.scaling:
            print("\n| events | validate s | MiB | ical s | MiB | render schedule s | MiB |")
            print("|---:|---:|---:|---:|---:|---:|---:|")
            scaled: list[tuple[int, list[tuple[float, float]]]] = []
            refusals: list[str] = []
            for n in options.scaling:
                plan = write_plan(Path(tmp) / f"scale-{n}", n)
                scaling_runs = options.scaling_runs or runs
                commands = [
                    cli("validate", "-f", "json", str(plan)),
                    cli("ical", str(plan), "-o", str(Path(tmp) / f"ics-{n}")),
                    cli("render", str(plan), "schedule", "-o", str(Path(tmp) / f"doc-{n}")),
                ]
                figures: list[tuple[float, float]] = []
                cells: list[str] = []
                for command in commands:
                    try:
                        wall, mem = measure(command, scaling_runs)
                    except StepFailed as failed:
                        refusals.append(f"{n:,} events: {failed}")
                        figures.append((math.nan, math.nan))
                        cells.append("refused | -")
                        continue
                    figures.append((wall, mem))
                    cells.append(f"{wall:.2f} | {mem:.0f}")
                print(f"| {n:,} | " + " | ".join(cells) + " |")
                scaled.append((n, figures))
                if n == 100_000 and not math.isnan(figures[0][1]):
                    peak = figures[0][1]
                    print(f"\npeak memory of validate at 100,000 events: {peak:.0f} MiB "
                          f"(target <= 500 MB: {'ok' if peak * 1.048576 <= 500 else 'MISSED'})")
            for refusal in refusals:
                print(f"\nrefused at {refusal}")
            if len(scaled) >= 2:
                print("\n" + growth(scaled))
    if options.json:
        keys = ("name", "wall", "peak_mib", "floor", "floor_wall", "floor_peak_mib", "target")
        print(json.dumps([dict(zip(keys, r)) for r in rows], indent=2))


if __name__ == "__main__":
    main()
