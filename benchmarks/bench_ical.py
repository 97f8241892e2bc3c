"""Benchmark `planverk ical` beside yaml2ics and icalendar, on the same synthetic plans, in one run.

    python benchmarks/bench_ical.py [--runs 5] [--sizes 1000 10000]

yaml2ics is installed only in the benchmark's own environment, never in planverk's:

    python3 -m venv benchmarks/.venv-yaml2ics
    benchmarks/.venv-yaml2ics/bin/pip install yaml2ics

Every figure is the median of --runs, each run a fresh process:

- `planverk ical PLAN -o DIR` (all feeds: plan, every group, every person), wall time from
  outside; and, inside one process, the time of `validate_plan` and the time after it
  (building and writing every feed);
- yaml2ics on the same events (written in its YAML format), wall time of `yaml2ics FILE`;
- icalendar alone building and serialising one calendar of the same events (same
  properties, RRULE and EXDATE for the series), timed inside its process.

Targets (issues 3 and 17): planverk ical at least 5x faster per event than yaml2ics; the time
planverk spends beyond validate at most 1.2x icalendar's one calendar.
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

HERE = Path(__file__).resolve().parent
YAML2ICS = HERE / ".venv-yaml2ics" / "bin" / "yaml2ics"

_SPLIT = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from planverk.validate import validate_plan
validation = validate_plan(Path({plan!r}))
assert validation.ok
middle = time.perf_counter()
from planverk.ical import calendar_feeds
from planverk.ical.site import write_site
feeds = calendar_feeds(validation, source_date_epoch="1700000000")
write_site(feeds, Path({out!r}), validation.plan.plan, None)
end = time.perf_counter()
print(json.dumps({{"validate": middle - start, "feeds": end - middle, "count": len(feeds),
                  "mb": sum(len(f.body) for f in feeds) / 1e6}}))
"""

_ICALENDAR = """
import json, time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo
from planverk.validate import validate_plan
from planverk.occurrences import DEFAULT_DURATION
validation = validate_plan(Path({plan!r}))
plan = validation.plan
start = time.perf_counter()
import icalendar
zone = ZoneInfo(plan.plan.timezone)
stamp = datetime.fromtimestamp(1700000000, timezone.utc)
calendar = icalendar.Calendar()
calendar.add("prodid", "-//bench//icalendar//NB")
calendar.add("version", "2.0")
calendar.add("method", "PUBLISH")
calendar.add_component(icalendar.Timezone.from_tzid(plan.plan.timezone, first_date=plan.plan.period.start,
                                                     last_date=plan.plan.period.end))
for event in plan.events:
    item = icalendar.Event()
    item.add("uid", f"{{event.id}}@{{plan.plan.id}}.planverk")
    item.add("dtstamp", stamp)
    begin = datetime.combine(event.date, event.time.start, tzinfo=zone)
    item.add("dtstart", begin)
    item.add("dtend", datetime.combine(event.date, event.time.end, tzinfo=zone) if event.time.end else begin + DEFAULT_DURATION)
    if event.repeat is not None:
        rule = {{"freq": event.repeat.frequency, "interval": event.repeat.interval,
                "until": datetime.combine(event.repeat.until, event.time.start, tzinfo=zone).astimezone(timezone.utc)}}
        item.add("rrule", rule)
        if event.repeat.except_:
            item.add("exdate", [datetime.combine(d, event.time.start, tzinfo=zone) for d in event.repeat.except_])
    item.add("summary", event.title)
    if event.location:
        item.add("location", f"{{event.location}}, {{event.room}}" if event.room else event.location)
    item.add("description", (event.description or "") + "\\n\\nDeltakere: " + ", ".join(event.participants))
    if event.kind:
        item.add("categories", [event.kind])
    item.add("status", "CONFIRMED")
    item.add("sequence", 0)
    item.add("last-modified", stamp)
    calendar.add_component(item)
body = calendar.to_ical()
end = time.perf_counter()
print(json.dumps({{"seconds": end - start, "mb": len(body) / 1e6}}))
"""


