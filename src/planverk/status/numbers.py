"""Numbers, amounts and dates written the way the plan's language writes them.

Norwegian (nb, nn): ``4,5``, ``8 700``, ``65,3 %``, ``35 mill. kr``, ``01.02.2012``.
English: ``4.5``, ``8,700``, ``65.3%``, ``NOK 35M``, ``2012-02-01``. Babel holds the CLDR
rules (separators, the non-breaking space, "mill."/"mrd.") so we don't.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en"}
DASH = "–"
"""Shown where there is no value."""


@dataclass(frozen=True)
class Numbers:
    """Formats values for one language."""

    language: str

    @property
    def locale(self) -> str:
        """The babel locale of the language."""
        return LOCALES.get(self.language, "nb_NO")

    @property
    def norwegian(self) -> bool:
        """Whether the language is Norwegian (nb or nn)."""
        return self.language in ("nb", "nn")

    def decimal(self, value: float | None, digits: int = 1, signed: bool = False) -> str:
        """``4,5`` with exactly ``digits`` decimals; ``+0,2`` when ``signed``."""
        from babel.numbers import format_decimal

        if value is None:
            return DASH
        body = "#,##0" + ("." + "0" * digits if digits else "")
        pattern = f"+{body};-{body}" if signed else body
        return format_decimal(value, format=pattern, locale=self.locale)

    def number(self, value: float | None) -> str:
        """A count or a plain number: no decimals unless it has them (up to two)."""
        from babel.numbers import format_decimal

        if value is None:
            return DASH
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def percent(self, value: float | None, signed: bool = False) -> str:
        """``65,3 %`` for 65.3 (the value is in percent, not a fraction); up to two decimals."""
        if value is None:
            return DASH
        text = self.number(value) + ("\u00a0%" if self.norwegian else "%")
        return ("+" + text) if signed and value > 0 else text

    def money(self, value: float | None, signed: bool = False) -> str:
        """``35 mill. kr``, ``2,5 mill. kr``, ``450 000 kr`` (English: ``NOK 2.5M``)."""
        from babel.numbers import format_compact_decimal, format_decimal

        if value is None:
            return DASH
        if abs(value) >= 1_000_000:
            body = format_compact_decimal(
                abs(value), format_type="short", locale=self.locale, fraction_digits=2
            )
        else:
            body = format_decimal(abs(value), format="#,##0", locale=self.locale)
        sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
        return f"{sign}{body}\u00a0kr" if self.norwegian else f"{sign}NOK\u00a0{body}"

    def value(self, value: float | None, unit: str, signed: bool = False) -> str:
        """A KPI value in its unit: score (one decimal), percent, count or kroner."""
        if unit == "percent":
            return self.percent(value, signed)
        if unit == "nok":
            return self.money(value, signed)
        if unit == "count":
            text = self.number(value)
            return ("+" + text) if signed and value is not None and value > 0 else text
        return self.decimal(value, 1, signed)

    def date(self, value: date | None) -> str:
        """``01.02.2012`` in Norwegian, ``2012-02-01`` in English."""
        if value is None:
            return DASH
        return value.strftime("%d.%m.%Y") if self.norwegian else value.isoformat()

    def long_date(self, value: date) -> str:
        """``1. februar 2012`` / ``1 February 2012``."""
        from babel.dates import format_date

        return format_date(value, "d. MMMM y" if self.norwegian else "d MMMM y", locale=self.locale)
