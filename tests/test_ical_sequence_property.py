"""SEQUENCE never goes back: a property of any git history of a plan.

Hypothesis builds random histories in a temporary git repository: events edited,
moved between plan.yaml and an included file, the plan's folder renamed, the events
reordered, the files rewritten in another layout, and earlier contents restored
(reverts). After each commit, each event's SEQUENCE must be the same when its content
did not change and strictly higher when it did; LAST-MODIFIED must never go back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planverk.checks.context import PlanIndex
from planverk.ical.stamps import plan_stamps
from planverk.validate import validate_plan

IDS = ("mote-a", "mote-b", "mote-c")
DAYS = ("2025-03-04", "2025-03-11", "2025-03-18", "2025-03-25")
PLACES = ("Rådhuset", "Kulturhuset", "Biblioteket")

Content = dict[str, tuple[str, str]]  # id -> (date, location)


def _event(event_id: str, day: str, place: str, flow: bool) -> str:
    if flow:
        return f"  - {{id: {event_id}, title: Møte {event_id}, date: {day}, time: '09:00-10:00', location: {place}}}\n"
    return (
        f"  - id: {event_id}\n    title: Møte {event_id}\n    date: {day}\n"
        f"    time: 09:00-10:00\n    location: {place}\n"
    )


def _write(folder: Path, content: Content, order: list[str], included: set[str], flow: bool) -> None:
    for old in folder.glob("*.yaml"):
        old.unlink()
    head = (
        "plan:\n  id: sekvens\n  title: Sekvens\n  organisation: Eksempel kommune\n"
        "  period: {start: 2025-01-01, end: 2025-12-31}\ninclude: [more.yaml]\n"
    )
    main = [i for i in order if i not in included]
    more = [i for i in order if i in included]
    text = head + ("events:\n" + "".join(_event(i, *content[i], flow) for i in main) if main else "")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    (folder / "more.yaml").write_text(
        "events:\n" + "".join(_event(i, *content[i], flow) for i in more) if more else "events: []\n",
        encoding="utf-8",
    )


def _git(repo: Path, *args: str, when: int) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.no",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.no",
           "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _stamps(folder: Path) -> dict[str, tuple[int, object]]:
    validation = validate_plan(folder)
    assert validation.ok, validation.findings
    _, stamps = plan_stamps(PlanIndex(validation.plan), validation, None)
    return {
        event.id: (stamps[("events", n)].sequence, stamps[("events", n)].modified)
        for n, event in enumerate(validation.plan.events)
    }


STEP = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(IDS), st.sampled_from(DAYS), st.sampled_from(PLACES)),
    st.tuples(st.just("move"), st.sampled_from(IDS)),
    st.tuples(st.just("rename")),
    st.tuples(st.just("reorder"), st.permutations(IDS)),
    st.tuples(st.just("layout")),
    st.tuples(st.just("revert"), st.integers(min_value=1, max_value=4)),
)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_sequence_rises_with_each_change_of_content_and_never_goes_back(steps) -> None:
    with tempfile.TemporaryDirectory(prefix="planverk-sequence-") as temp:
        repo = Path(temp)
        _git(repo, "init", "-q", when=1_700_000_000)
        content: Content = {i: (DAYS[0], PLACES[0]) for i in IDS}
        order, included, flow, name = list(IDS), set(), False, "plan-0"
        folder = repo / name
        folder.mkdir()
        _write(folder, content, order, included, flow)
        clock = 1_700_000_000
        _git(repo, "add", "-A", when=clock)
        _git(repo, "commit", "-qm", "start", when=clock)
        history = [dict(content)]
        before = _stamps(folder)
        assert all(seq == 0 for seq, _ in before.values())
        for number, step in enumerate(steps, 1):
            old = dict(content)
            if step[0] == "edit":
                content[step[1]] = (step[2], step[3])
            elif step[0] == "move":
                included ^= {step[1]}
            elif step[0] == "rename":
                new = repo / f"plan-{number}"
                folder.rename(new)
                folder = new
            elif step[0] == "reorder":
                order = list(step[1])
            elif step[0] == "layout":
                flow = not flow
            else:
                content = dict(history[max(0, len(history) - 1 - step[1])])
            _write(folder, content, order, included, flow)
            clock += 1000
            _git(repo, "add", "-A", when=clock)
            _git(repo, "commit", "-q", "--allow-empty", "-m", f"step {number}: {step[0]}", when=clock)
            history.append(dict(content))
            after = _stamps(folder)
            for event_id in IDS:
                (seq_before, modified_before), (seq_after, modified_after) = before[event_id], after[event_id]
                if content[event_id] != old[event_id]:
                    assert seq_after > seq_before, (step, event_id)
                else:
                    assert seq_after == seq_before, (step, event_id)
                assert modified_after >= modified_before
            before = after
