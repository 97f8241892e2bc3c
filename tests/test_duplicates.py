"""What counts as the same task twice (PV700): the rule in planverk.checks.duplicates."""

from __future__ import annotations

import pytest

from planverk.checks.duplicates import same_task


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Prosjektplan vedtatt", "prosjektplan vedtatt."),
        ("Budsjettseminar", "Budsjett-seminar"),
        ("Budsjett seminar", "Budsjettseminar"),
        ("Frist for innspill", "Frist innspill"),
        ("Pilot i hjemmetjenesten startet", "Pilot i hjemmetjenestn startet"),
        ("Innspel frå sektorane", "Innspel frå sektorane"),
    ],
)
def test_same_task(first: str, second: str) -> None:
    assert same_task(first, second)
    assert same_task(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Innspill fra sektor A", "Innspill fra sektor B"),
        ("Arbeidsbok del 1", "Arbeidsbok del 2"),
        ("Møte 3 forberedt", "Møte 4 forberedt"),
        ("Budsjett for oppvekst", "Budsjett for helse"),
        ("Rapport 2017", "Rapport 2018"),
        ("Tertialrapport 1", "Tertialrapport 2"),
        ("Evaluering", "Evaluering av piloten"),
        ("og", "i"),
    ],
)
def test_different_tasks(first: str, second: str) -> None:
    assert not same_task(first, second)
    assert not same_task(second, first)
