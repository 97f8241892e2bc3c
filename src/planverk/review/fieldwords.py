"""Any other change to an item, in the plan's language: what ``planverk diff`` lists under
"Andre endringer" / "Other changes".

A field is named from :data:`FIELD_NAMES` (``effect_kind`` is *effekttype*, *effekttype*,
*effect kind*) and its values are written the way the documents write them, by the type the
model gives the field: amounts through :func:`planverk.formatting.fmt_money` (``3 mill. kr``),
numbers, percentages and dates through :mod:`planverk.formatting`, the words of the plan
format through :mod:`planverk.model.words` (``one-off`` is *engangs*), nothing as *(ingen)*
(:mod:`planverk.review.words`), and plan text as a code span. A nested part
(``reporting``, ``mandate``) lists its own fields that changed: ``rapportering, hvor ofte:
(ingen) → kvartal``; so does each entry of a list of parts (realisation steps, an agenda),
named by its id, else by what it says (its step or topic), else its place: ``realisering, `avtale`, status: åpen → utført``. A table
(scores) is named, not listed.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from ..formatting import APPROXIMATELY, fmt_date, fmt_money, fmt_number, fmt_percent, fmt_time
from ..i18n import DEFAULT_LANGUAGE
from ..model.quantities import Quantity, parse_money
from ..model.times import TimeRange, parse_time_range
from ..model.words import Vocabulary
from .words import words

Code = Callable[[str], str]
"""How plan text is set in Markdown (a code span)."""

_PERCENT = {"allocation"}
"""Number fields the model keeps in percent (0-100)."""

_NAMING = ("step", "topic", "title", "name")
"""The fields that say what an entry of a list of parts is, to name one without an id."""


def _names(pairs: str) -> dict[str, str]:
    return dict(line.split(" = ", 1) for line in pairs.strip().splitlines())


FIELD_NAMES: dict[str, dict[str, str]] = {
    "nb": _names("""
after_sessions = etter samlingene
agenda = program
allocation = stillingsandel
ambition = ambisjon
area = område
areas = områder
assessments = vurderinger
at_sessions = på samlingene
attachments = vedlegg
baseline = utgangspunkt
benefits = gevinster
between_sessions = mellom samlingene
by = frist
changes = endringer
code = kode
comparator = sammenligning
consequence = konsekvens
consequences = konsekvenser
contacts = kontaktpersoner
count = antall
covers = omfatter
data_source = datakilde
date = dato
deadline = frist
deadlines = frister
decided_on = vedtaksdato
deliver_to = leveres til
delivered = levert
delivers = leverer
description = beskrivelse
direction = retning
done_on = utført
due = frist
effect = effekt
effect_kind = effekttype
email = e-post
end = slutt
end_date = sluttdato
events = møter
every = hvor ofte
except = unntatt
forms = skjemaer
from = fra
goal_choices = valgte mål
goals = mål
group = gruppe
groups = grupper
heading = overskrift
holders = innehavere
id = id
identified = identifisert
include = inkluderer
includes = inkluderer
invitation = innkalling
issuer = utgiver
justification = begrunnelse
kind = type
kpis = indikatorer
language = språk
limits = avgrensninger
links = lenker
location = sted
mandate = mandat
max = maks
max_pages = maks sider
measured = målt
measurements = målinger
measures = tiltak
members = medlemmer
method = metode
min = min
mitigation = risikoreduserende tiltak
name = navn
note = merknad
occurrence = møtet
on = dag
organisation = organisasjon
owner = eier
parent = overordnet
participants = deltakere
people = personer
period = periode
person = person
phase = fase
phases = faser
phone = telefon
plan = plan
political_acceptance = politisk aksept
practice = praksis
probability = sannsynlighet
prompt = veiledning
purpose = formål
questions = spørsmål
quiet_periods = stille perioder
ratings = vurdering
realisation = realisering
realised = realisert
reason = begrunnelse
recipients = mottakere
reference = referanse
references = referanser
repeat = gjentakelse
reporting = rapportering
reports = rapporter
reports_to = rapporterer til
responsibilities = ansvar
responsible = ansvarlig
review = ny vurdering
rhythm = møterytme
risks = risikoer
role = rolle
roles = roller
rollout = utrulling
room = rom
savings_target = innsparingsmål
savings_targets = innsparingsmål
scale = skala
scope = omfang
scorecards = vurderingsskjemaer
scores = poeng
sections = deler
send_by = sendes innen
sender = avsender
short_name = kortnavn
silence = dempede funn
source = kilde
staff_impact = konsekvens for ansatte
start = start
status = status
status_history = statushistorikk
step = steg
summary = sammendrag
target = mål
target_group = målgruppe
task = oppgave
text = tekst
theme = tema
time = tidspunkt
timezone = tidssone
title = tittel
to = til
topic = tema
total = totalt
type = type
unallocated = ikke fordelt
unit = enhet
until = til og med
url = nettadresse
user_impact = konsekvens for brukere
value = verdi
week = uke
weekday = ukedag
year = år
years = år
"""),
    "nn": _names("""
