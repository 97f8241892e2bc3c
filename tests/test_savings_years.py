"""A measure's effect counts the same in every table: the savings tree's rows add up to
their parent in each year of the top target (a sub-target's years run on with its
parent's), the measures table and the diff agree with them (one rule,
:func:`planverk.model.effects.effects`)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from planverk.model import Plan
from planverk.model.effects import effects
from planverk.review.steering import steering_diff
from planverk.status.measures import measure_status

PLAN = """\
plan:
  id: tre
  title: Økonomiplan
  organisation: Nordvik kommune
  period: {start: 2025-01-01, end: 2028-12-31}
  language: nb
savings_targets:
  - id: okonomiplan
    title: Redusere netto driftsutgifter med 40 mill. kr
    total: 40 mill. kr
    unallocated: 3 mill. kr
    period: {start: 2025-01-01, end: 2028-12-31}
  - id: budsjett-2025
    title: Kutt i budsjettet for 2025
    parent: okonomiplan
    total: 12 mill. kr
    period: {start: 2025-01-01, end: 2025-12-31}
  - id: prosjekt
    title: Omstillingsprosjektet
    parent: okonomiplan
    total: 25 mill. kr
    period: {start: 2025-01-01, end: 2028-12-31}
    years: {2025: 4 mill. kr, 2028: 25 mill. kr}
measures:
  - id: innkjop
    title: Felles innkjøpsavtaler
    savings_target: budsjett-2025
    effect_kind: lasting
    effect: {2025: 2 mill. kr}
    status: decided
    decided_on: 2025-01-15
  - id: salg
    title: Salg av tomt
    savings_target: prosjekt
    effect_kind: one-off
    effect: {2026: 500 000 kr}
