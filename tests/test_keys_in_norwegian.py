"""A key written in bokmål or nynorsk (slutt, stad, deltakarar) is told with the English key
it stands for, not the English key it looks most like ('slutt': did you mean 'start'?)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

PLAN = (
    "\ufeffplan:\r\n  id: n\r\n  title: N\r\n  organisation: O\r\n"
    "  period: {start: 2025-01-01, slutt: 2025-12-31}\r\n  language: nn\r\n"
    "events:\r\n- {id: e, title: E, date: 2025-03-05, stad: Her, deltakarar: [x], frist: 2025-03-01}\r\n"
    "- id: f\r\n  tittel: F\r\n  dato: 2025-03-06\r\n"
)


def test_a_key_in_the_plans_language_is_told_its_english_name(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(PLAN.encode("utf-8"))
    result = run_cli("validate", str(tmp_path))
    assert result.code == 1
    said = [line.split(" PV100 ", 1)[1] for line in result.out.splitlines() if " PV100 " in line]
    assert said[:6] == [
        "ukjend nøkkel 'slutt': meinte du 'end'?",
        "ukjend nøkkel 'stad': meinte du 'location'?",
        "ukjend nøkkel 'deltakarar': meinte du 'participants'?",
        # 'frist' is the Norwegian of several keys, none of them an event's: no guess
        said[3],
        "ukjend nøkkel 'tittel': meinte du 'title'?",
        "ukjend nøkkel 'dato': meinte du 'date'?",
    ]
    assert said[3].startswith("ukjend nøkkel 'frist' (kjende nøklar: ")
