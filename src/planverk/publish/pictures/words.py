"""The words of pictures that documents and status reports do not have already, in
bokmål, nynorsk and English; the rest come from :mod:`planverk.status.labels` and
:mod:`planverk.render.labels`. Counts are written ``Faser: 3``, word before number, so
that nothing has to agree with a number."""

from __future__ import annotations

from ...i18n import language_index

WORDS: dict[str, tuple[str, str, str]] = {
    "gantt_alt": (
        "Tidslinje for {title}, {start} til {end}.",
        "Tidsline for {title}, {start} til {end}.",
        "Timeline of {title}, {start} to {end}.",
    ),
    "org_alt": (
        "Organisasjonskart for {title}. Grupper: {count}.",
        "Organisasjonskart for {title}. Grupper: {count}.",
        "Organisation chart of {title}. Groups: {count}.",
    ),
    "part_of": ("inngår i", "inngår i", "part of"),
    "more_members": ("+ {count} til", "+ {count} til", "+ {count} more"),
    "risk_alt": (
        "Risikomatrise: sannsynlighet 1-5 mot konsekvens 1-5.",
        "Risikomatrise: sannsyn 1-5 mot konsekvens 1-5.",
        "Risk matrix: probability 1-5 against consequence 1-5.",
    ),
    "matrix_alt": (
        "Tiltak plassert etter effekt og gjennomførbarhet, 1-5.",
        "Tiltak plasserte etter effekt og gjennomførbarheit, 1-5.",
        "Measures placed by effect and feasibility, 1-5.",
    ),
    "kpi_alt": (
        "{name}: målinger over tid mot utgangspunkt og mål.",
        "{name}: målingar over tid mot utgangspunkt og mål.",
        "{name}: readings over time against baseline and target.",
    ),
    "measurements": ("Målinger", "Målingar", "Readings"),
    "savings_alt": (
        "{title}: mål, identifisert, vedtatt og realisert per år.",
        "{title}: mål, identifisert, vedteke og realisert per år.",
        "{title}: target, identified, decided and realised per year.",
    ),
    "scorecard_alt": (
        "{title}: score per område for hver organisasjon og år, av maks.",
        "{title}: score per område for kvar organisasjon og år, av maks.",
        "{title}: score per area for each organisation and year, out of the maximum.",
    ),
    "thread_alt": (
        "Den røde tråden i {title}: mål ({goals}), tiltak og KPI-er ({middle}), gevinster og rapporter ({right}), "
        "med en linje for hver kobling.",
        "Den raude tråden i {title}: mål ({goals}), tiltak og KPI-ar ({middle}), gevinstar og rapportar ({right}), "
        "med ei linje for kvar kopling.",
        "The red thread of {title}: goals ({goals}), measures and KPIs ({middle}), benefits and reports ({right}), "
        "with a line for each link.",
    ),
    "share_of_max": ("Andel av maks", "Del av maks", "Share of the maximum"),
    "kroner": ("kroner", "kroner", "kroner"),
    "rollout_alt": (
        "Utrulling av {title}: enhetene nedover, periodene bortover.",
        "Utrulling av {title}: einingane nedover, periodane bortover.",
        "Rollout of {title}: the units down the side, the periods across.",
    ),
    "cycle_alt": (
        "Årshjul for {title} {year}: året som et hjul med månedene med klokka fra toppen, "
        "aktivitetene som buer over perioden sin, én ring per ansvarlig.",
        "Årshjul for {title} {year}: året som eit hjul med månadene med klokka frå toppen, "
        "aktivitetane som bogar over perioden sin, éin ring per ansvarleg.",
        "Annual cycle of {title} {year}: the year as a wheel, months clockwise from the top, "
        "activities as arcs over their period, one ring per owner.",
    ),
}

def word(key: str, language: str, **values: object) -> str:
    """The word ``key`` in ``language`` (bokmål for an unknown one), placeholders filled."""
    return WORDS[key][language_index(language)].format(**values)
