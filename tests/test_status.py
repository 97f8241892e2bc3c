"""`planverk status` through the command line: every section, format and example plan."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from conftest import CASES, EXAMPLE_PLANS, PLANS, ROOT, run_cli
from planverk.validate import validate_plan

SECTIONS = ["", "deadlines", "kpis", "measures", "benefits", "risks", "scorecard", "reporting", "thread"]
GOLDEN = Path(__file__).resolve().parent / "golden" / "status"


def _status(*args: str):
    return run_cli("status", *[a for a in args if a])


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s or "overview")
def test_every_section_works_in_every_format(plan: Path, section: str) -> None:
    for fmt in ("rich", "markdown"):
        result = _status(str(plan), section, "--as-of", "2024-06-01", "--format", fmt)
        assert result.code == 0, result.out + result.err
        assert result.out.strip() and "Traceback" not in result.out + result.err
        # one rule with rendered documents: plain spaces, no non-breaking or narrow ones
        assert not {"\u00a0", "\u202f", "\u2009"} & set(result.out)
        if fmt == "rich":  # off a terminal, tables are drawn 100 columns wide and never cropped
            assert max(map(len, result.out.splitlines())) <= 100
    result = _status(str(plan), section, "--as-of", "2024-06-01", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows and all(len(row) == len(rows[0]) for row in rows)
    result = _status(str(plan), section, "--as-of", "2024-06-01", "--format", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["version"] == 1
    assert document["section"] == (section or "overview")
    assert document["as_of"] == "2024-06-01"


def test_lunner_kpis_show_every_kpi_with_its_2012_baseline_and_target() -> None:
    plan = validate_plan(PLANS / "lunner-lean-2012").plan
    assert plan is not None and len(plan.kpis) == 22
    result = _status(
        str(PLANS / "lunner-lean-2012"), "kpis", "--as-of", "2012-06-01", "--format", "markdown"
    )
    assert result.code == 0, result.err
    rows = {
        line.split(" | ")[0][2:]: line for line in result.out.splitlines() if line.startswith("| ")
    }
    for kpi in plan.kpis:
        row = rows[kpi.name]
        if kpi.baseline is not None and kpi.baseline.date is not None:
            assert f"({kpi.baseline.date:%d.%m.%Y})" in row
        assert kpi.target is not None
        if kpi.target.due is not None:
            assert f"(innen {kpi.target.due:%d.%m.%Y})" in row
    assert (
        "| Bidrar aktivt til å nå sine avtalte mål i MAS | 4,8 (01.02.2012) | ≥ 5,0 (innen 31.12.2012) |"
        in result.out
    )
    assert (
        sum(
            1
            for kpi in plan.kpis
            if kpi.baseline and kpi.baseline.date and kpi.baseline.date.year == 2012
        )
        == 11
    )


def test_csv_and_json_keep_numbers_plain() -> None:
    plan = str(PLANS / "savings-2024")
    rows = list(
        csv.DictReader(
            io.StringIO(_status(plan, "measures", "--as-of", "2026-01-01", "-f", "csv").out)
        )
    )
    assert {row["id"]: row["estimated_2025"] for row in rows}["skolesammenslaing"] == "3200000"
    data = json.loads(_status(plan, "kpis", "--as-of", "2026-01-01", "-f", "json").out)["data"]
    assert data[0]["baseline"]["value"] == -1.2 and data[0]["latest"]["value"] == 0.9


JSON_KEYS = {
    "": {
        "plan",
        "title",
        "organisation",
        "as_of",
        "horizon",
        "deadlines",
        "next_deadlines",
        "goals",
        "choices",
        "kpis",
        "savings",
        "measures",
        "quadrants",
        "benefits",
        "risks",
        "top_risks",
        "scores",
        "reporting",
        "thread_breaks",
    },
    "deadlines": {"as_of", "horizon", "overdue", "due", "done", "later"},
    "kpis": {
        "id",
        "name",
        "unit",
        "scale",
        "direction",
        "goals",
        "owner",
        "baseline",
        "latest",
        "target",
        "comparator",
        "due",
        "change",
        "trend",
        "expected",
        "state",
        "reason",
        "method",
        "data_source",
        "target_approximate",
    },
    "measures": {"as_of", "savings", "measures"},
    "benefits": {"id", "title", "type", "owner", "measured", "kpis", "measures", "steps", "state"},
    "risks": {"as_of", "risks", "matrix", "unrated"},
    "reporting": {"duties", "due", "counts", "horizon"},
    "thread": {"chains", "breaks", "kept"},
}


@pytest.mark.parametrize("section", JSON_KEYS, ids=lambda s: s or "overview")
def test_json_keys_are_a_contract(section: str) -> None:
    """docs/status.md documents these keys; renaming one needs a new JSON version."""
    data = json.loads(
        _status(str(PLANS / "savings-2024"), section, "--as-of", "2026-01-01", "-f", "json").out
    )["data"]
    assert set(data[0] if isinstance(data, list) else data) == JSON_KEYS[section]
    card = json.loads(_status(str(PLANS / "scorecard-2023"), "scorecard", "-f", "json").out)[
        "data"
    ][0]
    assert set(card) == {
        "id", "title", "max", "columns", "areas", "totals", "gaps", "changes", "approximate", "common"
    }


def test_markdown_writes_norwegian_numbers_for_a_norwegian_plan() -> None:
    out = _status(
        str(PLANS / "savings-2024"), "measures", "--as-of", "2025-06-01", "-f", "markdown"
    ).out
    assert "| **2025** | **22 mill. kr** | **18,2 mill. kr** |" in out
    assert "40 mill. kr (2024-2027)" in out  # ranges take a hyphen, as in documents


def test_the_same_plan_and_date_give_the_same_bytes() -> None:
    args = (str(PLANS / "savings-2024"), "--as-of", "2026-11-23", "--format", "rich")
    assert _status(*args).out == _status(*args).out


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("lunner-kpis.md", ("lunner-lean-2012", "kpis", "--as-of", "2012-06-01", "-f", "markdown")),
        (
            "savings-measures.md",
            ("savings-2024", "measures", "--as-of", "2026-11-23", "-f", "markdown"),
        ),
        ("savings-risks.txt", ("savings-2024", "risks", "--as-of", "2026-11-23", "-f", "rich")),
        (
            "savings-overview.txt",
            ("savings-2024", "", "--as-of", "2026-11-23", "--days", "30", "-f", "rich"),
        ),
        ("scorecard.txt", ("scorecard-2023", "scorecard", "--as-of", "2023-12-31", "-f", "rich")),
        (
            "kommunekompasset-questions.md",
            ("kommunekompasset-2024", "scorecard", "--questions", "--as-of", "2024-12-01", "-f", "markdown"),
        ),
        (
            "nordre-follo-deadlines.md",
            ("nordre-follo-2018", "deadlines", "--as-of", "2018-09-05", "-f", "markdown"),
        ),
    ],
)
def test_output_matches_the_golden_file(name: str, args: tuple[str, ...]) -> None:
    """Golden files were read by eye; after a deliberate change, `make golden` rewrites them
    (PLANVERK_UPDATE_GOLDEN=1): read `git diff tests/golden/status/` before committing."""
    plan, *rest = args
    result = _status(str(PLANS / plan), *rest)
    assert result.code == 0, result.err
    golden = GOLDEN / name
    if os.environ.get("PLANVERK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.out, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden.relative_to(ROOT)}: run `make golden`"
    assert result.out == golden.read_text(encoding="utf-8")


def test_status_refuses_a_plan_with_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "invalid" / "kpi-slips")
    result = _status(".", "kpis")
    assert result.code == 1
    assert result.out == ""
    assert "plan.yaml:17:38: error PV600" in result.err


def test_status_of_a_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    result = _status(str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "PV010" in result.err


def test_a_bad_date_is_a_usage_error() -> None:
    result = _status(str(PLANS / "gran-2017"), "--as-of", "2024-13-01")
    assert result.code == 2


def test_deadline_horizon_is_configurable() -> None:
    plan = str(PLANS / "savings-2024")
    narrow = json.loads(
        _status(plan, "deadlines", "--as-of", "2026-11-23", "--days", "7", "-f", "json").out
    )
    wide = json.loads(
        _status(plan, "deadlines", "--as-of", "2026-11-23", "--days", "30", "-f", "json").out
    )
    assert [d["id"] for d in narrow["data"]["due"]] == ["utredning-sykehjemsplasser"]
    assert [d["id"] for d in wide["data"]["due"]] == [
        "utredning-sykehjemsplasser",
        "handlingsprogram-2027",
    ]
    assert narrow["data"]["horizon"] == 7


# --- Labels that count ----------------------------------------------------------------------

COUNTED = {
    ("nb", "later_count"): (
        "0 frister senere, den første 20.06.2017.",
        "1 frist senere, den 20.06.2017.",
        "2 frister senere, den første 20.06.2017.",
    ),
    ("nn", "later_count"): (
        "0 fristar seinare, den første 20.06.2017.",
        "1 frist seinare, den 20.06.2017.",
        "2 fristar seinare, den første 20.06.2017.",
    ),
    ("en", "later_count"): (
        "0 later deadlines, the first on 20.06.2017.",
        "1 later deadline, on 20.06.2017.",
        "2 later deadlines, the first on 20.06.2017.",
    ),
    ("nb", "due_within"): ("Innen 0 dager", "Innen 1 dag", "Innen 2 dager"),
    ("nn", "due_within"): ("Innan 0 dagar", "Innan 1 dag", "Innan 2 dagar"),
    ("en", "due_within"): ("Due within 0 days", "Due within 1 day", "Due within 2 days"),
    ("nb", "days_ago"): ("0 dager siden", "1 dag siden", "2 dager siden"),
    ("nn", "days_ago"): ("0 dagar sidan", "1 dag sidan", "2 dagar sidan"),
    ("en", "days_ago"): ("0 days ago", "1 day ago", "2 days ago"),
    ("nb", "in_days"): ("om 0 dager", "om 1 dag", "om 2 dager"),
    ("nn", "in_days"): ("om 0 dagar", "om 1 dag", "om 2 dagar"),
    ("en", "in_days"): ("in 0 days", "in 1 day", "in 2 days"),
    ("nb", "choices_made"): (
        "0 av 0 gruppevalg gjort",
        "0 av 1 gruppevalg gjort",
        "0 av 2 gruppevalg gjort",
    ),
    ("nn", "choices_made"): (
        "0 av 0 gruppeval gjort",
        "0 av 1 gruppeval gjort",
        "0 av 2 gruppeval gjort",
    ),
    ("en", "choices_made"): (
        "0 of 0 group choices made",
        "0 of 1 group choice made",
        "0 of 2 group choices made",
    ),
    ("nb", "goal_count"): ("0 i målhierarkiet", "1 i målhierarkiet", "2 i målhierarkiet"),
    ("nn", "goal_count"): ("0 i målhierarkiet", "1 i målhierarkiet", "2 i målhierarkiet"),
    ("en", "goal_count"): ("0 in the hierarchy", "1 in the hierarchy", "2 in the hierarchy"),
    ("nb", "assessed"): ("0 av 2 spørsmål vurdert", "1 av 2 spørsmål vurdert", "2 av 2 spørsmål vurdert"),
    ("nn", "assessed"): ("0 av 2 spørsmål vurderte", "1 av 2 spørsmål vurdert", "2 av 2 spørsmål vurderte"),
    ("en", "assessed"): ("0 of 2 questions assessed", "1 of 2 questions assessed", "2 of 2 questions assessed"),
    ("nb", "assessed_short"): ("0 av 2 vurdert", "1 av 2 vurdert", "2 av 2 vurdert"),
    ("nn", "assessed_short"): ("0 av 2 vurderte", "1 av 2 vurdert", "2 av 2 vurderte"),
    ("en", "assessed_short"): ("0 of 2 assessed", "1 of 2 assessed", "2 of 2 assessed"),
    ("nb", "common_rule"): tuple(
        f"Sum på felles spørsmål: bare {w} {n} av 2 {q} som er vurdert i alle kolonnene, så de kan sammenlignes."
        for w, n, q in (("de", 0, "spørsmålene"), ("det", 1, "spørsmål"), ("de", 2, "spørsmålene"))
    ),
    ("nn", "common_rule"): tuple(
        f"Sum på felles spørsmål: berre {w} {n} av 2 {q} som er {v} i alle kolonnane, så dei kan samanliknast."
        for w, n, q, v in (("dei", 0, "spørsmåla", "vurderte"), ("det", 1, "spørsmål", "vurdert"), ("dei", 2, "spørsmåla", "vurderte"))
    ),
    ("en", "common_rule"): tuple(
        f"Total on common questions: only the {n} of 2 questions assessed in every column, so that they compare."
        for n in (0, 1, 2)
    ),
    ("nb", "change_rule"): tuple(
        f"Endring 2020-2024 for Stavvik regner bare med {w} {n} av 2 {q} som er vurdert begge år."
        for w, n, q in (("de", 0, "spørsmålene"), ("det", 1, "spørsmål"), ("de", 2, "spørsmålene"))
    ),
    ("nn", "change_rule"): tuple(
        f"Endring 2020-2024 for Stavvik reknar berre med {w} {n} av 2 {q} som er {v} begge år."
        for w, n, q, v in (("dei", 0, "spørsmåla", "vurderte"), ("det", 1, "spørsmål", "vurdert"), ("dei", 2, "spørsmåla", "vurderte"))
    ),
    ("en", "change_rule"): tuple(
        f"Endring 2020-2024 for Stavvik counts only the {n} of 2 questions assessed in both years." for n in (0, 1, 2)
    ),
    ("nb", "period_overdue"): ("Forfalt for 0 dager siden", "Forfalt for 1 dag siden", "Forfalt for 2 dager siden"),
    ("nn", "period_overdue"): ("Forfalle for 0 dagar sidan", "Forfalle for 1 dag sidan", "Forfalle for 2 dagar sidan"),
    ("en", "period_overdue"): ("Overdue by 0 days", "Overdue by 1 day", "Overdue by 2 days"),
    ("nb", "period_due"): ("Frist om 0 dager", "Frist om 1 dag", "Frist om 2 dager"),
    ("nn", "period_due"): ("Frist om 0 dagar", "Frist om 1 dag", "Frist om 2 dagar"),
    ("en", "period_due"): ("Due in 0 days", "Due in 1 day", "Due in 2 days"),
}


@pytest.mark.parametrize(("language", "key"), COUNTED, ids=lambda v: str(v))
def test_labels_that_count_agree_with_0_1_and_2(language: str, key: str) -> None:
    from planverk.status.views.common import Context

    ctx = Context(language)
    got = tuple(
        ctx.t(key, count=n, date="20.06.2017", made=0, of=2, change="Endring 2020-2024", organisation="Stavvik")
        for n in (0, 1, 2)
    )
    assert got == COUNTED[language, key]


def test_every_label_with_a_number_has_its_plural_forms() -> None:
    """A label that takes {count} is a Plural in every language, and COUNTED shows it."""
    from planverk.status.labels import LABELS, Plural

    for key, texts in LABELS.items():
        for language, text in zip(("nb", "nn", "en"), texts):
            forms = [text.one, text.other] if isinstance(text, Plural) else [text]
            if any("{count}" in form for form in forms) or isinstance(text, Plural):
                assert isinstance(text, Plural), f"{key} ({language}) counts: make it a Plural"
                assert all("{count}" in form for form in forms), key
                assert (language, key) in COUNTED, f"add {key} ({language}) to COUNTED"


def test_one_later_deadline_is_one_frist() -> None:
    out = _status(str(PLANS / "gran-2017"), "deadlines", "--as-of", "2017-06-01", "-f", "markdown")
    assert "1 frist senere, den 20.06.2017." in out.out
    overview = _status(
        str(PLANS / "gran-2017"), "--as-of", "2017-05-01", "--days", "1", "-f", "markdown"
    ).out
    assert "Forfalt: 3 · Innen 1 dag: 0 · Fullført: 0 · Senere: 2" in overview


def test_deadline_times_are_written_as_documents_write_them(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "plan: {id: t, title: T, organisation: O, period: {start: 2024-01-01, end: 2024-12-31}}\n"
        "deadlines:\n"
        "  - {id: a, date: 2024-03-01, time: '16:00', task: Svar}\n"
        "  - {id: b, date: 2024-03-04, time: '12:00?', task: Rapport}\n",
        encoding="utf-8",
    )
    out = _status(str(tmp_path), "deadlines", "--as-of", "2024-02-28", "-f", "markdown").out
    assert "| 01.03.2024, kl. 16.00 | Svar |" in out
    assert "| 04.03.2024, kl. 12.00? | Rapport |" in out  # an uncertain time keeps its mark


def test_status_and_documents_show_an_estimate_as_written(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "plan: {id: t, title: T, organisation: O, period: {start: 2024-01-01, end: 2025-12-31}}\n"
        "savings_targets:\n"
        "  - {id: s, title: Innsparing, total: ca. 35 mill. kr,\n"
        "     period: {start: 2024-01-01, end: 2025-12-31}, years: {2024: 20 mill. kr, 2025: ca. 35 mill. kr}}\n"
        "measures:\n"
        "  - {id: m, title: Innkjøp, savings_target: s, effect: {2024: 35 mill.kr, 2025: ca. 35 mill kroner}}\n",
        encoding="utf-8",
    )
    status = run_cli("status", str(tmp_path), "measures", "--as-of", "2025-03-01", "-f", "markdown")
    assert status.code == 0, status.out + status.err
    assert "Innsparing: ca. 35 mill. kr (2024-2025)" in status.out
    rendered = run_cli("render", str(tmp_path), "status-report", "--as-of", "2025-03-01")
    assert rendered.code == 0, rendered.out + rendered.err
    assert "ca. 35 mill. kr" in rendered.out
