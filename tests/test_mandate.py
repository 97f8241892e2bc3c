"""A group's mandate (issue #15, section 5): a sentence, or what it delivers, by when, to
whom, its scope, limits and share of the savings target; the group's workbook shows it with
the group's measures and KPIs."""

from __future__ import annotations

from pathlib import Path

from conftest import PLANS, run_cli

PLAN = """\
plan:
  id: mandat
  title: Omstilling 2025
  organisation: Eksempel kommune
  period: {start: 2025-01-01, end: 2025-12-31}
people:
  - {id: kari, name: Kari Li}
  - {id: ola, name: Ola By}
groups:
  - id: styret
    name: Styringsgruppen
    members: [kari]
  - id: arbeidsgruppe
    name: Arbeidsgruppa
    members: [{person: ola, role: leader}]
    mandate:
      delivers: Forslag til ny turnus
      by: 2025-05-02
      to: [styret]
      scope: Hjemmetjenesten
      limits: [Ikke oppsigelser, "<script>x</script>"]
  - id: andre
    name: Andre
    mandate: Bare en setning.
measures:
  - {id: turnus, title: Ny turnus, owner: arbeidsgruppe}
  - {id: innkjop, title: Felles innkjøp, owner: andre}
"""


def _plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return folder


def test_a_group_workbook_shows_its_mandate_and_the_measures_it_owns(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert run_cli("validate", "--strict", str(plan)).code == 0
    out = run_cli("render", str(plan), "workbook", "--group", "arbeidsgruppe", "--as-of=2025-01-01").out
    mandate = out[out.index("## Mandat"):out.index("## Tiltak og indikatorer")]
    assert "- Forslag til ny turnus" in mandate
    assert "**Innen:** 2. mai 2025. **Til:** Styringsgruppen. **Omfang:** Hjemmetjenesten." in mandate
    assert "\\<script\\>x\\</script\\>" in mandate and "<script>" not in mandate
    measures = out[out.index("## Tiltak og indikatorer"):]
    assert "| Ny turnus |" in measures and "Felles innkjøp" not in measures


def test_a_one_sentence_mandate_reads_as_before(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    out = run_cli("render", str(plan), "workbook", "--group", "andre", "--as-of=2025-01-01").out
    assert "## Mandat\n\nBare en setning.\n\n## Tiltak og indikatorer" in out
    assert "**Leverer:**" not in out
    whole = run_cli("render", str(plan), "workbook", "--as-of=2025-01-01").out
    assert "## Mandat" not in whole  # the plan's workbook has no group to give a mandate
    assert whole.startswith("# Omstilling 2025\n")  # no phases, no deadlines: no timeline, no error


def test_mandate_references_resolve(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    text = PLAN.replace("to: [styret]", "to: [styre]").replace("scope: Hjemmetjenesten",
                                                               "savings_target: innsparing")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    out = run_cli("validate", "--lang", "en", str(folder)).out
    assert "plan.yaml:19:12: error PV201 no person, role or group has the id 'styre'" in out
    assert "plan.yaml:20:23: error PV201 no savings target has the id 'innsparing'" in out


def test_the_example_project_group_sees_its_share_of_the_savings() -> None:
    out = run_cli("render", str(PLANS / "cost-reduction-2025"), "workbook", "--group", "prosjektgruppen",
                  "--as-of=2026-02-01").out
    assert ("**Andel av innsparingsmålet:** Tiltak fra omstillingsprosjektet, ca. 25 mill. kr "
            "(2025-2028).") in out
    assert "| Ny turnus i hjemmetjenesten | Jonas Bakke | Under arbeid | 4 mill. kr |" in out
    assert "Timer med ekstravakter og overtid i hjemmetjenesten per måned" in out
