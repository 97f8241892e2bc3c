"""What invitations and checklists say to people, in the plan's language (nb, nn, en)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "request": "Innkalling",
        "cancel": "Avlysning",
        "title": "Innkallinger fra {sender}",
        "intro": (
            "Åpne hver .eml-fil i e-postprogrammet (i Outlook: dobbeltklikk), kontroller "
            "mottakerne og send den. Mottakerne får en møteinnkalling de kan svare på. "
            "Når et møte flyttes eller avlyses, lager planverk en ny melding som oppdaterer "
            "eller avlyser det i kalenderne: send den på samme måte."
        ),
        "no_sender_address": (
            "{sender} har ingen e-postadresse i planen: legg inn `email:` hos {sender} og kjør "
            "planverk invitations på nytt, ellers mangler møteinnkallingene arrangør."
        ),
        "send_by": "Send innen {date}",
        "send_now": "Send så snart som mulig",
        "when": "Når",
        "where": "Sted",
        "to": "Til",
        "no_address": "Mangler e-postadresse i planen",
        "via_members": "{group} har ingen egen e-postadresse i planen; innkallingen går til medlemmene: {members}",
        "no_address_hint": "skriv inn adressen i meldingen, eller legg inn `email:` i planen og kjør på nytt",
        "recipients_do": "Mottakerne",
        "part_of": "Del av",
        "cancelled_note": "Møtet er avlyst.",
        "none": "ingen",
    },
    "nn": {
        "request": "Innkalling",
        "cancel": "Avlysing",
        "title": "Innkallingar frå {sender}",
        "intro": (
            "Opna kvar .eml-fil i e-postprogrammet (i Outlook: dobbeltklikk), kontroller "
            "mottakarane og send henne. Mottakarane får ei møteinnkalling dei kan svara på. "
            "Når eit møte vert flytt eller avlyst, lagar planverk ei ny melding som oppdaterer "
            "eller avlyser det i kalendrane: send henne på same måte."
        ),
        "no_sender_address": (
            "{sender} har inga e-postadresse i planen: legg inn `email:` hos {sender} og køyr "
            "planverk invitations på nytt, elles manglar møteinnkallingane arrangør."
        ),
        "send_by": "Send innan {date}",
        "send_now": "Send så snart som mogleg",
        "when": "Når",
        "where": "Stad",
        "to": "Til",
        "no_address": "Manglar e-postadresse i planen",
        "via_members": "{group} har inga eiga e-postadresse i planen; innkallinga går til medlemmene: {members}",
        "no_address_hint": "skriv inn adressa i meldinga, eller legg inn `email:` i planen og køyr på nytt",
        "recipients_do": "Mottakarane",
        "part_of": "Del av",
        "cancelled_note": "Møtet er avlyst.",
        "none": "ingen",
    },
    "en": {
        "request": "Invitation",
        "cancel": "Cancellation",
        "title": "Invitations from {sender}",
        "intro": (
            "Open each .eml file in your mail program (in Outlook: double-click), check the "
            "recipients and send it. Recipients get a meeting request they can answer. When a "
            "meeting moves or is cancelled, planverk writes a new message that updates or "
            "cancels it in their calendars: send it the same way."
        ),
        "no_sender_address": (
            "{sender} has no e-mail address in the plan: add `email:` to {sender} and run "
            "planverk invitations again, or the meeting requests have no organizer."
        ),
        "send_by": "Send by {date}",
        "send_now": "Send as soon as possible",
        "when": "When",
        "where": "Where",
        "to": "To",
        "no_address": "No e-mail address in the plan",
        "via_members": "{group} has no address of its own in the plan; the invitation goes to its members: {members}",
        "no_address_hint": "type the address into the message, or add `email:` to the plan and run again",
        "recipients_do": "Recipients",
        "part_of": "Part of",
        "cancelled_note": "The meeting is cancelled.",
        "none": "none",
    },
}