after_sessions = etter samlingane
agenda = program
allocation = stillingsdel
ambition = ambisjon
area = område
areas = område
assessments = vurderingar
at_sessions = på samlingane
attachments = vedlegg
baseline = utgangspunkt
benefits = gevinstar
between_sessions = mellom samlingane
by = frist
changes = endringar
code = kode
comparator = samanlikning
consequence = konsekvens
consequences = konsekvensar
contacts = kontaktpersonar
count = tal
covers = omfattar
data_source = datakjelde
date = dato
deadline = frist
deadlines = fristar
decided_on = vedtaksdato
deliver_to = leverast til
delivered = levert
delivers = leverer
description = skildring
direction = retning
done_on = utført
due = frist
effect = effekt
effect_kind = effekttype
email = e-post
end = slutt
end_date = sluttdato
events = møte
every = kor ofte
except = unnateke
forms = skjema
from = frå
goal_choices = valde mål
goals = mål
group = gruppe
groups = grupper
heading = overskrift
holders = innehavarar
id = id
identified = identifisert
include = inkluderer
includes = inkluderer
invitation = innkalling
issuer = utgjevar
justification = grunngiving
kind = type
kpis = indikatorar
language = språk
limits = avgrensingar
links = lenkjer
location = stad
mandate = mandat
max = maks
max_pages = maks sider
measured = målt
measurements = målingar
measures = tiltak
members = medlemer
method = metode
min = min
mitigation = risikoreduserande tiltak
name = namn
note = merknad
occurrence = møtet
on = dag
organisation = organisasjon
owner = eigar
parent = overordna
participants = deltakarar
people = personar
period = periode
person = person
phase = fase
phases = fasar
phone = telefon
plan = plan
political_acceptance = politisk aksept
practice = praksis
probability = sannsyn
prompt = rettleiing
purpose = føremål
questions = spørsmål
quiet_periods = stille periodar
ratings = vurdering
realisation = realisering
realised = realisert
reason = grunngiving
recipients = mottakarar
reference = referanse
references = referansar
repeat = gjentaking
reporting = rapportering
reports = rapportar
reports_to = rapporterer til
responsibilities = ansvar
responsible = ansvarleg
review = ny vurdering
rhythm = møterytme
risks = risikoar
role = rolle
roles = roller
rollout = utrulling
room = rom
savings_target = innsparingsmål
savings_targets = innsparingsmål
scale = skala
scope = omfang
scorecards = vurderingsskjema
scores = poeng
sections = delar
send_by = sendast innan
sender = avsendar
short_name = kortnamn
silence = dempa funn
source = kjelde
staff_impact = konsekvens for tilsette
start = start
status = status
status_history = statushistorikk
step = steg
summary = samandrag
target = mål
target_group = målgruppe
task = oppgåve
text = tekst
theme = tema
time = tidspunkt
timezone = tidssone
title = tittel
to = til
topic = tema
total = totalt
type = type
unallocated = ikkje fordelt
unit = eining
until = til og med
url = nettadresse
user_impact = konsekvens for brukarar
value = verdi
week = veke
weekday = vekedag
year = år
years = år
"""),
    "en": _names("""
