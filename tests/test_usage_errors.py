"""Usage errors (a missing argument, a value of the wrong kind, words too many, a command that
is none) in the plan's language, known by click's error classes and the parameters they
carry, never by click's or typer's English wording of them: a rewording upstream (CI
installs the newest typer) must not change what planverk says."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from test_written_as_users_write import windows_plan

FAULTS = {  # the plan is in nynorsk (plan.language: nn), CR LF with a byte-order mark
    ("record", "realised", "{plan}"):
        "oppgje MEASURE: skriv planverk record realised PLAN MEASURE AMOUNT (sjå 'planverk record realised -h')",
    ("fmt", "--check"):  # no plan named: bokmål; an argument that takes several
        "oppgi PLANS: skriv planverk fmt PLANS... (se 'planverk fmt -h')",
    ("status", "--lang", "en"):
        "give PLAN: write planverk status PLAN [SECTION] (see 'planverk status -h')",
    ("record", "realised", "{plan}", "kutt", "5", "--year", "2026.5"):
        "--year tek eit heilt tal, skrive med siffer (sjå 'planverk record realised -h')",
    ("status", "{plan}", "frister"):
        "SECTION kan ikkje vere 'frister': skriv deadlines, cycle, kpis, measures, benefits, risks, "
        "scorecard, reporting eller thread (sjå 'planverk status -h')",
    ("status", "{plan}", "--days", "ti"):
        "--days tek eit heilt tal, skrive med siffer (sjå 'planverk status -h')",
    ("status", "{plan}", "-fpdf"):
        "--format kan ikkje vere 'pdf': skriv auto, rich, markdown, csv, json eller xlsx (sjå 'planverk status -h')",
    ("status", "{plan}", "--format=pdf", "--lang", "en"):
        "--format cannot be 'pdf': write auto, rich, markdown, csv, json or xlsx (see 'planverk status -h')",
    ("status", "{plan}", "deadlines", "neste", "veke"):
        "'neste veke' er meir enn kommandoen tek imot: verdien til eit val står rett etter namnet "
        "(--date 2026-03-01), og ein tekst med mellomrom står i hermeteikn (sjå 'planverk status -h')",
    ("record", "xyzzy", "{plan}"):
        "'xyzzy' er ingen kommando: oppgje ein av assessment, decision, measurement, realised eller score "
        "(sjå 'planverk record -h')",
    ("record", "scroe", "{plan}"):
        "'scroe' er ingen kommando: meinte du 'score'? (sjå 'planverk record -h')",
    ("record", "--"):  # no plan named: bokmål
        "oppgi en kommando: assessment, decision, measurement, realised eller score (se 'planverk record -h')",
    ("validate", "{plan}", "--strict=ja", "--lang", "nb"):
        "--strict tar ingen verdi: skriv --strict alene (se 'planverk validate -h')",
    ("validate", "{plan}", "--format"):
        "--format treng ein verdi etter seg: skriv --format {metavar} (sjå 'planverk validate -h')",
    ("status", "{plan}", "--frmat", "json"):
        "det finst ikkje noko val --frmat: meinte du --format? (sjå 'planverk status -h')",
    ("record", "decision", "{plan}", "kutt"):
        "oppgje --status: skriv --status {metavar} (sjå 'planverk record decision -h')",
}


def _said(tmp_path: Path, args: tuple[str, ...]) -> tuple[int, str, str]:
    plan = str(windows_plan(tmp_path / "plan"))
    refused = run_cli(*(word.replace("{plan}", plan) for word in args))
    return refused.code, refused.out, refused.err


def _expected(err: str, args: tuple[str, ...]) -> None:
    said = FAULTS[args]
    head, _, tail = said.partition("{metavar}")
    assert err.startswith(f"planverk: {head}") and err.endswith(f"{tail}\n"), err
    assert err.count("\n") == 1, err


@pytest.mark.parametrize("args", list(FAULTS), ids=" ".join)
def test_a_usage_error_says_what_to_do_in_the_plans_language(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, out, err = _said(tmp_path, args)

    assert code == 2
    assert out == ""
    _expected(err, args)


@pytest.fixture
def reworded(monkeypatch: pytest.MonkeyPatch) -> None:
    """click and typer with every usage error worded differently (as a new version may)."""
    from planverk.cli.usage import errors
    from planverk.i18n import Message

    original = errors.UsageError.__init__

    def worded_otherwise(self: object, message: object, *args: object, **kwargs: object) -> None:
        original(self, message if isinstance(message, Message) else "Etwas stimmt nicht.", *args, **kwargs)

    monkeypatch.setattr(errors.UsageError, "__init__", worded_otherwise)


@pytest.mark.parametrize("args", list(FAULTS), ids=" ".join)
@pytest.mark.usefixtures("reworded")
def test_a_usage_error_is_known_by_its_kind_not_by_the_librarys_words(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, out, err = _said(tmp_path, args)

    assert code == 2
    assert "Etwas" not in err
    _expected(err, args)


@pytest.mark.parametrize(("typed", "said"), [
    (("status", "{plan}", "\x1b[31mrødt\u202e"), "planverk: SECTION kan ikkje vere '\\x1b[31mrødt"),
    (("status", "{plan}", "--\x1b]0;x\x07"), "planverk: det finst ikkje noko val --\\x1b]0;x\\x07"),
    (("record", "\x1b[2J", "{plan}"), "planverk: '\\x1b[2J' er ingen kommando"),
])
def test_text_a_user_typed_reaches_the_terminal_escaped(tmp_path: Path, typed: tuple[str, ...], said: str) -> None:
    """An argument with terminal control (ANSI escapes, a bidi override) is shown, not obeyed."""
    code, _, err = _said(tmp_path, typed)

    assert code == 2
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert err.startswith(said), err
