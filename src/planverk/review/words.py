"""The sentences of ``planverk diff`` in bokmål, nynorsk and English, by key.

One table, (nb, nn, en) per key as :data:`planverk.status.labels.LABELS` has them, so that
every key has its three languages side by side; ``{name}``-style fields are filled by
:mod:`planverk.review.diffreport`. Dates, times and amounts are not here: see
:mod:`planverk.formatting`.
"""

from __future__ import annotations

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

SENTENCES: dict[str, tuple[str, str, str]] = {
    "heading": ("### Endringer i {title}", "### Endringar i {title}", "### Changes to {title}"),
    "compared": (
        "Sammenlignet: {old} → {new}",
        "Samanlikna: {old} → {new}",
        "Compared: {old} → {new}",
    ),
    "no_changes": (
        "**{title}**: ingen endringer ({old} → {new}).",
        "**{title}**: ingen endringar ({old} → {new}).",
        "**{title}**: no changes ({old} → {new}).",
    ),
    "new_plan": (
        "Planen er ny: den finnes ikke i {old}.",
        "Planen er ny: han finst ikkje i {old}.",
        "The plan is new: it is not in {old}.",
    ),
    "working_tree": ("arbeidskopien", "arbeidskopien", "working tree"),
    "section.events": ("Møter og samlinger", "Møte og samlingar", "Events"),
    "section.members": ("Medlemmer", "Medlemer", "Membership"),
    "section.deadlines": (
        "Frister og milepæler",
        "Fristar og milepælar",
        "Deadlines and milestones",
    ),
    "section.money": ("Økonomi", "Økonomi", "Money"),
    "section.measurements": ("Målinger", "Målingar", "KPI measurements"),
    "section.kpi_targets": ("Mål for indikatorer", "Mål for indikatorar", "KPI targets"),
    "section.scores": ("Poeng", "Poeng", "Scores"),
    "section.risks": ("Risikoer", "Risikoar", "Risks"),
    "section.phases": ("Faser", "Fasar", "Phases"),
    "section.other": ("Andre endringer", "Andre endringar", "Other changes"),
    "section.errors": (
        "Feil i den nye versjonen",
        "Feil i den nye versjonen",
        "Errors in the new version",
    ),
    "errors_intro": (
        "Den nye versjonen har feil som må rettes før den kan brukes:",
        "Den nye versjonen har feil som må rettast før han kan brukast:",
        "The new version has errors to fix before it can be used:",
    ),
    "unreadable": (
        "Den nye versjonen kan ikke leses som en plan, så endringene kan ikke vises.",
        "Den nye versjonen kan ikkje lesast som ein plan, så endringane kan ikkje visast.",
        "The new version does not read as a plan, so its changes cannot be shown.",
    ),
    "event.moved": (
        "{name} er flyttet: {old} → {new}",
        "{name} er flytta: {old} → {new}",
        "{name} moved: {old} → {new}",
    ),
    "event.added": (
        "{name} er lagt til: {when}",
        "{name} er lagd til: {when}",
        "{name} added: {when}",
    ),
    "event.removed": (
        "{name} er fjernet: {when}",
        "{name} er fjerna: {when}",
        "{name} removed: {when}",
    ),
    "event.cancelled": (
        "{name} er avlyst: {when}",
        "{name} er avlyst: {when}",
        "{name} cancelled: {when}",
    ),
    "event.reinstated": (
        "{name} blir likevel holdt: {when}",
        "{name} blir likevel halde: {when}",
        "{name} reinstated: {when}",
    ),
    "event.occurrence-added": (
        "{name}: nytt møte {when}",
        "{name}: nytt møte {when}",
        "{name}: new occurrence {when}",
    ),
    "event.occurrence-removed": (
        "{name}: møtet {when} er fjernet",
        "{name}: møtet {when} er fjerna",
        "{name}: occurrence {when} removed",
    ),
    "event.first_of": ("første av {count}", "første av {count}", "first of {count}"),
    "event.all": ("alle møtene", "alle møta", "all occurrences"),
    "event.occurrence": ("møtet {day}", "møtet {day}", "occurrence of {day}"),
    "event.more": (
        "… og {count} møter til i {name} ({change})",
        "… og {count} møte til i {name} ({change})",
        "… and {count} more occurrences of {name} ({change})",
    ),
    "change.moved": ("flyttet", "flytta", "moved"),
    "change.cancelled": ("avlyst", "avlyst", "cancelled"),
    "change.reinstated": ("blir likevel holdt", "blir likevel haldne", "reinstated"),
    "change.occurrence-added": ("nye", "nye", "added"),
    "change.occurrence-removed": ("fjernet", "fjerna", "removed"),
    "member.joined": ("{who} er med i {group}", "{who} er med i {group}", "{who} joined {group}"),
    "member.joined_as": (
        "{who} er med i {group} som {role}",
        "{who} er med i {group} som {role}",
        "{who} joined {group} as {role}",
    ),
    "member.left": (
        "{who} er ikke lenger med i {group}",
        "{who} er ikkje lenger med i {group}",
        "{who} left {group}",
    ),
    "member.role": (
        "{who} i {group}: {old} → {new}",
        "{who} i {group}: {old} → {new}",
        "{who} in {group}: {old} → {new}",
    ),
    "deadline.moved": (
        "{name} er flyttet: {old} → {new}",
        "{name} er flytta: {old} → {new}",
        "{name} moved: {old} → {new}",
    ),
    "deadline.added": (
        "{name} er lagt til: frist {due}",
        "{name} er lagd til: frist {due}",
        "{name} added: due {due}",
    ),
    "deadline.removed": (
        "{name} er fjernet (frist {due})",
        "{name} er fjerna (frist {due})",
        "{name} removed (due {due})",
    ),
    "deadline.done": (
        "{name} er utført{on} (frist {due})",
        "{name} er utført{on} (frist {due})",
        "{name} done{on} (due {due})",
    ),
    "deadline.done_on": (" {day}", " {day}", " on {day}"),
    "deadline.reopened": (
        "{name} er åpnet igjen (frist {due})",
        "{name} er opna att (frist {due})",
        "{name} reopened (due {due})",
    ),
    "milestone": ("milepæl", "milepæl", "milestone"),
    "measurement.added": (
        "{name}: {value} per {day}{source}",
        "{name}: {value} per {day}{source}",
        "{name}: {value} on {day}{source}",
    ),
    "measurement.removed": (
        "{name}: målingen per {day} ({value}) er fjernet",
        "{name}: målinga per {day} ({value}) er fjerna",
        "{name}: the measurement of {day} ({value}) removed",
    ),
    "measurement.changed": (
        "{name}: målingen per {day} er endret fra {old} til {new}{source}",
        "{name}: målinga per {day} er endra frå {old} til {new}{source}",
        "{name}: the measurement of {day} changed from {old} to {new}{source}",
    ),
    "risk.changed": (
        "{name}: {old} → {new}",
        "{name}: {old} → {new}",
        "{name}: {old} → {new}",
    ),
    "risk.score": (
        "risiko {score} (sannsynlighet {probability} × konsekvens {consequence})",
        "risiko {score} (sannsyn {probability} × konsekvens {consequence})",
        "score {score} (probability {probability} × consequence {consequence})",
    ),
    "risk.no_consequence": (
        "sannsynlighet {probability}, uten konsekvens",
        "sannsyn {probability}, utan konsekvens",
        "probability {probability}, no consequence rating",
    ),
    "measure.status": (
        "Tiltaket {name} er {status}{on}",
        "Tiltaket {name} er {status}{on}",
        "Measure {name} is {status}{on}",
    ),
    "measure.dropped": (
        "Tiltaket {name} er lagt bort: identifisert innsparing faller med {amounts}",
        "Tiltaket {name} er lagt bort: identifisert innsparing fell med {amounts}",
        "Measure {name} dropped: identified savings fall by {amounts}",
    ),
    "measure.revived": (
        "Tiltaket {name} er tatt opp igjen ({status}): identifisert innsparing øker med {amounts}",
        "Tiltaket {name} er teke opp att ({status}): identifisert innsparing aukar med {amounts}",
        "Measure {name} taken up again ({status}): identified savings rise by {amounts}",
    ),
    "measure.effect": (
        "Tiltaket {name}, anslått effekt: {amounts}",
        "Tiltaket {name}, venta effekt: {amounts}",
        "Measure {name}, estimated effect: {amounts}",
    ),
    "measure.realised": (
        "Tiltaket {name}, realisert: {amounts}",
        "Tiltaket {name}, realisert: {amounts}",
        "Measure {name}, realised: {amounts}",
    ),
    "savings.identified": (
        "Identifisert innsparing mot {name}: {amounts}",
        "Identifisert innsparing mot {name}: {amounts}",
        "Savings identified towards {name}: {amounts}",
    ),
    "savings.target": (
        "Innsparingsmålet {name} er endret: {amounts}",
        "Innsparingsmålet {name} er endra: {amounts}",
        "Savings target {name} changed: {amounts}",
    ),
    "total": ("totalt", "totalt", "total"),
    "in_year": ("{amount} i {year}", "{amount} i {year}", "{amount} in {year}"),
    "from_to": ("{year}: {old} → {new}", "{year}: {old} → {new}", "{year}: {old} → {new}"),
    "none": ("ingen", "ingen", "none"),
    "score.changed": (
        "{name}, {organisation} {year}, {area}: {old} → {new} poeng",
        "{name}, {organisation} {year}, {area}: {old} → {new} poeng",
        "{name}, {organisation} {year}, {area}: {old} → {new} points",
    ),
    "kpi.target": (
        "{name}: målet er endret fra {old} til {new}",
        "{name}: målet er endra frå {old} til {new}",
        "{name}: target changed from {old} to {new}",
    ),
    "kpi.target_by": ("{value} innen {day}", "{value} innan {day}", "{value} by {day}"),
    "phase.moved": (
        "Fasen {name} er flyttet: {old} → {new}",
        "Fasen {name} er flytta: {old} → {new}",
        "Phase {name} moved: {old} → {new}",
    ),
    "item.added": ("{kind} {name} er lagt til", "{kind} {name} er lagd til", "{kind} {name} added"),
    "item.removed": (
        "{kind} {name} er fjernet",
        "{kind} {name} er fjerna",
        "{kind} {name} removed",
    ),
    "item.changed": (
        "{kind} {name} er endret: {fields}",
        "{kind} {name} er endra: {fields}",
        "{kind} {name} changed: {fields}",
    ),
    "field.none": ("(ingen)", "(ingen)", "(none)"),
    "field.yes": ("ja", "ja", "yes"),
    "field.no": ("nei", "nei", "no"),
    "field.reordered": ("ny rekkefølge", "ny rekkjefølgje", "reordered"),
    "field.entry": ("nr. {n}", "nr. {n}", "no. {n}"),
    "field.lang.nb": ("bokmål", "bokmål", "Norwegian Bokmål"),
    "field.lang.nn": ("nynorsk", "nynorsk", "Norwegian Nynorsk"),
    "field.lang.en": ("engelsk", "engelsk", "English"),
    "status.proposed": ("foreslått", "føreslått", "proposed"),
    "status.decided": ("vedtatt", "vedteke", "decided"),
    "status.in-progress": ("i gang", "i gang", "in progress"),
    "status.realised": ("gjennomført", "gjennomført", "realised"),
    "status.dropped": ("lagt bort", "lagt bort", "dropped"),
    "kind.plan": ("Planen", "Planen", "Plan"),
    "kind.people": ("Personen", "Personen", "Person"),
    "kind.groups": ("Gruppen", "Gruppa", "Group"),
    "kind.roles": ("Rollen", "Rolla", "Role"),
    "kind.phases": ("Fasen", "Fasen", "Phase"),
    "kind.quiet_periods": ("Den rolige perioden", "Den rolege perioden", "Quiet period"),
    "kind.events": ("Møtet", "Møtet", "Event"),
    "kind.deadlines": ("Fristen", "Fristen", "Deadline"),
    "kind.goals": ("Målet", "Målet", "Goal"),
    "kind.goal_choices": ("Målvalget", "Målvalet", "Goal choice"),
    "kind.kpis": ("Indikatoren", "Indikatoren", "KPI"),
    "kind.measures": ("Tiltaket", "Tiltaket", "Measure"),
    "kind.savings_targets": ("Innsparingsmålet", "Innsparingsmålet", "Savings target"),
    "kind.benefits": ("Gevinsten", "Gevinsten", "Benefit"),
    "kind.reports": ("Rapporten", "Rapporten", "Report"),
    "kind.risks": ("Risikoen", "Risikoen", "Risk"),
    "kind.scorecards": ("Vurderingsskjemaet", "Vurderingsskjemaet", "Scorecard"),
    "kind.forms": ("Skjemaet", "Skjemaet", "Form"),
    "kind.references": ("Referansen", "Referansen", "Reference"),
    "kind.item": ("Elementet", "Elementet", "Item"),
}
"""Sentence patterns of the diff: (nb, nn, en) per key."""

WORDS: dict[str, dict[str, str]] = {
    language: {key: texts[n] for key, texts in SENTENCES.items()}
    for n, language in enumerate(LANGUAGES)
}
"""The sentence patterns by language, then key."""


def words(language: str) -> dict[str, str]:
    """The sentence patterns for a plan's language (``nb``, ``nn`` or ``en``); bokmål's
    for any other code, as every table of words falls back to."""
    return WORDS.get(language, WORDS[DEFAULT_LANGUAGE])
