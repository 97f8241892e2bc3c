"""Arbitrary input never produces a traceback, and exit codes stay within 0, 1 and 2."""

from __future__ import annotations

import datetime
import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

HEADER = "plan: {id: p, title: P, organisation: O, period: {start: 2017-01-01, end: 2017-12-31}}\n"

yaml_chars = st.sampled_from(list(string.ascii_letters + string.digits + " :-[]{},&*!|>'\"#%@`?\n\t.æøå~"))
yaml_text = st.lists(yaml_chars, max_size=200).map("".join)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=20), st.dates().map(str),
    st.sampled_from(["08:30-10:30", "11:00?", "2017-02-30", "NO", "on", "0301", "every 4th wednesday"]),
)
keys = st.sampled_from(
    ["id", "title", "date", "time", "end_date", "start", "end", "participants", "repeat", "every",
     "on", "until", "count", "except", "changes", "agenda", "topic", "weekday", "members", "person",
     "role", "silence", "code", "reason", "period", "name", "events", "people", "groups", "x"]
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25)


def _dump(value) -> str:
    """JSON is YAML 1.2 flow style, so structured inputs stay well-formed YAML."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _check(folder: Path, text: str | bytes) -> None:
    plan = folder / "plan.yaml"
    if isinstance(text, bytes):
        plan.write_bytes(text)
    else:
        plan.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(folder))
    assert result.code in (0, 1, 2), result.out + result.err
    assert "Traceback" not in result.out + result.err


LAST_START = datetime.date(9998, 12, 31)
"""The last first date a test series may have: its 'until' lies up to 280 days later."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yaml_text)
def test_arbitrary_text_never_crashes(tmp_path: Path, text: str) -> None:
    _check(tmp_path, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=120))
def test_arbitrary_bytes_never_crash(tmp_path: Path, raw: bytes) -> None:
    _check(tmp_path, raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(st.dictionaries(keys, values, max_size=8), max_size=4),
       people=st.lists(st.dictionaries(keys, values, max_size=4), max_size=3))
def test_arbitrary_plan_structures_never_crash(tmp_path: Path, events, people) -> None:
    text = HEADER + f"events: {_dump(events)}\npeople: {_dump(people)}\n"
    _check(tmp_path, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    date=st.dates(max_value=LAST_START), end_offset=st.integers(-3, 40), time=st.sampled_from(["08:30-10:30", "02:30-03:00", "23:00-01:00", "11:00?", "12:00"]),
    every=st.sampled_from(["day", "week", "2 weeks", "month", "year", "3 months"]),
    on=st.sampled_from([None, "wednesday", "4th wednesday", "last friday", "5th monday", ["monday", "friday"]]),
    count=st.one_of(st.none(), st.integers(1, 30)),
)
def test_valid_shaped_events_never_crash(tmp_path: Path, date, end_offset, time, every, on, count) -> None:
    import datetime as dt

    repeat = {"every": every}
    if on is not None:
        repeat["on"] = on
    if count is None:
        repeat["until"] = str(date + dt.timedelta(days=abs(end_offset) * 7))
    else:
        repeat["count"] = count
    events = [
        {"id": "a", "title": "A", "date": str(date), "time": time, "repeat": repeat},
        {"id": "b", "title": "B", "date": str(date), "end_date": str(date + dt.timedelta(days=end_offset)),
         "agenda": [{"time": time, "topic": "T"}]},
    ]
    _check(tmp_path, HEADER + f"events: {_dump(events)}\n")
