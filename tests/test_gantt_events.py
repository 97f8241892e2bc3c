"""The timeline (the workbook's Gantt chart, in Mermaid and as a picture) draws the events:
each meeting over its day, each activity dated by a period ('januar' every year) over the
period; plan text stays data in Mermaid."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PLANS, run_cli, write_as_saved_on_windows

PLAN = """\
plan:
  id: vik-2025
  title: 'Omstilling: Vik #1; <script>'
  organisation: Vik kommune
  period: {start: 2025-01-01, end: 2025-12-31}
  language: nn
people:
- {id: kari, name: Kari Nordmann}
events:
- {id: samling, title: 'Samling: økonomi #2; <script>alert(1)</script>', date: 2025-03-04, end_date: 2025-03-05,
   participants: [kari]}
- id: dugnad
  title: "Budsjettdugnad\\nsection Budsjett; click x"
  period: ultimo september / primo oktober
  participants: [kari]
- id: avlyst
  title: Avlyst møte
  date: 2025-05-06
  time: 10:00-11:00
  status: cancelled
  participants: [kari]
"""


def _gantt(markdown: str) -> list[str]:
    block = re.search(r"```mermaid\n(gantt\n.*?)```", markdown, re.S)
    assert block is not None, markdown
    return block.group(1).splitlines()


def test_the_budget_process_draws_its_activities_every_year() -> None:
    run = run_cli("render", str(PLANS / "budsjettprosess-2025"), "workbook")

    assert run.code == 0, run.err
    lines = _gantt(run.out)
    assert "    section Møter og aktiviteter" in lines
    for year in (2025, 2026, 2027, 2028):  # 'januar', every year
        assert f"    Tildelingsbrev til tjenesteområdene : {year}-01-01, {year}-02-01" in lines
        assert f"    Budsjettdugnad : {year}-09-21, {year}-10-11" in lines  # ultimo september / primo oktober


def test_a_hand_written_plan_draws_its_events_as_data(tmp_path: Path) -> None:
    plan = write_as_saved_on_windows(tmp_path / "plan", PLAN)

    run = run_cli("render", str(plan), "workbook")

    assert run.code == 0, run.err
    lines = _gantt(run.out)
    assert "    section Møte og aktivitetar" in lines
    tasks = [line for line in lines if " : " in line]
    assert tasks == [
        "    Samling#58; økonomi #35;2#59; #60;script#62;alert(1)#60;/script#62; : 2025-03-04, 2025-03-06",
        "    Budsjettdugnad section Budsjett#59; click x : 2025-09-21, 2025-10-11",
    ]
    assert "<script" not in "\n".join(lines)
    assert not any("Avlyst" in line for line in lines)  # a cancelled meeting is not drawn


def test_the_timeline_picture_describes_the_events(tmp_path: Path) -> None:
    plan = write_as_saved_on_windows(tmp_path / "plan", PLAN)

    run = run_cli("render", str(plan), "workbook", "-f", "html", "-o", str(tmp_path / "out"))

    assert run.code == 0, run.err
    page = (tmp_path / "out" / "workbook.html").read_text(encoding="utf-8")
    assert "Møte og aktivitetar: Samling: økonomi #2; &lt;script&gt;alert(1)&lt;/script&gt; (" in page
    assert "Budsjettdugnad section Budsjett; click x (ultimo september / primo oktober" in page
    assert "<script>alert" not in page


MANY = """\
plan:
  id: vik-2025
  title: Vik
  organisation: Vik kommune
  period: {start: 2025-01-01, end: 2029-12-31}
people:
- {id: kari, name: Kari Nordmann}
events:
- id: ukemote
  title: Ukemøte
  date: 2025-01-06
  time: 09:00-10:00
  repeat: {every: week, until: 2029-12-31}
  participants: [kari]
- id: dugnad
  title: Budsjettdugnad
  period: ultimo september 2025 / primo oktober 2025
  participants: [kari]
"""


def test_a_timeline_of_more_meetings_than_it_can_draw_keeps_the_activities(tmp_path: Path) -> None:
    from planverk.render.diagrams import GANTT_BARS

    plan = write_as_saved_on_windows(tmp_path / "plan", MANY)

    run = run_cli("render", str(plan), "workbook")

    assert run.code == 0, run.err
    tasks = [line for line in _gantt(run.out) if " : " in line]
    assert 0 < len(tasks) <= GANTT_BARS
    assert "    Budsjettdugnad : 2025-09-21, 2025-10-11" in tasks
    assert not any("Ukemøte" in line for line in tasks)  # 260 meetings: in the schedule, not the timeline
    assert len("\n".join(_gantt(run.out))) < 50_000  # Mermaid's maxTextSize
