"""Generate synthetic plans for the benchmarks: N events, 200 people, 50 groups, 10 % recurring.

The plan is realistic in shape (includes, groups with members, agenda slots on some
events, weekly and monthly series with exceptions) and validates clean, so the benchmark
measures the whole pipeline rather than an early exit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

PEOPLE = 200
GROUPS = 50
START = date(2030, 1, 1)
DAYS = 365
ROOMS = 400


def _holidays() -> set[date]:
    import holidays

    return set(holidays.Norway(years=START.year, include_sundays=False))


def _workdays() -> list[date]:
    days = [START + timedelta(days=n) for n in range(DAYS)]
    return [d for d in days if d.weekday() < 5 and d not in _holidays()]


def write_plan(folder: Path, events: int, seed: int = 2017) -> Path:
    """Write a plan folder with ``events`` events and return its path."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(
        "plan:\n"
        f"  id: synthetic-{events}\n"
        f"  title: Syntetisk plan med {events} hendelser\n"
        "  organisation: Syntetisk kommune\n"
        f"  period: {{start: {START}, end: {START + timedelta(days=DAYS - 1)}}}\n"
        "include: [people.yaml, groups.yaml, events-*.yaml]\n",
        encoding="utf-8",
    )
    people = ["people:"]
    for n in range(PEOPLE):
        people += [
            f"  - id: person-{n:03d}",
            f"    name: Person {n:03d}",
            "    title: Rådgiver",
            f"    email: person-{n:03d}@example.no",
        ]
    (folder / "people.yaml").write_text("\n".join(people) + "\n", encoding="utf-8")
    groups = ["groups:"]
    for n in range(GROUPS):
        members = [f"person-{(n * 4 + k) % PEOPLE:03d}" for k in range(4)]
        groups += [
            f"  - id: group-{n:02d}",
            f"    name: Gruppe {n:02d}",
            "    kind: working-group",
            f"    members: [{{person: {members[0]}, role: leader}}, {', '.join(members[1:])}]",
        ]
    (folder / "groups.yaml").write_text("\n".join(groups) + "\n", encoding="utf-8")

    workdays, days_off = _workdays(), _holidays()
    last_day = START + timedelta(days=DAYS - 1)
    # Event n has time slot s = n mod S (a workday and one of 8 hours, S = 8 x workdays);
    # the events sharing a slot are n = s + k*S, and each gets person (s + k) mod PEOPLE
    # and room (s + k) mod ROOMS, distinct for k below PEOPLE: the plan validates clean up
    # to PEOPLE x S (about 400,000) events. Series run at 07:00 in rooms of their own.
    # The checks still compare every overlapping pair to find that out.
    slots = 8 * len(workdays)
    if events > PEOPLE * slots:
        raise ValueError(f"at most {PEOPLE * slots} events keep the synthetic plan clean")
    chunk, file_no, lines = 1000, 0, ["events:"]
    for n in range(events):
        day = workdays[n % len(workdays)]
        recurring = n % 10 == 0
        slot, turn = n % slots, n // slots
        hour = 7 if recurring else 8 + (n // len(workdays)) % 8
        lines += [
            f"  - id: event-{n:05d}",
            f"    title: Møte {n}",
            "    kind: meeting",
            f"    weekday: {('mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag')[day.weekday()]}",
            f"    date: {day}",
            f"    time: {hour:02d}:00-{hour:02d}:45",
            "    location: Rådhuset",
            f"    room: {'Serierom ' + str(n) if recurring else 'Rom ' + str((slot + turn) % ROOMS)}",
        ]
        if not recurring:
            lines.append(f"    participants: [person-{(slot + turn) % PEOPLE:03d}]")
        lines.append("    description: Syntetisk møte for ytelsesmåling.")
        if recurring:
            weeks = rng.choice([1, 2])
            until = min(day + timedelta(days=120), last_day)
            series = [day + timedelta(weeks=k * weeks) for k in range(0, 200)]
            skipped = [d for d in series if d <= until and d in days_off]
            lines += [
                "    repeat:",
                f"      every: {'week' if weeks == 1 else '2 weeks'}",
                f"      until: {until}",
            ]
            if skipped:
                lines.append(f"      except: [{', '.join(map(str, skipped))}]")
        if n % 25 == 1:
            lines += [
                "    agenda:",
                f"      - {{time: '{hour:02d}:00-{hour:02d}:20', topic: Innledning}}",
                f"      - {{time: '{hour:02d}:20-{hour:02d}:45', topic: Diskusjon}}",
            ]
        if (n + 1) % chunk == 0 or n == events - 1:
            (folder / f"events-{file_no:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            file_no, lines = file_no + 1, ["events:"]
    return folder


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".bench/plan-1000")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    print(write_plan(target, count))
