"""Sending meeting requests over SMTP: STARTTLS when the server offers it, a login from
the environment (``PLANVERK_SMTP_USER``, ``PLANVERK_SMTP_PASSWORD``) when one is set."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..errors import OutputError, UsageError
from ..i18n import Message, show, tr
from ..model import PlanInfo
from .message import message
from .requests import MeetingRequest

SUBMISSION_PORT = 587
"""Message submission (RFC 6409), when ``--smtp`` gives no port."""
USER_VARIABLE = "PLANVERK_SMTP_USER"
PASSWORD_VARIABLE = "PLANVERK_SMTP_PASSWORD"
_LOCAL = ("localhost", "127.0.0.1", "::1")


def server(text: str) -> tuple[str, int]:
    """``HOST[:PORT]`` (``[::1]:25`` for an IPv6 address) as host and port."""
    host, port = text, SUBMISSION_PORT
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            port = _port(text, rest.removeprefix(":"))
    elif text.count(":") == 1:
        host, _, number = text.partition(":")
        port = _port(text, number)
    if not host:
        raise UsageError(tr("--smtp {server}: give the mail server as HOST or HOST:PORT", server=text))
    return host, port


def _port(text: str, number: str) -> int:
    if not number.isdigit() or not 0 < int(number) < 65536:
        raise UsageError(tr("--smtp {server}: the port must be a number from 1 to 65535", server=text))
    return int(number)


@dataclass(frozen=True)
class _Joined:
    """Messages for one message, joined with '; ' in the reader's language."""

    parts: tuple[Message, ...]

    def render(self, language: str) -> str:
        return "; ".join(show(part, language) for part in self.parts)


def check_sendable(requests: list[MeetingRequest]) -> None:
    """Refuse (before connecting) what cannot be sent: no sender address or no recipient address."""
    problems: list[Message] = []
    for ref in dict.fromkeys(r.sender.ref for r in requests if not r.sender.email):
        problems.append(tr("{sender}, who sends them, has no e-mail address in the plan", sender=ref))
    unreachable = [r.filename for r in requests if r.sender.email and not r.addressed]
    if unreachable:
        problems.append(tr("no recipient of {files} has an e-mail address in the plan", files=", ".join(unreachable)))
    if problems:
        raise UsageError(tr(
            "nothing was written or sent: {problems}. Add `email:` to them in the plan, or send the "
            ".eml files from your mail program with the addresses typed in.", problems=_Joined(tuple(problems))
        ))


def send(
    requests: list[MeetingRequest],
    info: PlanInfo,
    smtp: str,
    environment: Mapping[str, str],
    sent: Callable[[MeetingRequest], None] = lambda request: None,
) -> None:
    """Send every request through ``smtp`` (``HOST[:PORT]``); ``sent`` is told of each one.

    STARTTLS is used whenever the server offers it. A login (from the environment) is
    sent only over TLS, or to a server on this machine. Raises UsageError for what can be
    fixed before sending and OutputError when the server fails, naming what was sent.
    """
    check_sendable(requests)
    host, port = server(smtp)
    user, password = environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE, "")
    done = 0
    try:
        with smtplib.SMTP(host, port, timeout=60) as connection:
            connection.ehlo()
            secure = False
            if connection.has_extn("starttls"):
                connection.starttls(context=ssl.create_default_context())
                connection.ehlo()
                secure = True
            if user:
                if not secure and host not in _LOCAL:
                    raise UsageError(tr(
                        "{host} offers no STARTTLS: planverk does not send {variable}'s "
                        "password in clear text; use the server's submission port (587)",
                        host=host, variable=USER_VARIABLE,
                    ))
                connection.login(user, password)
            for request in requests:
                connection.send_message(
                    message(request, info, draft=False),
                    from_addr=request.sender.email,
                    to_addrs=[p.email for p in request.addressed],
                )
                done += 1
                sent(request)
    except (smtplib.SMTPException, OSError) as error:
        where = tr("{done} of {count} sent", done=done, count=len(requests)) if done else tr("none sent")
        address = f"{host}:{port}"
        raise OutputError(tr("cannot send through {server} ({sent}): {error}",
                             server=address, sent=where, error=str(error))) from error
