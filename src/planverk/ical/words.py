"""The words a feed shows its readers, in the plan's language (nb, nn, en)."""

from __future__ import annotations


WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "period": "Periode",
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
        "may_not_happen": "Det er ikke avgjort om dette blir noe av.",
        "deliver_to": "Leveres til",
        "done": "Utført",
        "reporting": "Rapportering",
        "reported": "Rapportert",
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
        "period": "Periode",
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
        "may_not_happen": "Det er ikkje avgjort om dette blir noko av.",
        "deliver_to": "Leverast til",
        "done": "Utført",
        "reporting": "Rapportering",
        "reported": "Rapportert",
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
        "period": "Period",
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
        "may_not_happen": "It is not yet settled whether this will take place.",
        "deliver_to": "Deliver to",
        "done": "Done",
        "reporting": "Reporting",
        "reported": "Reported",
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

def kind_label(kind: str, language: str) -> str:
    """A known event kind in the plan's language; any other kind as written, capitalised."""
    return KINDS[language].get(kind.lower(), kind[:1].upper() + kind[1:])