"""


def _plan(tmp_path: Path) -> Path:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_a_sub_targets_lasting_effect_shows_on_its_row_after_its_period(tmp_path: Path) -> None:
    result = run_cli("status", str(_plan(tmp_path)), "measures", "--as-of", "2026-06-01", "-f", "markdown")
    assert result.code == 0, result.err
    out = result.out
    year_2026 = out[out.index("## 2026:"):out.index("## 2027:")]
    assert "| **Redusere netto driftsutgifter med 40 mill. kr** | **2,5 mill. kr** | **2 mill. kr** |" in year_2026
    assert "| – Kutt i budsjettet for 2025 | 2 mill. kr | 2 mill. kr |" in year_2026
    assert "| – Omstillingsprosjektet | 0,5 mill. kr | 0 kr |" in year_2026
    year_2028 = out[out.index("## 2028:"):]
    assert "| – Kutt i budsjettet for 2025 | – | 2 mill. kr | 2 mill. kr | – |" in year_2028
    # the measures table counts the measure as the tree does
    assert "| Felles innkjøpsavtaler | Vedtatt | 2 mill. kr |" in out


def test_the_json_gives_a_sub_target_its_parents_years(tmp_path: Path) -> None:
    out = run_cli("status", str(_plan(tmp_path)), "measures", "--as-of", "2026-06-01", "-f", "json").out
    document = json.loads(out)
    savings = {s["id"]: s for s in document["data"]["savings"]}
    cut = savings["budsjett-2025"]
    assert [(y["year"], y["target"], y["identified"]) for y in cut["years"]] == [
        (2025, 12_000_000, 2_000_000), (2026, None, 2_000_000), (2027, None, 2_000_000), (2028, None, 2_000_000),
    ]
    measures = {m["id"]: m for m in document["data"]["measures"]}
    assert measures["innkjop"]["effect"] == {"2025": 2_000_000, "2026": 2_000_000, "2027": 2_000_000, "2028": 2_000_000}


_YEARS = st.integers(2024, 2029)
_KINDS = st.sampled_from([None, "lasting", "one-off"])
_AMOUNTS = st.dictionaries(_YEARS, st.integers(-2, 9).map(lambda n: n * 250_000), max_size=3)
_STATUS = st.sampled_from(["proposed", "decided", "realised", "dropped"])


def _tree_plan(targets: list[tuple[int, int, int, int]], measures: list[tuple]) -> Plan:
    """Targets ``(parent, start, length, figure_year)`` (parent ``n`` > index: none; parents
    come earlier, so no circles), measures on them ``(target, kind, effect, realised, status)``."""
    return Plan.model_validate({
        "plan": {"id": "p", "title": "P", "organisation": "O",
                 "period": {"start": "2024-01-01", "end": "2029-12-31"}},
        "savings_targets": [
            {"id": f"t{n}", "title": f"T{n}", "total": "1 mill. kr",
             "period": {"start": f"{start}-01-01", "end": f"{min(start + length, 2029)}-12-31"},
             "years": {figure: "500 000 kr"},
             **({"parent": f"t{parent}"} if parent < n else {})}
            for n, (parent, start, length, figure) in enumerate(targets)
        ],
        "measures": [
            {"id": f"m{k}", "title": "M", "savings_target": f"t{target % len(targets)}",
             "effect": effect, "realised": realised, "status": status,
             **({"decided_on": "2020-01-01"} if status != "proposed" else {}),
             **({"effect_kind": kind} if kind else {})}
            for k, (target, kind, effect, realised, status) in enumerate(measures)
        ],
    })


@settings(max_examples=80, deadline=None)
@given(
    targets=st.lists(st.tuples(st.integers(0, 6), st.integers(2024, 2028), st.integers(0, 3), _YEARS),
                     min_size=1, max_size=6),
    measures=st.lists(st.tuples(st.integers(0, 5), _KINDS, _AMOUNTS, _AMOUNTS, _STATUS), max_size=8),
)
def test_every_year_a_parent_row_is_its_sub_targets_rows_and_not_allocated(targets, measures) -> None:
    """Whatever the tree of targets and periods: in every year of a target's table, its
    sub-targets' rows plus 'not allocated' add up to its row (identified, decided,
    realised), and the measures table and the diff count each measure as the rows do."""
    plan = _tree_plan(targets, measures)
    report = measure_status(plan, date(2027, 6, 1))
    found = {s.id: s for s in report.savings}
    for target in found.values():
        rows = {y.year: y for y in target.years}
        rests = {y.year: y for y in target.remainder}
        for year, row in rows.items():
            if not target.children:
                continue
            # each sub-target has a row for each of its parent's years
            parts = [{y.year: y for y in found[c].years}[year] for c in target.children] + [rests[year]]
            assert row.identified == pytest.approx(sum(p.identified for p in parts))
            assert row.decided == pytest.approx(sum(p.decided for p in parts))
            assert (row.realised or 0) == pytest.approx(sum(p.realised or 0 for p in parts))
    # the measures table: a target's identified is the effects the table shows for its measures
    shown = {m.id: m for m in report.measures}
    for target in found.values():
        below = {t for t in found if t == target.id or _is_below(found, t, target.id)}
        for row in target.years:
            listed = [shown[m.id].effect.get(row.year, 0) for m in plan.measures
                      if m.savings_target in below and m.status != "dropped"]
            assert row.identified == pytest.approx(sum(listed))
    # the diff: dropping every measure lowers identified by exactly what status showed
    dropped = plan.model_copy(update={"measures": []})
    changes = {c.id: c for c in steering_diff(plan, dropped).savings if c.change == "identified"}
    for target in found.values():
        before = {y: old for y, old, _ in changes[target.id].years if old} if target.id in changes else {}
        assert before == {y.year: y.identified for y in target.years if y.identified}


def _is_below(found: dict, target: str, top: str) -> bool:
    seen = set()
    current = found[target].parent
    while current is not None and current not in seen:
        if current == top:
            return True
        seen.add(current)
        current = found[current].parent if current in found else None
    return False


def test_one_rule_for_a_lasting_effect() -> None:
    """A lasting effect runs through the last year of its target's or any parent's period;
    a one-off counts in its year only; a measure without a target runs to the plan's end."""
    plan = _tree_plan([(9, 2025, 3, 2028), (0, 2025, 0, 2025)], [
        (1, "lasting", {2025: 1_000_000}, {}, "decided"),
        (1, "one-off", {2026: 500_000}, {}, "decided"),
    ])
    lasting, one_off = plan.measures
    assert {y: a.value for y, a in effects(plan, lasting).items()} == {
        2025: 1e6, 2026: 1e6, 2027: 1e6, 2028: 1e6}
    assert {y: a.value for y, a in effects(plan, one_off).items()} == {2026: 5e5}
    alone = lasting.model_copy(update={"savings_target": None})
    assert max(effects(plan, alone)) == 2029