after_sessions = after the sessions
agenda = agenda
allocation = allocation
ambition = ambition
area = area
areas = areas
assessments = assessments
at_sessions = at the sessions
attachments = attachments
baseline = baseline
benefits = benefits
between_sessions = between the sessions
by = by
changes = changes
code = code
comparator = comparator
consequence = consequence
consequences = consequences
contacts = contacts
count = count
covers = covers
data_source = data source
date = date
deadline = deadline
deadlines = deadlines
decided_on = decided on
deliver_to = deliver to
delivered = delivered
delivers = delivers
description = description
direction = direction
done_on = done on
due = due
effect = effect
effect_kind = effect kind
email = email
end = end
end_date = end date
events = events
every = every
except = except
forms = forms
from = from
goal_choices = goal choices
goals = goals
group = group
groups = groups
heading = heading
holders = holders
id = id
identified = identified
include = include
includes = includes
invitation = invitation
issuer = issuer
justification = justification
kind = kind
kpis = KPIs
language = language
limits = limits
links = links
location = location
mandate = mandate
max = max
max_pages = max pages
measured = measured
measurements = measurements
measures = measures
members = members
method = method
min = min
mitigation = mitigation
name = name
note = note
occurrence = occurrence
on = on
organisation = organisation
owner = owner
parent = parent
participants = participants
people = people
period = period
person = person
phase = phase
phases = phases
phone = phone
plan = plan
political_acceptance = political acceptance
practice = practice
probability = probability
prompt = prompt
purpose = purpose
questions = questions
quiet_periods = quiet periods
ratings = ratings
realisation = realisation
realised = realised
reason = reason
recipients = recipients
reference = reference
references = references
repeat = repeat
reporting = reporting
reports = reports
reports_to = reports to
responsibilities = responsibilities
responsible = responsible
review = review
rhythm = rhythm
risks = risks
role = role
roles = roles
rollout = rollout
room = room
savings_target = savings target
savings_targets = savings targets
scale = scale
scope = scope
scorecards = scorecards
scores = scores
sections = sections
send_by = send by
sender = sender
short_name = short name
silence = silenced findings
source = source
staff_impact = staff impact
start = start
status = status
status_history = status history
step = step
summary = summary
target = target
target_group = target group
task = task
text = text
theme = theme
time = time
timezone = time zone
title = title
to = to
topic = topic
total = total
type = type
unallocated = unallocated
unit = unit
until = until
url = URL
user_impact = user impact
value = value
week = week
weekday = weekday
year = year
years = years
"""),
}
"""The name of every field of the plan format, per plan language (a test walks the model)."""


class Shape(typing.NamedTuple):
    """What a field holds, as far as writing its value goes."""

    kind: str
    """text, word, money, number, percent, date, datetime, time, bool, language, model,
    list, or other (a mapping or a mix: named, not listed)."""
    vocabulary: Vocabulary | None = None
    model: type[BaseModel] | None = None
    item: Shape | None = None


@cache
def section_model(kind: str) -> type[BaseModel] | None:
    """The model of one item of a plan section: ``measures`` gives ``Measure``, ``plan`` the
    plan's header; None for a name that is not a section of models."""
    from ..model import Plan

    field = Plan.model_fields.get(kind)
    if field is None:
        return None
    shape = _shape(field.annotation, tuple(field.metadata))
    return shape.model or (shape.item.model if shape.item is not None else None)


@cache
def shape_of_fields(model: type[BaseModel]) -> dict[str, Shape]:
    """The shape of each field of ``model``, by the name plan files give it."""
    return {info.alias or name: _shape(info.annotation, tuple(info.metadata), info.alias or name)
            for name, info in model.model_fields.items()}


