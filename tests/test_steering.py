"""The pure computations behind `planverk status`, and the values they read and write."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planverk.model import Plan
from planverk.model.quantities import parse_money, parse_quantity
from planverk.model.ratings import parse_rating
from planverk.status.deadlines import deadline_status
from planverk.status.goals import goal_choices, goal_tree
from planverk.status.kpis import kpi_status
from planverk.status.measures import feasibility, measure_status, quadrant
from planverk.status.risks import level, risk_status
from planverk.status.scorecards import scorecard_status


def plan(**lists: Any) -> Plan:
    """A plan with the given top-level lists."""
    header = {
        "id": "t",
        "title": "T",
        "organisation": "O",
        "period": {"start": "2024-01-01", "end": "2027-12-31"},
    }
    return Plan.model_validate({"plan": header, **lists})


def kpi(direction: str = "higher", **fields: Any) -> dict[str, Any]:
    return {"id": "k", "name": "K", "unit": "count", "direction": direction, **fields}


# --- KPIs ---------------------------------------------------------------------------------

BASE = {"value": 10, "date": "2024-01-01"}
TARGET = {"value": 20, "due": "2025-01-01"}


@pytest.mark.parametrize(
    ("reading", "as_of", "state", "reason"),
    [
        ({"date": "2024-07-01", "value": 21}, "2024-08-01", "on-track", "met"),
        ({"date": "2024-07-01", "value": 16}, "2024-08-01", "on-track", "on-line"),
        ({"date": "2024-07-01", "value": 12}, "2024-08-01", "at-risk", "behind-line"),
        ({"date": "2024-07-01", "value": 9}, "2024-08-01", "off-track", "no-progress"),
        ({"date": "2024-07-01", "value": 19}, "2025-02-01", "off-track", "missed"),
        ({"date": "2024-09-01", "value": 12}, "2024-08-01", "unknown", "no-measurement"),
    ],
)
def test_kpi_rule(reading: dict, as_of: str, state: str, reason: str) -> None:
    found = kpi_status(
        plan(kpis=[kpi(baseline=BASE, target=TARGET, measurements=[reading])]),
        date.fromisoformat(as_of),
    )
    assert (found[0].state, found[0].reason) == (state, reason)


def test_kpi_without_target_is_unknown() -> None:
    found = kpi_status(
        plan(kpis=[kpi(baseline=BASE, measurements=[{"date": "2024-02-01", "value": 11}])]),
        date(2024, 3, 1),
    )
    assert (found[0].state, found[0].reason, found[0].trend, found[0].change) == (
        "unknown",
        "no-target",
        "improving",
        1,
    )


@given(
    baseline=st.integers(-50, 50),
    target=st.integers(-50, 50),
    reading=st.integers(-50, 50),
    read_day=st.integers(1, 700),
    as_of_day=st.integers(1, 800),
)
def test_kpi_rule_is_the_same_seen_upside_down(
    baseline: int, target: int, reading: int, read_day: int, as_of_day: int
) -> None:
    """Negating every value and turning 'higher is better' into 'lower' changes nothing."""
    start = date(2024, 1, 1)
    when = (start + timedelta(days=read_day)).isoformat()
    as_of = start + timedelta(days=as_of_day)

    def judged(sign: int, direction: str):
        spec = kpi(
            direction,
            baseline={"value": sign * baseline, "date": start.isoformat()},
            target={"value": sign * target, "due": "2025-12-31"},
            measurements=[{"date": when, "value": sign * reading}],
        )
        found = kpi_status(plan(kpis=[spec]), as_of)[0]
        return found.state, found.reason, found.trend

    assert judged(1, "higher") == judged(-1, "lower")


# --- Measures and savings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        (
            {"effect": 4, "staff_impact": 2, "user_impact": 2, "political_acceptance": 4},
            "quick-win",
        ),
        ({"effect": 5, "staff_impact": 4, "user_impact": 4, "political_acceptance": 2}, "major"),
        ({"effect": 3, "political_acceptance": 5}, "fill-in"),
        ({"effect": "low", "staff_impact": "high"}, "reconsider"),
        ({"effect": 5}, None),
        ({"staff_impact": 1}, None),
    ],
)
def test_quadrant(ratings: dict, expected: str | None) -> None:
    measure = plan(measures=[{"id": "m", "title": "M", "ratings": ratings}]).measures[0]
    assert quadrant(measure.ratings.effect, feasibility(measure)) == expected


def test_savings_per_year_counts_identified_decided_and_realised() -> None:
    p = plan(
        savings_targets=[
            {
                "id": "s",
                "title": "S",
                "total": "3 mill. kr",
                "period": {"start": "2024-01-01", "end": "2025-12-31"},
                "years": {2024: "1 mill. kr", 2025: "3 mill. kr"},
            }
        ],
        measures=[
            {
                "id": "a",
                "title": "A",
                "status": "decided",
                "savings_target": "s",
                "effect": {2024: 600_000, 2025: "1,2 mill. kr"},
                "realised": {2024: 500_000, 2025: 1_000_000},
            },
            {"id": "b", "title": "B", "savings_target": "s", "effect": {2025: "1 mill. kr"}},
            {
                "id": "c",
                "title": "C",
                "status": "dropped",
                "savings_target": "s",
                "effect": {2025: "9 mill. kr"},
            },
            {"id": "d", "title": "D", "effect": {2025: "9 mill. kr"}},
        ],
    )
    years = measure_status(p, date(2024, 6, 1)).savings[0].years
    assert [(y.year, y.target, y.identified, y.decided, y.realised, y.gap) for y in years] == [
        (2024, 1_000_000, 600_000, 600_000, 500_000, 400_000),
        (2025, 3_000_000, 2_200_000, 1_200_000, None, 800_000),
    ]


# --- Risks --------------------------------------------------------------------------------


def test_risk_levels_and_matrix() -> None:
    assert [level(s) for s in (1, 4, 5, 9, 10, 25)] == [
        "low",
        "low",
        "moderate",
        "moderate",
        "high",
        "high",
    ]
    p = plan(
        risks=[
            {
                "id": "a",
                "title": "A",
                "probability": "moderat",
                "consequence": 4,
                "assessments": [{"date": "2024-06-01", "probability": "høy", "consequence": 4}],
            },
            {"id": "b", "title": "B", "probability": 2},
            {"id": "c", "title": "C", "probability": 5, "consequence": 5, "status": "closed"},
            {
                "id": "d",
                "title": "D",
                "probability": 1,
                "consequence": 1,
                "identified": "2025-01-01",
            },
        ]
    )
    before, after = risk_status(p, date(2024, 5, 1)), risk_status(p, date(2024, 7, 1))
    assert [(r.id, r.score, r.trend) for r in before.risks] == [
        ("a", 12, None),
        ("b", None, None),
        ("c", 25, None),
    ]
    assert (after.risks[0].score, after.risks[0].trend, after.risks[0].assessed) == (
        16,
        "growing",
        date(2024, 6, 1),
    )
    assert after.matrix[3][3] == [1] and after.unrated[1] == [2]
    assert sum(len(cell) for row in after.matrix for cell in row) == 1  # the closed risk stays out


# --- Scorecards ---------------------------------------------------------------------------


def test_scorecard_totals_gaps_and_changes() -> None:
    area = {
        "id": "a",
        "name": "A",
        "total": 10,
        "questions": [{"id": "q1", "text": "?", "max": 6}, {"id": "q2", "text": "?", "max": 4}],
    }
    p = plan(
        scorecards=[
            {
                "id": "s",
                "title": "S",
                "areas": [area],
                "assessments": [
                    {"organisation": "X", "year": 2023, "scores": {"a": {"q1": 5, "q2": None}}},
                    {"organisation": "Y", "year": 2023, "scores": {"a": {"q1": 6, "q2": 4}}},
                    {"organisation": "X", "year": 2024, "scores": {"a": {"q1": 6, "q2": 3}}},
                ],
            }
        ]
    )
    card = scorecard_status(p, date(2024, 12, 31))[0]
    assert [(c.organisation, c.year, c.unscored) for c in card.columns] == [
        ("X", 2023, 1),
        ("X", 2024, 0),
        ("Y", 2023, 0),
    ]
    # no gap on the partial assessment: 10 - 5 would be mostly the unscored question
    assert (card.max, card.totals, card.gaps) == (10, [5, 9, 10], [None, 1, 0])
    assert [(c.scored, c.questions) for c in (col.coverage for col in card.columns)] == [(1, 2), (2, 2), (2, 2)]
    # the change counts only q1, scored both years: +1, not the +4 of 5 -> 9
    assert [(c.organisation, c.from_year, c.to_year, c.total, c.compared, c.questions) for c in card.changes] == [
        ("X", 2023, 2024, 1, 1, 2)
    ]
    assert card.common is not None
    assert (card.common.compared, card.common.totals, card.common.max) == (1, [5, 6, 6], 6)
    assert len(scorecard_status(p, date(2023, 12, 31))[0].columns) == 2


# --- Deadlines and goals --------------------------------------------------------------------


def test_deadlines_as_of_a_date() -> None:
    p = plan(
        deadlines=[
            {"id": "a", "date": "2024-03-01", "task": "A"},
            {"id": "b", "date": "2024-03-15", "task": "B"},
            {"id": "c", "date": "2024-03-16", "task": "C"},
            {
                "id": "d",
                "date": "2024-02-01",
                "task": "D",
                "status": "done",
                "done_on": "2024-03-05",
            },
        ]
    )
    report = deadline_status(p, date(2024, 3, 1), horizon=14)
    assert [
        [i.id for i in part] for part in (report.overdue, report.due, report.done, report.later)
    ] == [
        ["d"],
        ["a", "b"],
        [],
        ["c"],
    ]
    assert [i.id for i in deadline_status(p, date(2024, 3, 5)).done] == ["d"]


def test_goal_tree_and_blank_choices() -> None:
    p = plan(
        groups=[{"id": "g", "name": "Gruppe"}],
        goals=[
            {"id": "t1", "title": "Tema 1"},
            {"id": "t2", "title": "Tema 2"},
            {"id": "m1", "title": "Mål 1", "parent": "t1"},
        ],
        goal_choices=[
            {"group": "g", "theme": "t1", "goals": ["m1"], "justification": "Fordi"},
            {"group": "g", "theme": "t2"},
        ],
    )
    assert [(n.id, [c.id for c in n.children]) for n in goal_tree(p)] == [
        ("t1", ["m1"]),
        ("t2", []),
    ]
    (group,) = goal_choices(p)
    assert [(c.theme, c.chosen, c.made) for c in group.choices] == [
        ("t1", [("m1", "Mål 1")], True),
        ("t2", [], False),
    ]


# --- Reading and writing numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("4,5", 4.5, None),
        ("8 700", 8700, None),
        ("65,3 %", 65.3, "percent"),
        ("-1,2 %", -1.2, "percent"),
        ("2,5 mill. kr", 2_500_000, "nok"),
        ("35 MNOK", 35_000_000, "nok"),
        ("350\u00a0000 kr", 350_000, "nok"),
        ("1,2 mrd. kr", 1_200_000_000, "nok"),
        (12, 12, None),
    ],
)
def test_quantities_as_documents_write_them(written: Any, value: float, unit: str | None) -> None:
    found = parse_quantity(written)
    assert (found.value, found.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("bad", ["fire", "4,5 stk", "12:00", True, None])
def test_quantities_refuse_what_is_not_a_number(bad: Any) -> None:
    with pytest.raises(ValueError):
        parse_quantity(bad)


def test_money_refuses_percentages_and_ratings_refuse_unknown_words() -> None:
    with pytest.raises(ValueError):
        parse_money("3 %")
    assert [parse_rating(w) for w in ("svært lav", "Lav", "moderat", "HØY", "very high", 3)] == [
        1,
        2,
        3,
        4,
        5,
        3,
    ]
    with pytest.raises(ValueError):
        parse_rating("ganske høy")


# --- Amounts as source documents spell them ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kroner", "approximate"),
    [
        ("35 mill kroner", 35e6, False),
        ("35 mill. NOK", 35e6, False),
        ("35 mill.kr", 35e6, False),
        ("35 Mill.Kr", 35e6, False),
        ("35 MNOK", 35e6, False),
        ("3 millionar kroner", 3e6, False),
        ("ca. 35 mill. kr", 35e6, True),
        ("Ca 2,5 mill. kr", 2.5e6, True),
        ("cirka 400 000 kr", 4e5, True),
        ("om lag 12 mill. kr", 12e6, True),
        ("~ 1,2 mrd. kr", 1.2e9, True),
    ],
)
def test_amounts_in_the_sources_spellings(text: str, kroner: float, approximate: bool) -> None:
    amount = parse_money(text)
    assert amount.value == pytest.approx(kroner)
    assert amount.unit == "nok"
    assert amount.approximate is approximate
    assert str(amount) == text


def test_an_approximate_amount_is_shown_approximate_in_status() -> None:
    report = measure_status(
        plan(
            savings_targets=[
                {
                    "id": "s",
                    "title": "S",
                    "total": "ca. 35 mill. kr",
                    "period": {"start": "2024-01-01", "end": "2025-12-31"},
                    "years": {2024: "20 mill. kr", 2025: "ca. 35 mill. kr"},
                }
            ],
            measures=[
                {"id": "m", "title": "M", "savings_target": "s", "effect": {2024: "ca. 3 mill. kr", 2025: 5e6}}
            ],
        ),
        date(2024, 6, 1),
    )
    target = report.savings[0]
    assert target.total_approximate
    assert [(y.year, y.approximate) for y in target.years] == [
        (2024, ["identified", "gap"]),
        (2025, ["target", "gap"]),
    ]
    assert report.measures[0].approximate == ["effect.2024"]
