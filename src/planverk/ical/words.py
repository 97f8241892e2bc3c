"""The words a feed shows its readers, in the plan's language (nb, nn, en)."""

from __future__ import annotations

from datetime import date

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "cancelled": "Avlyst",
        "deadline": "Frist",
        "milestone": "Milepæl",
        "participants": "Deltakere",
        "responsible": "Ansvarlig",
        "programme": "Program",
        "links": "Lenker",
        "part_of": "Del av",
        "invitation": "Innkalling",
        "sends_to": "sender til",
        "changed": "Endret",
        "no_end": "Sluttid er ikke oppgitt.",
        "uncertain": "Tidspunktet er ikke endelig.",
        "deliver_to": "Leveres til",
        "done": "Utført",
        "all_feed": "Hele planen",
        "groups": "Grupper",
        "people": "Personer",
        "events": "hendelser",
        "feed": "Kalender",
        "subscribe": "Abonner",
        "download": "Last ned",
        "how": (
            "Abonner på en kalender for å få endringer automatisk. Outlook: Legg til kalender, "
            "Abonner fra nettet, lim inn adressen. Google Kalender: Andre kalendere, +, "
            "Fra nettadresse, lim inn adressen."
        ),
    },
    "nn": {
        "cancelled": "Avlyst",
        "deadline": "Frist",
        "milestone": "Milepæl",
        "participants": "Deltakarar",
        "responsible": "Ansvarleg",
        "programme": "Program",
        "links": "Lenkjer",
        "part_of": "Del av",
        "invitation": "Innkalling",
        "sends_to": "sender til",
        "changed": "Endra",
        "no_end": "Sluttid er ikkje oppgitt.",
        "uncertain": "Tidspunktet er ikkje endeleg.",
        "deliver_to": "Leverast til",
        "done": "Utført",
        "all_feed": "Heile planen",
        "groups": "Grupper",
        "people": "Personar",
        "events": "hendingar",
        "feed": "Kalender",
        "subscribe": "Abonner",
        "download": "Last ned",
        "how": (
            "Abonner på ein kalender for å få endringar automatisk. Outlook: Legg til kalender, "
            "Abonner frå nettet, lim inn adressa. Google Kalender: Andre kalendrar, +, "
            "Frå nettadresse, lim inn adressa."
        ),
    },
    "en": {
        "cancelled": "Cancelled",
        "deadline": "Deadline",
        "milestone": "Milestone",
        "participants": "Participants",
        "responsible": "Responsible",
        "programme": "Programme",
        "links": "Links",
        "part_of": "Part of",
        "invitation": "Invitation",
        "sends_to": "sends to",
        "changed": "Changed",
        "no_end": "No end time given.",
        "uncertain": "The time is not final.",
        "deliver_to": "Deliver to",
        "done": "Done",
        "all_feed": "Whole plan",
        "groups": "Groups",
        "people": "People",
        "events": "events",
        "feed": "Calendar",
        "subscribe": "Subscribe",
        "download": "Download",
        "how": (
            "Subscribe to a calendar to get changes automatically. Outlook: Add calendar, "
            "Subscribe from web, paste the address. Google Calendar: Other calendars, +, "
            "From URL, paste the address."
        ),
    },
}

KINDS: dict[str, dict[str, str]] = {
    "nb": {
        "meeting": "Møte", "session": "Samling", "seminar": "Seminar", "briefing": "Orientering",
        "workshop": "Verksted", "gathering": "Samling", "conference": "Konferanse",
    },
    "nn": {
        "meeting": "Møte", "session": "Samling", "seminar": "Seminar", "briefing": "Orientering",
        "workshop": "Verkstad", "gathering": "Samling", "conference": "Konferanse",
    },
    "en": {},
}

_WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_MONTHS["nn"] = _MONTHS["nb"]


def kind_label(kind: str, language: str) -> str:
    """A known event kind in the plan's language; any other kind as written, capitalised."""
    return KINDS[language].get(kind.lower(), kind[:1].upper() + kind[1:])


def day_label(day: date, language: str) -> str:
    """'onsdag 3. mai 2017' (en: 'Wednesday 3 May 2017')."""
    weekday, month = _WEEKDAYS[language][day.weekday()], _MONTHS[language][day.month - 1]
    if language == "en":
        return f"{weekday} {day.day} {month} {day.year}"
    return f"{weekday} {day.day}. {month} {day.year}"
