"""Savings targets that nest and add up, effects said once as lasting or one-off, and
amounts in one column written in one unit (issue #15, section 1)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CASES, PLANS, run_cli
from planverk import formatting
from planverk.model import Measure
from planverk.status.savings import savings_status
from planverk.validate import validate_plan

TREE = CASES / "valid" / "savings-tree"
HOLTVIK = PLANS / "cost-reduction-2025"


def _measure(**fields: object) -> Measure:
    return Measure.model_validate({"id": "m", "title": "Tiltak", **fields})


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("lasting", {2024: None, 2025: 3e6, 2026: 3e6, 2027: 7e6, 2028: 7e6}),
        ("varig", {2024: None, 2025: 3e6, 2026: 3e6, 2027: 7e6, 2028: 7e6}),
        ("one-off", {2024: None, 2025: 3e6, 2026: None, 2027: 7e6, 2028: None}),
        ("eingongs", {2024: None, 2025: 3e6, 2026: None, 2027: 7e6, 2028: None}),
        (None, {2024: None, 2025: 3e6, 2026: None, 2027: 7e6, 2028: None}),
    ],
)
def test_an_effect_follows_its_kind(kind: str | None, expected: dict[int, float | None]) -> None:
    fields = {"effect": {2025: "3 mill. kr", 2027: "7 mill. kr"}}
    measure = _measure(**fields, **({"effect_kind": kind} if kind else {}))
    found = {year: (None if (a := measure.effect_in(year)) is None else a.value) for year in expected}
    assert found == expected


def test_a_measure_counts_toward_every_target_above_its_own() -> None:
    plan = validate_plan(TREE).plan
    assert plan is not None
    tree = {t.id: t for t in savings_status(plan, date(2026, 6, 1))}
    assert [t.id for t in savings_status(plan, date(2026, 6, 1))] == [
        "okonomiplan", "budsjett-2025", "prosjekt", "prosjekt-helse"
    ]
    assert [t.depth for t in tree.values()] == [0, 1, 1, 2]
    identified = {i: [y.identified / 1e6 for y in t.years] for i, t in tree.items()}
    # innkjop 12 lasting (budsjett), tomtesal 2 one-off in 2026 (prosjekt),
    # heimetenester 1 from 2025, 6 from 2027, lasting (prosjekt-helse)
    assert identified == {
        "okonomiplan": [13, 15, 18, 18],
        "budsjett-2025": [12, 12, 12, 12],
        "prosjekt": [1, 3, 6, 6],
        "prosjekt-helse": [1, 1, 6, 6],
    }
    top = tree["okonomiplan"]
    assert [y.target for y in top.remainder] == [0, 1e6, 2e6, 3e6]  # 2028: the stated 3 mill. kr
    assert tree["prosjekt"].remainder[-1].target == 15e6
    assert tree["prosjekt"].remainder[-1].identified == 2e6 * 0  # tomtesal is one-off in 2026
    assert tree["prosjekt"].remainder[1].identified == 2e6  # measures on the target itself
    assert top.years[-1].approximate == ["target", "gap"]  # 'ca. 40 mill. kr'


def test_status_shows_the_tree_per_year_in_every_format() -> None:
    out = run_cli("status", str(HOLTVIK), "measures", "--as-of", "2026-02-01", "-f", "markdown").out
    table = out[out.index("## 2028: "):]
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:5]
    assert [r.split(" | ")[0].lstrip("| ") for r in rows] == [
        "**Redusere netto driftsutgifter med om lag 40 mill. kr i økonomiplanperioden**",
        "– Kutt innarbeidet i budsjettet for 2025",
        "– Tiltak fra omstillingsprosjektet",
        "– Ikke fordelt",
    ]
    targets = [r.split(" | ")[1].strip("*") for r in rows]
    assert targets == ["ca. 40 mill. kr", "12 mill. kr", "ca. 25 mill. kr", "3 mill. kr"]  # 40 = 12 + 25 + 3
    data = json.loads(run_cli("status", str(HOLTVIK), "measures", "--as-of", "2026-02-01", "-f", "json").out)["data"]
    top = data["savings"][0]
    assert top["children"] == ["budsjett-2025", "omstillingsprosjektet"]
    assert top["unallocated"] == 3e6 and data["savings"][1]["parent"] == top["id"]
    assert [y["identified"] for y in top["years"]] == [16e6, 17.5e6, 22e6, 22e6]
    assert [y["realised"] for y in top["years"]] == [8.6e6, None, None, None]
    nynorsk = run_cli("status", str(TREE), "measures", "--as-of", "2026-02-01", "-f", "markdown").out
    assert "| – – Ikkje fordelt | ca. 15 mill. kr |" in nynorsk


def test_one_column_one_unit() -> None:
    assert formatting.money_scale([-800_000, 2_900_000, None]) == 10**6
    assert formatting.money_scale([450_000, 12_000]) == 1
    assert formatting.money_scale([]) == 1
    assert formatting.money_scale([999_999_999]) == 10**9  # shown as 1 mrd., so the column is in mrd.
    assert formatting.fmt_money(-800_000, scale=10**6) == "-0,8 mill. kr"
    assert formatting.fmt_money(2_900_000, scale=1) == "2 900 000 kr"
    assert formatting.fmt_money(0.4, scale=10**6) == "0 kr"  # under a krone is 0, and no '-0'
    assert formatting.fmt_money(-0.4, scale=10**6) == "0 kr"
    assert formatting.fmt_money(-800_000, scale=10**6, language="en") == "-NOK 0.8M"
    with pytest.raises(ValueError):
        formatting.fmt_money(1, scale=1000)
    out = run_cli("status", str(PLANS / "savings-2024"), "measures", "--as-of", "2025-10-01",
                  "-f", "markdown").out
    assert "800 000 kr" not in out and "0,8 mill. kr" in out


def test_plan_text_in_table_titles_is_text(tmp_path) -> None:
    """A savings target's title heads its tables in the status report: escaped, never HTML."""
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_text(
        "plan: {id: p, title: P, organisation: O, period: {start: 2026-01-01, end: 2027-12-31}}\n"
        "savings_targets:\n"
        "  - {id: t, title: '<img src=x onerror=alert(1)> | *b*', total: 2 mill. kr,\n"
        "     period: {start: 2026-01-01, end: 2027-12-31}}\n",
        encoding="utf-8",
    )
    out = run_cli("render", str(folder), "status-report", "--as-of=2026-06-01").out
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == [
        "### \\<img src=x onerror=alert(1)\\> \\| \\*b\\*: 2 mill. kr (2026-2027)"
    ]


