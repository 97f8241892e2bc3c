"""Reporting rhythms and the red thread, through the CLI as a user runs them, and the
period rules through their public functions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PLANS, run_cli

from planverk.model.reporting import Reporting, parse_due
from planverk.reporting.schedule import periods

PLAN = """\
plan:
  id: rytme
  title: Økonomiplan 2024
  organisation: Eksempel kommune
  language: {language}
  period: {{start: 2024-01-01, end: 2024-12-31}}
people:
  - {{id: kari, name: Kari Nordmann, email: kari@example.no}}
  - {{id: ola, name: Ola Nordmann}}
roles:
  - {{id: okonomisjef, name: Økonomisjef, holders: [kari]}}
goals:
  - {{id: mal, title: Sunn økonomi}}
kpis:
  - id: driftsresultat
    name: Netto driftsresultat
    unit: percent
    goals: mal
    owner: ola
    reporting: {{every: {every}, due: {due}}}
    measurements:
      - {{date: 2024-03-31, value: "1,5 %"}}
reports:
  - id: tertialrapport
    title: Tertialrapport
    owner: okonomisjef
    reporting: {{every: tertial, due: 1 month, delivered: [2024-05-28]}}
    covers: [driftsresultat]
"""


def _plan(tmp_path: Path, language: str = "nb", every: str = "per tertial", due: str = "1 måned") -> Path:
    folder = tmp_path / "rytme"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(PLAN.format(language=language, every=every, due=due), encoding="utf-8")
    return folder


def test_a_tertial_ending_30_april_is_due_31_may_and_the_third_on_31_january() -> None:
    rhythm = Reporting.model_validate({"every": "tertialvis", "due": "1 måned"})
    found = periods(rhythm, date(2024, 1, 1), date(2024, 12, 31))
    assert [(p.key, p.end, p.due) for p in found] == [
        ("2024-T1", date(2024, 4, 30), date(2024, 5, 31)),
        ("2024-T2", date(2024, 8, 31), date(2024, 9, 30)),
        ("2024-T3", date(2024, 12, 31), date(2025, 1, 31)),
    ]


def test_a_day_of_the_year_is_the_first_such_day_after_the_period() -> None:
    rhythm = Reporting.model_validate({"every": "årleg", "due": "1. februar"})
    found = periods(rhythm, date(2012, 4, 30), date(2016, 6, 30))
    assert [(p.key, p.due) for p in found] == [
        ("2012", date(2013, 2, 1)), ("2013", date(2014, 2, 1)), ("2014", date(2015, 2, 1)), ("2015", date(2016, 2, 1)),
    ]


@pytest.mark.parametrize("text", ["31. februar", "1 fortnight", "about a month", "", "0. mai"])
def test_a_due_that_is_not_one_is_refused(text: str) -> None:
    assert parse_due(text) is None


@given(
    st.sampled_from(["month", "quarter", "tertial", "half-year", "year"]),
    st.dates(date(1990, 1, 1), date(2150, 1, 1)),
    st.integers(0, 2000),
    st.sampled_from(["0 days", "10 dager", "1 month", "2 månader", "3 weeks", "1. februar", "31 December"]),
)
def test_periods_follow_each_other_without_gaps_and_are_due_after_they_end(
    every: str, start: date, days: int, due: str
) -> None:
    end = date.fromordinal(start.toordinal() + days)
    found = periods(Reporting.model_validate({"every": every, "due": due}), start, end)
    for before, after in zip(found, found[1:]):
        assert date.fromordinal(before.end.toordinal() + 1) == after.start
    for period in found:
        assert start < period.end <= end and period.due >= period.end
    assert len({p.key for p in found}) == len(found)


def test_status_shows_what_is_overdue_and_due_by_owner(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    result = run_cli("status", str(folder), "reporting", "--as-of", "2024-10-01", "--days", "30", "-f", "markdown")
    assert result.code == 0, result.out + result.err
    # The KPI's second tertial has no reading: overdue since 30 September, for Ola (its owner).
    assert "| Ola Nordmann | Netto driftsresultat (KPI) | 2. tertial 2024 | 30.09.2024 | Forfalt for 1 dag siden |" in result.out
    # The report's first tertial was delivered on 28 May; its second is overdue, for the role.
    assert "| Økonomisjef | Tertialrapport (rapport) | 2. tertial 2024 | 30.09.2024 |" in result.out
    assert "| Netto driftsresultat (KPI) | per tertial, frist 1 måned etter | Ola Nordmann | T1 ✓ T2 ✗ T3 … |" in result.out
    data = json.loads(run_cli("status", str(folder), "reporting", "--as-of", "2024-10-01", "-f", "json").out)["data"]
    report = next(d for d in data["duties"] if d["id"] == "tertialrapport")
    assert [(p["key"], p["state"], p["reported_on"]) for p in report["periods"]] == [
        ("2024-T1", "reported", "2024-05-28"), ("2024-T2", "overdue", None), ("2024-T3", "open", None),
    ]
    rows = run_cli("status", str(folder), "reporting", "--as-of", "2024-10-01", "-f", "csv").out.splitlines()
    assert rows[0] == "kind,id,name,owner,every,period,start,end,due,state,reported_on,days"
    assert "kpis,driftsresultat,Netto driftsresultat,ola,tertial,2024-T2,2024-05-01,2024-08-31,2024-09-30,overdue,,1" in rows


def test_nynorsk_and_english_words_read_the_same_rhythm(tmp_path: Path) -> None:
    nn = run_cli("status", str(_plan(tmp_path / "nn", "nn", "kvart tertial", "1 månad")), "reporting",
                 "--as-of", "2024-10-01", "-f", "markdown").out
    en = run_cli("status", str(_plan(tmp_path / "en", "en", "every tertial", "1 month")), "reporting",
                 "--as-of", "2024-10-01", "-f", "markdown").out
    assert "kvart tertial, frist 1 månad etter" in nn and "Forfalle for 1 dag sidan" in nn
    assert "per tertial, due 1 month after" in en and "Overdue by 1 day" in en


def test_validate_warns_on_overdue_reporting_only_as_of_a_date(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    plain = run_cli("validate", "--strict", str(folder))
    assert plain.code == 0, plain.out
    late = run_cli("validate", "--lang", "en", "--as-of", "2024-10-01", str(folder))
    lines = [line for line in late.out.splitlines() if "PV645" in line]
    assert len(lines) == 2, late.out
    assert lines[0].endswith("plan.yaml:20:16: warning PV645 'Netto driftsresultat' is not reported for T2 2024, due 30 "
                             "September 2024: record the measurement or the delivery ('delivered'), or silence this "
                             "with the reason")
    assert late.code == 0  # a warning; --strict makes it fail
    assert run_cli("validate", "--strict", "--as-of", "2024-10-01", str(folder)).code == 1


def test_overdue_reporting_can_be_silenced_and_the_silence_is_not_unused_without_a_date(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    text = (folder / "plan.yaml").read_text(encoding="utf-8").replace(
        "    covers: [driftsresultat]\n",
        "    covers: [driftsresultat]\n    silence: [{code: PV645, reason: Tertialrapporten for 2. tertial kommer i november.}]\n",
    )
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    assert run_cli("validate", "--strict", str(folder)).code == 0
    late = run_cli("validate", "--as-of", "2024-10-01", str(folder))
    assert [line.split(" ")[2] for line in late.out.splitlines() if " PV6" in line] == ["PV645"], late.out
    assert "Netto driftsresultat" in late.out and "Tertialrapport'" not in late.out


def test_each_reporter_s_feed_carries_their_due_dates_with_uids_that_survive_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = _plan(tmp_path)
    out = tmp_path / "feeds"
    assert run_cli("ical", str(folder), "-o", str(out)).code == 0
    kari = (out / "people" / "kari.ics").read_text(encoding="utf-8")
    ola = (out / "people" / "ola.ics").read_text(encoding="utf-8")
    assert "UID:reporting/tertialrapport/2024-T1@rytme.planverk" in kari
    assert "DTSTART;VALUE=DATE:20240531" in kari and "SUMMARY:Rapportering: Tertialrapport (1. tertial 2024)" in kari
    assert "Rapportert: 28.05.2024" in kari.replace("\r\n ", "")
    assert "UID:reporting/driftsresultat/2024-T2@rytme.planverk" in ola and "tertialrapport" not in ola
    # A later due date moves the entry: same UID, new date.
    text = (folder / "plan.yaml").read_text(encoding="utf-8").replace("due: 1 måned", "due: 45 dager")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    assert run_cli("ical", str(folder), "-o", str(out)).code == 0
    ola = (out / "people" / "ola.ics").read_text(encoding="utf-8")
    assert ola.count("UID:reporting/driftsresultat/2024-T2@rytme.planverk") == 1
    assert "DTSTART;VALUE=DATE:20241015" in ola


def test_the_thread_section_shows_each_goal_s_chain_and_its_breaks(tmp_path: Path) -> None:
    case = Path(__file__).parent / "cases" / "invalid" / "thread-breaks"
    out = run_cli("status", str(case), "thread", "-f", "markdown", "--as-of", "2024-06-01").out
    assert "# Den raude tråden" in out
    assert "| · Lågare driftsutgifter | Felles innkjøp | Netto driftsresultat; Innkjøpsavtalar i bruk | Lågare kostnader; Tertialrapport |" in out
    assert "| · Betre innkjøp (inkje tiltak eller KPI tener målet) | – | – | – |" in out
    codes = [line.split(" | ")[-1].rstrip(" |") for line in out.splitlines() if line.startswith("| ") and "PV64" in line]
    assert codes == ["PV640", "PV640", "PV641", "PV642", "PV643", "PV644"]
    data = json.loads(run_cli("status", str(case), "thread", "-f", "json").out)["data"]
    assert data["kept"] is True
    assert [b["kind"] for b in data["breaks"]][:2] == ["goal-without-measure", "goal-without-measure"]


def test_lunner_kpis_show_trends_and_the_thread_is_whole() -> None:
    lunner = str(PLANS / "lunner-lean-2012")
    out = run_cli("status", lunner, "kpis", "--as-of", "2015-01-01", "-f", "json").out
    kpis = json.loads(out)["data"]
    assert len(kpis) == 22
    assert sum(k["state"] == "unknown" for k in kpis) <= 1  # only the 2015 election is still to come
    assert sum(k["trend"] is not None for k in kpis) >= 10
    thread = json.loads(run_cli("status", lunner, "thread", "-f", "json").out)["data"]
    assert thread["kept"] and thread["breaks"] == []


def test_the_workbook_has_a_reporting_sheet_with_dates_and_words(tmp_path: Path) -> None:
    import openpyxl

    folder = _plan(tmp_path)
    path = tmp_path / "status.xlsx"
    result = run_cli("status", str(folder), "reporting", "--as-of", "2024-10-01", "-f", "xlsx", "-o", str(path))
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Rapportering"]
    values = list(book["Rapportering"].iter_rows(values_only=True))
    rows = [dict(zip(values[0], row)) for row in values[1:]]
    second = next(r for r in rows if r["Id"] == "driftsresultat" and r["Periode"] == "2024-T2")
    assert second["Status"] == "Forfalt" and second["Rytme"] == "Per tertial" and second["Type"] == "KPI"
    assert second["Frist"].date() == date(2024, 9, 30)


def test_the_red_thread_picture_marks_breaks_in_words_and_draws_plan_text_as_written(tmp_path: Path) -> None:
    from planverk.publish.pictures import draw
    from planverk.render.context import build_context
    from planverk.render.labels import LABELS
    from planverk.validate import validate_plan

    case = Path(__file__).parent / "cases" / "invalid" / "thread-breaks"
    text = (case / "plan.yaml").read_text(encoding="utf-8").replace("Felles innkjøp", "Felles innkjøp $x^2$")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    plan = validate_plan(tmp_path).plan
    assert plan is not None
    ctx = build_context(plan, LABELS["nn"], as_of=date(2024, 6, 1))
    spec = ctx.pictures["red-thread"]
    assert spec.section == "thread" and spec.file == "red-thread.svg"
    assert "Brot i tråden: Betre innkjøp (inkje tiltak eller KPI tener målet)" in spec.alt
    svg = draw(spec, png=False).svg.decode()
    assert "⚠ inkje tiltak eller KPI tener målet" in svg and "Felles innkjøp $x^2$" in svg
    assert "red-thread" not in build_context(
        validate_plan(PLANS / "nordre-follo-2018").plan, LABELS["nb"], as_of=date(2018, 10, 1)
    ).pictures  # its goals are a menu: no measure or KPI is linked to them


# The periods of a rhythm and the due dates come from planverk.model.periods (the one
# module of period arithmetic); these pin that they are what reporting computed on its
# own before, for any rhythm, span and due rule.

def _months_after_as_before(end: date, months: int) -> date:
    from calendar import monthrange

    total = end.year * 12 + end.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = monthrange(year, month)[1]
    at_month_end = end.day == monthrange(end.year, end.month)[1]
    return date(year, month, last if at_month_end else min(end.day, last))


def _periods_as_before(every: str, first: date, last: date) -> list[tuple[date, date, int]]:
    from datetime import timedelta

    months = {"month": 1, "quarter": 3, "tertial": 4, "half-year": 6, "year": 12}[every]

    def month_start(year: int, index: int) -> date:
        y, m = divmod(index, 12)
        return date(year + y, m + 1, 1)

    result: list[tuple[date, date, int]] = []
    if last < first:
        return result
    year, index = first.year, (first.month - 1) // months * months
    while True:
        start = month_start(year, index)
        end = month_start(year, index + months) - timedelta(days=1)
        if end > last:
            break
        if end > first:
            result.append((start, end, (start.month - 1) // months + 1))
        index += months
    return result


DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=300, deadline=None)  # no timed assertions: the machine may be busy
@given(
    every=st.sampled_from(["month", "quarter", "tertial", "half-year", "year"]),
    first=DAYS,
    length=st.integers(min_value=-40, max_value=3000),
    due=st.sampled_from([None, "1 month", "2 months", "31 days", "2 weeks", "1 year", "1. februar"]),
)
def test_the_periods_of_a_rhythm_are_those_reporting_computed_before(
    every: str, first: date, length: int, due: str | None
) -> None:
    from datetime import timedelta

    from planverk.model.reporting import Due

    last = first + timedelta(days=length)
    rhythm = Reporting.model_validate({"every": every, "due": due})
    found = periods(rhythm, first, last)
    assert [(p.start, p.end, p.number) for p in found] == _periods_as_before(every, first, last)
    rule = rhythm.due_rule
    for period in found:
        if rule.day is None and rule.unit in ("month", "year"):
            months = rule.count * (12 if rule.unit == "year" else 1)
            assert period.due == _months_after_as_before(period.end, months)
        assert period.due == Due.after(rule, period.end)