def _shape(annotation: Any, metadata: tuple[Any, ...], name: str = "") -> Shape:
    """The shape of a field from its type and the validators pydantic keeps beside it."""
    meta = list(metadata)
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *more = typing.get_args(annotation)
            meta += more
            continue
        if origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return Shape("other")
            annotation = options[0]
            continue
        break
    for item in meta:
        function = getattr(item, "func", None)
        if isinstance(getattr(function, "__self__", None), Vocabulary):
            return Shape("word", vocabulary=function.__self__)
        if function is parse_money:
            return Shape("money")
    origin = typing.get_origin(annotation)
    if origin is list or origin is tuple:
        return Shape("list", item=_shape(typing.get_args(annotation)[0], ()))
    if origin is Literal:
        return Shape("language" if set(typing.get_args(annotation)) == {"nb", "nn", "en"} else "text")
    if origin is not None:
        return Shape("other")  # a mapping: scores by area and question, amounts by year
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return Shape("model", model=annotation)
        if issubclass(annotation, bool):
            return Shape("bool")
        if issubclass(annotation, datetime):
            return Shape("datetime")
        if issubclass(annotation, date):
            return Shape("date")
        if issubclass(annotation, TimeRange):
            return Shape("time")
        if issubclass(annotation, (int, float, Quantity)):
            return Shape("percent" if name in _PERCENT else "number")
    return Shape("text")  # text, and what the model keeps as written (periods, partial dates)


def _pairs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """The entries of two versions of a list of parts, paired: ``(old, new)``, with None for
    an entry added or removed. Entries pair by ``id``; those without one pair first with an
    equal entry (unchanged), then with one that says the same (its step or topic), then in
    their order, so that a step added before others does not make them all changed."""
    ided = {e["id"]: e for e in old if e.get("id")}
    pairs: list[tuple[Any, Any]] = [(ided.get(e["id"]), e) for e in new if e.get("id")]
    news = {e["id"] for e in new if e.get("id")}
    pairs += [(e, None) for e in old if e.get("id") and e["id"] not in news]
    left = [e for e in old if not e.get("id")]
    right = [e for e in new if not e.get("id")]
    for same in (lambda a, b: a == b, lambda a, b: _said(a) is not None and _said(a) == _said(b)):
        for entry in list(right):
            match = next((e for e in left if same(e, entry)), None)
            if match is not None:
                pairs.append((match, entry))
                left.remove(match)
                right.remove(entry)
    pairs += list(zip(left, right))
    pairs += [(e, None) for e in left[len(right):]] + [(None, e) for e in right[len(left):]]
    return pairs


def _said(entry: dict[str, Any]) -> Any:
    """What an entry says (its step, topic, title or name), or None."""
    return next((entry[k] for k in _NAMING if isinstance(entry.get(k), str) and entry[k]), None)


def _nothing(value: Any) -> Any:
    """None for a value that says nothing (an empty list or part, as a part added brings)."""
    return None if value in ([], {}) else value