_KINDS = st.sampled_from([None, "lasting", "one-off"])
_EFFECTS = st.dictionaries(st.integers(2025, 2028), st.integers(-3, 9).map(lambda n: n * 500_000), max_size=3)


@settings(max_examples=60, deadline=None)
@given(
    parents=st.lists(st.integers(0, 10), min_size=1, max_size=6),
    measures=st.lists(st.tuples(st.integers(0, 5), _KINDS, _EFFECTS, st.booleans()), max_size=8),
)
def test_a_parent_is_its_sub_targets_plus_its_remainder(parents, measures) -> None:
    """Whatever the tree: each year, a target's identified and decided sums are its
    sub-targets' plus its remainder's, and a measure counts toward every target above it."""
    from planverk.model import Plan

    targets = [
        {"id": f"t{n}", "title": f"T{n}", "total": "1 mill. kr",
         "period": {"start": "2025-01-01", "end": "2028-12-31"},
         **({"parent": f"t{p % n}"} if n and p % 3 else {})}  # parents come earlier: no circles
        for n, p in enumerate(parents)
    ]
    plan = Plan.model_validate({
        "plan": {"id": "p", "title": "P", "organisation": "O",
                 "period": {"start": "2025-01-01", "end": "2028-12-31"}},
        "savings_targets": targets,
        "measures": [
            {"id": f"m{k}", "title": "M", "savings_target": f"t{t % len(targets)}",
             "effect": effect, **({"effect_kind": kind} if kind else {}),
             **({"status": "decided", "decided_on": "2024-12-01"} if decided else {})}
            for k, (t, kind, effect, decided) in enumerate(measures)
        ],
    })
    found = {s.id: s for s in savings_status(plan, date(2026, 6, 1))}
    for target in found.values():
        for n, year in enumerate(target.years):
            if target.children:
                parts = [found[c].years[n] for c in target.children] + [target.remainder[n]]
                assert year.identified == pytest.approx(sum(p.identified for p in parts))
                assert year.decided == pytest.approx(sum(p.decided for p in parts))
    above: dict[str, set[str]] = {}
    for m in plan.measures:
        current = m.savings_target
        while current is not None:
            above.setdefault(current, set()).add(m.id)
            current = found[current].parent
    for target in found.values():
        for year in target.years:
            counted = [m.effect_in(year.year) for m in plan.measures if m.id in above.get(target.id, ())]
            assert year.identified == pytest.approx(sum(a.value for a in counted if a is not None))
