"""``planverk status --format xlsx``: a workbook for Excel with one sheet per section.

What a finance adviser opens: real numbers, dates and yes/no values (never text that looks
like them), kroner as ``#,##0 "kr"`` (``"NOK "#,##0`` in English), percentages as Excel percentages (a KPI's ``9.4 %``
is stored as 0.094 with format ``0.0 %``), dates as ``dd.mm.yyyy`` (``dd/mm/yyyy`` in
English), headers, sheet names and state words in the plan's language. An amount written
as an estimate ('ca. 3 mill. kr') is a number all the same, shown ``"ca. "#,##0 "kr"``
(the CSV's ``approximate`` column says which). Columns are the
same as the CSV's (:mod:`planverk.status.flat`), plus a sheet of savings per year.

Written with XlsxWriter (Office Open XML, ISO/IEC 29500): every text is written as a
string, never as a formula or link, so plan text such as ``=HYPERLINK(...)`` is shown as
typed. The bytes are the same for the same plan and as-of date: the workbook's created
and modified times are the as-of date at 00:00 UTC and every zip entry is dated 1980-01-01.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timezone
from typing import Any

from ..formatting import APPROXIMATELY
from ..i18n import language_index
from ..status.labels import LABELS as STATUS_LABELS
from ..status.labels import label

SHEETS = ("deadlines", "cycle", "kpis", "savings", "measures", "benefits", "risks", "scorecard", "reporting",
          "thread")
"""The sheets, in order; a sheet without rows is left out."""


HEADERS: dict[str, tuple[str, str, str]] = {
    "id": ("Id", "Id", "Id"),
    "period": ("Periode", "Periode", "Period"),
    "kind": ("Type", "Type", "Kind"),
    "date": ("Dato", "Dato", "Date"),
    "time": ("Tid", "Tid", "Time"),
    "task": ("Oppgave", "Oppgåve", "Task"),
    "responsible": ("Ansvarlig", "Ansvarleg", "Responsible"),
    "state": ("Status", "Status", "State"),
    "days": ("Dager til frist", "Dagar til frist", "Days to due date"),
    "done_on": ("Utført", "Utført", "Done on"),
    "name": ("Navn", "Namn", "Name"),
    "unit": ("Enhet", "Eining", "Unit"),
    "direction": ("Retning", "Retning", "Direction"),
    "baseline": ("Utgangspunkt", "Utgangspunkt", "Baseline"),
    "baseline_date": ("Utgangspunkt, dato", "Utgangspunkt, dato", "Baseline date"),
    "baseline_source": ("Utgangspunkt, kilde", "Utgangspunkt, kjelde", "Baseline source"),
    "latest": ("Siste måling", "Siste måling", "Latest"),
    "latest_date": ("Siste måling, dato", "Siste måling, dato", "Latest date"),
    "latest_source": ("Siste måling, kilde", "Siste måling, kjelde", "Latest source"),
    "comparator": ("Sammenligning", "Samanlikning", "Comparator"),
    "target": ("Mål", "Mål", "Target"),
    "due": ("Frist", "Frist", "Due"),
    "change": ("Endring", "Endring", "Change"),
    "trend": ("Utvikling", "Utvikling", "Trend"),
    "expected": ("Forventet nå", "Forventa no", "Expected now"),
    "reason": ("Begrunnelse", "Grunngiving", "Reason"),
    "method": ("Metode", "Metode", "Method"),
    "data_source": ("Datakilde", "Datakjelde", "Data source"),
    "title": ("Tittel", "Tittel", "Title"),
    "owner": ("Ansvarlig", "Ansvarleg", "Owner"),
    "area": ("Område", "Område", "Area"),
    "status": ("Status", "Status", "Status"),
    "savings_target": ("Innsparingsmål", "Innsparingsmål", "Savings target"),
    "parent": ("Del av", "Del av", "Part of"),
    "effect_rating": ("Effekt (1-5)", "Effekt (1-5)", "Effect (1-5)"),
    "feasibility": ("Gjennomførbarhet (1-5)", "Gjennomførbarheit (1-5)", "Feasibility (1-5)"),
    "quadrant": ("Kvadrant", "Kvadrant", "Quadrant"),
    "estimated": ("Anslått {year}", "Anslått {year}", "Estimated {year}"),
    "realised_year": ("Realisert {year}", "Realisert {year}", "Realised {year}"),
    "type": ("Type", "Type", "Type"),
    "kpis": ("KPI-er", "KPI-ar", "KPIs"),
    "measures": ("Tiltak", "Tiltak", "Measures"),
    "steps": ("Steg", "Steg", "Steps"),
    "steps_done": ("Steg fullført", "Steg fullført", "Steps done"),
    "steps_overdue": ("Steg forfalt", "Steg forfalle", "Steps overdue"),
    "next_step_date": ("Neste steg, dato", "Neste steg, dato", "Next step date"),
    "next_step": ("Neste steg", "Neste steg", "Next step"),
    "probability": ("Sannsynlighet", "Sannsyn", "Probability"),
    "consequence": ("Konsekvens", "Konsekvens", "Consequence"),
    "score": ("Score", "Score", "Score"),
    "level": ("Nivå", "Nivå", "Level"),
    "assessed": ("Vurdert", "Vurdert", "Assessed"),
    "review": ("Ny vurdering", "Ny vurdering", "Review"),
    "review_overdue": ("Ny vurdering forfalt", "Ny vurdering forfallen", "Review overdue"),
    "scorecard": ("Målekort", "Målekort", "Scorecard"),
    "area_name": ("Områdenavn", "Områdenamn", "Area name"),
    "question": ("Spørsmål-id", "Spørsmål-id", "Question id"),
    "text": ("Spørsmål", "Spørsmål", "Question"),
    "as_a_whole": ("Området vurdert som helhet", "Området vurdert som heilskap", "Area scored as a whole"),
    "organisation": ("Organisasjon", "Organisasjon", "Organisation"),
    "year": ("År", "År", "Year"),
    "max": ("Maks", "Maks", "Max"),
    "gap": ("Gap", "Gap", "Gap"),
    "approximate": ("Anslått", "Anslått", "Approximate"),
    "questions": ("Spørsmål", "Spørsmål", "Questions"),
    "missing": ("Mangler", "Manglar", "Missing"),
    "compared_with": ("Endring fra", "Endring frå", "Change from"),
    "identified": ("Identifisert", "Identifisert", "Identified"),
    "decided": ("Vedtatt", "Vedteke", "Decided"),
    "realised": ("Realisert", "Realisert", "Realised"),
    "every": ("Rytme", "Rytme", "Rhythm"),
    "period": ("Periode", "Periode", "Period"),
    "start": ("Fra", "Frå", "From"),
    "end": ("Til", "Til", "To"),
    "reported_on": ("Rapportert", "Rapportert", "Reported on"),
    "goal": ("Mål", "Mål", "Goal"),
    "depth": ("Nivå", "Nivå", "Level"),
    "benefits": ("Gevinster", "Gevinstar", "Benefits"),
    "reports": ("Rapporter", "Rapportar", "Reports"),
    "break": ("Brudd", "Brot", "Break"),
    "code": ("Kode", "Kode", "Code"),
    "item": ("Element", "Element", "Item"),
}
"""Column headers by CSV column name, in bokmål, nynorsk and English."""

SHEET_NAMES: dict[str, tuple[str, str, str]] = {
    "deadlines": ("Frister", "Fristar", "Deadlines"),
    "cycle": ("Årshjul", "Årshjul", "Annual cycle"),
    "kpis": ("KPI-er", "KPI-ar", "KPIs"),
    "savings": ("Innsparing per år", "Innsparing per år", "Savings per year"),
    "measures": ("Tiltak", "Tiltak", "Measures"),
    "benefits": ("Gevinster", "Gevinstar", "Benefits"),
    "risks": ("Risikoer", "Risikoar", "Risks"),
    "scorecard": ("Målekort", "Målekort", "Scorecards"),
    "scorecard_questions": ("Målekort per spørsmål", "Målekort per spørsmål", "Scorecards by question"),
    "reporting": ("Rapportering", "Rapportering", "Reporting"),
    "thread": ("Den røde tråden", "Den raude tråden", "The red thread"),
}

# Columns whose codes have a word in the status labels, and the label key's prefix.
_WORDS = {
    ("deadlines", "state"): "",
    ("cycle", "state"): "",
    ("kpis", "state"): "",
    ("kpis", "trend"): "",
    ("kpis", "reason"): "reason_",
    ("measures", "status"): "measure_",
    ("measures", "quadrant"): "",
    ("benefits", "state"): "",
    ("benefits", "type"): "benefit_",
    ("risks", "level"): "",
    ("risks", "trend"): "risk_",
    ("risks", "status"): "risk_status_",
    ("reporting", "kind"): "kind_",
    ("reporting", "state"): "period_state_",
    ("reporting", "every"): "rhythm_",
    ("thread", "break"): "break_",
}
# Columns of codes the plan writes from a list of words (model.words): the reader's word.
_VOCABULARIES = {
    ("deadlines", "kind"): "DEADLINE_KIND",
    ("kpis", "unit"): "KPI_UNIT",
    ("kpis", "direction"): "DIRECTION",
    ("kpis", "data_source"): "DATA_SOURCE",
}
_MONEY_COLUMNS = {"target", "identified", "decided", "realised", "gap"}


def _header(key: str, language: str) -> str:
    n = language_index(language)
    if key.startswith("estimated_"):
        return HEADERS["estimated"][n].format(year=key.removeprefix("estimated_"))
    if key.startswith("realised_"):
        return HEADERS["realised_year"][n].format(year=key.removeprefix("realised_"))
    return HEADERS[key][n] if key in HEADERS else key


def _word(section: str, column: str, value: Any, language: str, row: dict[str, Any]) -> Any:
    """A code of the CSV as the reader's word (``behind-line``: *bak linja*); plan text as it is."""
    if not isinstance(value, str):
        return value
    vocabulary = _VOCABULARIES.get((section, column))
    if vocabulary is not None:
        from ..model import words

        return getattr(words, vocabulary).shown(value, language)
    if (section, column) == ("scorecard", "area") and value == "total" and not row.get("area_name"):
        return label("total", language)
    prefix = _WORDS.get((section, column))
    if prefix is None:
        return value
    key = prefix + value
    return label(key, language) if key in STATUS_LABELS else value


