"""A finding between two items (a double booking, a repeated deadline or meeting, two
phases that overlap) is silenced by a ``silence:`` on either of the two items."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli_en

HEAD = """\
plan:
  id: pair
  title: Pairs
  organisation: Test kommune
  owner: kari
  period: {start: 2025-01-01, end: 2025-12-31}
  language: en
people:
  - {id: kari, name: Kari}
groups:
  - {id: staff, name: Staff, kind: management-team, members: [kari]}
"""

# each: the two items, as YAML under their list; FIRST/SECOND mark where a silence goes
PAIRS = {
    "PV400": ("events", """\
  - id: a
    title: Budget meeting
    date: 2025-03-04
    time: 09:00-10:00
    participants: [kari]{FIRST}
  - id: b
    title: Staff meeting
    date: 2025-03-04
    time: 09:30-11:00
    participants: [kari]{SECOND}
"""),
    "PV401": ("events", """\
  - id: a
    title: Budget meeting
    date: 2025-03-04
    time: 09:00-10:00
    location: Town hall
    room: Hall{FIRST}
  - id: b
    title: Staff meeting
    date: 2025-03-04
    time: 09:30-11:00
    location: Town hall
    room: Hall{SECOND}
"""),
    "PV700": ("deadlines", """\
  - id: a
    date: 2025-03-04
    task: Send the budget draft
    responsible: kari{FIRST}
  - id: b
    date: 2025-03-04
    task: Send the budget draft
    responsible: kari{SECOND}
"""),
    "PV701": ("events", """\
  - id: a
    title: Budget meeting
    date: 2025-03-04
    time: 09:00-10:00{FIRST}
  - id: b
    title: Budget meeting
    date: 2025-03-04
    time: 09:00-10:00{SECOND}
"""),
    "PV321": ("phases", """\
  - id: a
    name: Mapping
    period: {{start: 2025-01-01, end: 2025-04-30}}{FIRST}
  - id: b
    name: Measures
    period: {{start: 2025-04-01, end: 2025-08-31}}{SECOND}
"""),
}


def _plan(tmp_path: Path, code: str, first: bool, second: bool) -> Path:
    kind, items = PAIRS[code]
    silence = f"\n    silence: [{{code: {code}, reason: Meant so}}]"
    text = HEAD + f"{kind}:\n" + items.format(FIRST=silence if first else "", SECOND=silence if second else "")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("code", sorted(PAIRS))
def test_the_pair_is_found_without_a_silence(tmp_path: Path, code: str) -> None:
    result = run_cli_en("validate", "--strict", str(_plan(tmp_path, code, False, False)))
    assert f" {code} " in result.out


@pytest.mark.parametrize("where", ["first", "second", "both"])
@pytest.mark.parametrize("code", sorted(PAIRS))
def test_a_silence_on_either_item_silences_the_pair(tmp_path: Path, code: str, where: str) -> None:
    plan = _plan(tmp_path, code, where in ("first", "both"), where in ("second", "both"))
    result = run_cli_en("validate", "--strict", str(plan))
    assert result.code == 0, result.out
    assert code not in result.out and "PV900" not in result.out  # each silence is in use