class FieldWriter:
    """Writes the fields of one language."""

    def __init__(self, language: str, code: Code) -> None:
        self.language = language if language in FIELD_NAMES else DEFAULT_LANGUAGE
        self.names = FIELD_NAMES[self.language]
        self.words = words(self.language)
        self.code = code

    def name(self, field: str) -> str:
        """A field's name in the plan's language (an unknown one as code)."""
        return self.names.get(field) or self.code(field)

    def changes(self, kind: str, field: str, old: Any, new: Any) -> list[str]:
        """The change to ``field`` of an item of section ``kind`` (JSON values, as
        :class:`planverk.review.plandiff.FieldChange` keeps them), as ``name: old → new``;
        a nested part gives one line per field of it that changed."""
        model = section_model(kind)
        shape = shape_of_fields(model).get(field, Shape("other")) if model else Shape("other")
        return self._changes([self.name(field)], shape, old, new)

    def _changes(self, path: list[str], shape: Shape, old: Any, new: Any) -> list[str]:
        label = ", ".join(path)
        if shape.kind == "model" and shape.model is not None and isinstance(old or {}, dict) \
                and isinstance(new or {}, dict):
            before, after = old or {}, new or {}
            found: list[str] = []
            for key, inner in shape_of_fields(shape.model).items():
                if _nothing(before.get(key)) != _nothing(after.get(key)):
                    found += self._changes([*path, self.name(key)], inner, before.get(key), after.get(key))
            return found or [label]
        if shape.kind == "list" and shape.item is not None and shape.item.kind not in ("model", "list", "other") \
                and isinstance(old or [], list) and isinstance(new or [], list):
            before, after = old or [], new or []
            parts = [f"+{self.value(shape.item, v)}" for v in after if v not in before]
            parts += [f"−{self.value(shape.item, v)}" for v in before if v not in after]
            return [f"{label}: {', '.join(parts) or '(' + self.words['field.reordered'] + ')'}"]
        if shape.kind == "list" and shape.item is not None and shape.item.kind == "model" \
                and isinstance(old or [], list) and isinstance(new or [], list) \
                and all(isinstance(entry, dict) for entry in [*(old or []), *(new or [])]):
            return self._entries(path, shape.item, old or [], new or []) or [label]
        if shape.kind in ("list", "other", "model"):
            return [label]  # a table: named; the plan file shows the rest
        return [f"{label}: {self.value(shape, old)} → {self.value(shape, new)}"]

    def _entries(self, path: list[str], item: Shape, old: list[dict[str, Any]],
                 new: list[dict[str, Any]]) -> list[str]:
        """A list of parts (a benefit's realisation steps, an agenda): the entries added and
        removed, and each changed one's fields: ``realisering, `avtale`, status: åpen →
        utført``. An entry is named by its id, else by what it says (a step, a slot's topic),
        else by its place (``nr. 2``)."""
        label = ", ".join(path)
        pairs = _pairs(old, new)
        found = [f"{label}: +{self._entry_name(now, new)}" for was, now in pairs if was is None]
        found += [f"{label}: −{self._entry_name(was, old)}" for was, now in pairs if now is None]
        for was, now in pairs:
            if was is not None and now is not None and was != now:
                found += self._changes([*path, self._entry_name(now, new)], item, was, now)
        return found

    def _entry_name(self, entry: dict[str, Any], entries: list[dict[str, Any]]) -> str:
        if entry.get("id"):
            return self.code(str(entry["id"]))
        said = _said(entry)
        if said:
            return self.value(Shape("text"), said)
        return self.words["field.entry"].format(n=next(n for n, e in enumerate(entries, 1) if e is entry))

    def value(self, shape: Shape, value: Any) -> str:
        """One value as the documents write it."""
        if value is None:
            return self.words["field.none"]
        try:
            return self._value(shape, value)
        except (TypeError, ValueError):  # a value of another type than the field's: as written
            return self.code(str(value))

    def _value(self, shape: Shape, value: Any) -> str:
        language = self.language
        kind = shape.kind
        if kind == "word" and shape.vocabulary is not None:
            return shape.vocabulary.shown(str(value), language)
        if kind in ("money", "number", "percent"):
            # an estimate or a percentage comes as {"value": .., "approximate": true, "unit":
            # "percent"} (plandiff's dump: planverk.model.quantities.ESTIMATES)
            kept = value if isinstance(value, dict) and "value" in value else {"value": value}
            number, rough = kept["value"], kept.get("approximate") is True
            if kind == "money":
                return fmt_money(number, language=language, approximate=rough)
            percent = kind == "percent" or kept.get("unit") == "percent"
            shown = fmt_percent(number, language=language) if percent else fmt_number(number, language=language)
            return f"{APPROXIMATELY[language]} {shown}" if rough else shown
        if kind == "date":
            return fmt_date(date.fromisoformat(value), "long", language=language)
        if kind == "datetime":
            moment = datetime.fromisoformat(value)
            return f"{fmt_date(moment.date(), 'long', language=language)} {fmt_time(moment.time(), language=language)}"
        if kind == "time":
            return fmt_time(parse_time_range(value), language=language)
        if kind == "bool":
            return self.words["field.yes" if value else "field.no"]
        if kind == "language":
            return self.words.get(f"field.lang.{value}", str(value))
        text = value if isinstance(value, str) else str(value)
        return self.code(text if len(text) <= 60 else f"{text[:57]}…")