def _savings_rows(report: Any) -> tuple[list[str], list[list[Any]]]:
    header = [
        "savings_target",
        "title",
        "parent",
        "year",
        "target",
        "identified",
        "decided",
        "realised",
        "gap",
    ]
    header.append("approximate")
    rows = [
        [s.id, s.title, s.parent, y.year, y.target, y.identified, y.decided, y.realised, y.gap, y.approximate]
        for s in report.savings
        for y in s.years
    ]
    return header, rows


APPROXIMATE = "approximate"
"""The column of the measures, savings and KPI rows that names the values of a row written as
estimates: not a column of their sheets, but the 'ca.' in those cells' number format (the
scorecard sheet's own ``approximate`` column, a yes/no, stays a column)."""
_NAMING_ESTIMATES = ("measures", "savings", "kpis")


def _estimates(named: dict[str, Any]) -> set[str]:
    written = named.get(APPROXIMATE) or []
    return set(written.split("; ") if isinstance(written, str) else written)


def _kind(section: str, column: str, row: dict[str, Any]) -> str:
    """How a number in this cell is shown: 'money', 'percent', 'decimal', 'integer'."""
    if section == "kpis" and column in ("baseline", "latest", "target", "change", "expected"):
        unit = row.get("unit")
        if unit == "percent":
            return "percent_points" if column == "change" else "percent"
        return {"nok": "money", "count": "integer"}.get(unit, "decimal")
    if section == "savings" and column in _MONEY_COLUMNS:
        return "money"
    if section == "measures" and column.startswith(("estimated_", "realised_")):
        return "money"
    if column in ("feasibility",):
        return "decimal"
    if section in ("scorecard", "scorecard_questions") and column in ("score", "max", "gap"):
        return "decimal"
    return "integer"