def _median_json(code: str, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"benchmark step failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def _median_wall(argv: list[str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{argv[0]} failed:\n{done.stderr.decode(errors='replace')}")
    return statistics.median(walls)


def yaml2ics_file(plan: Path, target: Path) -> Path:
    """The plan's events in yaml2ics's format (its `repeat:` knows weeks, until, except_on).

    Written by hand: strings as JSON (valid YAML), times bare so that PyYAML reads them as
    timestamps, the way yaml2ics's own examples do.
    """
    from planverk.validate import validate_plan

    validation = validate_plan(plan)
    assert validation.plan is not None
    info = validation.plan.plan
    lines = [f"name: {json.dumps(info.title)}", f"timezone: {info.timezone}", "events:"]
    for event in validation.plan.events:
        lines += [
            f"  - summary: {json.dumps(event.title)}",
            f"    begin: {event.date} {event.time.start:%H:%M:%S}",
            f"    end: {event.date} {event.time.end:%H:%M:%S}",
            f"    location: {json.dumps(event.location)}",
            f"    description: {json.dumps(event.description)}",
        ]
        if event.repeat is not None:
            lines += ["    repeat:", f"      interval: {{weeks: {event.repeat.interval}}}",
                      f"      until: {event.repeat.until}"]
            if event.repeat.except_:
                lines.append("      except_on: [" + ", ".join(
                    f"{d} {event.time.start:%H:%M:%S}" for d in event.repeat.except_) + "]")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    options = args.parse_args()
    have_yaml2ics = YAML2ICS.exists()
    if not have_yaml2ics:
        print(f"yaml2ics is not installed in {YAML2ICS.parent.parent}: see the top of this script\n")
    print(f"python {sys.version.split()[0]}; medians of {options.runs} runs, each in a fresh process\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="planverk-bench-ical-") as tmp:
        for size in options.sizes:
            plan = write_plan(Path(tmp) / f"plan-{size}", size)
            site = Path(tmp) / f"site-{size}"
            wall = _median_wall([sys.executable, "-m", "planverk", "ical", str(plan), "-o", str(site)], options.runs)
            split = _median_json(_SPLIT.format(plan=str(plan), out=str(site)), options.runs)
            floor = _median_json(_ICALENDAR.format(plan=str(plan)), options.runs)
            other = None
            if have_yaml2ics:
                source = yaml2ics_file(plan, Path(tmp) / f"yaml2ics-{size}.yaml")
                other = _median_wall([str(YAML2ICS), str(source)], options.runs)
            rows.append((size, wall, split, floor, other))

    print("| events | planverk ical s | validate s | feeds s (count, MB) | icalendar 1 cal s (MB) "
          "| feeds / icalendar | yaml2ics s | yaml2ics / planverk |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, wall, split, floor, other in rows:
        ratio = split["feeds"] / floor["seconds"]
        speed = f"{other / wall:.1f}x {'ok' if other / wall >= 5 else 'MISSED'}" if other else "not run"
        print(
            f"| {size:,} | {wall:.2f} | {split['validate']:.2f} | {split['feeds']:.2f} "
            f"({split['count']:.0f}, {split['mb']:.1f}) | {floor['seconds']:.2f} ({floor['mb']:.1f}) "
            f"| {ratio:.2f}x {'ok' if ratio <= 1.2 else 'MISSED'} | "
            f"{f'{other:.2f}' if other else '-'} | {speed} |"
        )
    measured = [r for r in rows if r[4]]
    if len(measured) >= 2:
        (small, wall_a, _, _, other_a), (large, wall_b, _, _, other_b) = measured[0], measured[-1]
        ours, theirs = (wall_b - wall_a) / (large - small), (other_b - other_a) / (large - small)
        print(f"\nper added event ({small:,} to {large:,}): planverk {ours * 1e3:.2f} ms, "
              f"yaml2ics {theirs * 1e3:.2f} ms: {theirs / ours:.1f}x {'ok' if theirs / ours >= 5 else 'MISSED'}")
    print("\ntargets: feeds / icalendar <= 1.2x; yaml2ics / planverk >= 5x (per event, same events)")


if __name__ == "__main__":
    main()