def sheets(
    plan: Any,
    as_of: date,
    horizon: int = 14,
    sections: tuple[str, ...] = SHEETS,
    keep_empty: bool = False,
    questions: bool = False,
) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(section, column names, rows of plain Python values) for each sheet with rows, or
    for every sheet with ``keep_empty``; the annual cycle only for a plan with events
    dated by a period, or when asked for alone; with ``questions``, the scorecard sheet is
    followed by one of its questions (``scorecard_questions``, as ``status scorecard
    --questions --format csv``)."""
    from ..status import compute, flat_rows

    result = []
    cycle = sections != SHEETS or any(event.period is not None for event in plan.events)
    for section in SHEETS:
        if section == "cycle" and not cycle:
            continue
        if section == "savings":
            header, rows = _savings_rows(compute(plan, "measures", as_of, horizon))
        else:
            header, rows = flat_rows(section, compute(plan, section, as_of, horizon))
        if rows or keep_empty:
            result.append((section, header, rows))
        if section == "scorecard" and questions:
            header, rows = flat_rows(section, compute(plan, section, as_of, horizon), questions=True)
            if rows:
                result.append(("scorecard_questions", header, rows))
    return result


def to_xlsx(
    plan: Any, as_of: date, sections: tuple[str, ...] = SHEETS, horizon: int = 14, questions: bool = False
) -> bytes:
    """The workbook of ``sections`` (default: all) as XLSX bytes (see the module docstring)."""
    import xlsxwriter

    language = plan.plan.language
    n = language_index(language)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=timezone.utc)
    book.set_properties(
        {
            "title": plan.plan.title,
            "company": plan.plan.organisation,
            "created": stamp,
            "author": "",
            "comments": "",
        }
    )
    numbers = {
        # kroner as the other formats write them: '4 500 000 kr', English 'NOK 4,500,000'
        "money": '"NOK "#,##0' if language == "en" else '#,##0 "kr"',
        "percent": "0.0 %",
        "percent_points": "+0.0 %;-0.0 %;0.0 %",
        "decimal": "0.0##",
        "integer": "0",
    }
    about = APPROXIMATELY["en" if language == "en" else "nb"]
    formats = {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1}),
        "date": book.add_format({"num_format": "dd/mm/yyyy" if language == "en" else "dd.mm.yyyy"}),
        "text": book.add_format({"text_wrap": False}),
        **{kind: book.add_format({"num_format": shown}) for kind, shown in numbers.items()},
        # a number written 'ca. 3 mill. kr' or 'ca. 8,7 %' stays a number, shown with its 'ca.'
        **{f"{kind}_approximate": book.add_format(
            {"num_format": ";".join(f'"{about} "{part}'.replace('""', "") for part in shown.split(";"))}
        )
           for kind, shown in numbers.items()},
    }
    companions = {"savings": "measures", "scorecard_questions": "scorecard"}
    wanted = [
        sheet
        for sheet in sheets(plan, as_of, horizon, sections, keep_empty=True, questions=questions)
        if sheet[0] in sections or companions.get(sheet[0]) in sections
    ]
    # A sheet without rows is left out, unless every sheet is empty: then their headers
    # (never Excel's own "Sheet1").
    for section, header, rows in [s for s in wanted if s[2]] or wanted:
        sheet = book.add_worksheet(SHEET_NAMES[section][n])
        named_estimates = section in _NAMING_ESTIMATES
        columns = [key for key in header if not (named_estimates and key == APPROXIMATE)]
        widths = [len(_header(key, language)) for key in columns]
        for col, key in enumerate(columns):
            sheet.write_string(0, col, _header(key, language), formats["header"])
        for r, values in enumerate(rows, start=1):
            named = dict(zip(header, values))
            estimates = _estimates(named) if named_estimates else set()
            for col, key in enumerate(columns):
                value = _word(section, key, named[key], language, named)
                kind = _kind(section, key, named)
                if key in estimates and f"{kind}_approximate" in formats:
                    kind = f"{kind}_approximate"
                shown = _write(sheet, r, col, value, formats, kind)
                widths[col] = max(widths[col], shown + (4 if kind.endswith("_approximate") else 0))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width, 6), 60) + 2)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(columns) - 1)
    book.close()
    return out.getvalue()


def _write(sheet: Any, row: int, col: int, value: Any, formats: dict[str, Any], kind: str) -> int:
    """Write one cell by its Python type; returns about how wide it shows."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
        return 5
    if isinstance(value, (int, float)):
        if kind.startswith("percent"):
            sheet.write_number(row, col, round(value / 100, 10), formats[kind])
        else:
            sheet.write_number(row, col, value, formats[kind])
        return len(f"{value:,.1f}") + (3 if kind.startswith("money") else 0)
    if isinstance(value, datetime):
        sheet.write_datetime(row, col, value, formats["date"])
        return 10
    if isinstance(value, date):
        sheet.write_datetime(
            row, col, datetime(value.year, value.month, value.day), formats["date"]
        )
        return 10
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    sheet.write_string(row, col, text)
    return len(text)
