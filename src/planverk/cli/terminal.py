"""What the command line needs of the terminal: colour, progress, byte-exact stdout, and
output that never crashes on a terminal that cannot show a character."""


import os
import sys
from typing import Any


def color(stream: Any) -> bool:
    """Whether to colour what goes to ``stream``: a terminal, and NO_COLOR not set."""
    return stream.isatty() and "NO_COLOR" not in os.environ


def write_stdout(content: str | bytes) -> None:
    """Text as it is, bytes (a Word document) as they are."""
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.flush()


class _NoProgress:
    def __enter__(self) -> Any:
        return lambda done, total: None

    def __exit__(self, *exc: object) -> None:
        return None


def progress(total: int, threshold: int = 2) -> Any:
    """A context giving ``advance(done, total)``: a progress bar on stderr when it is a
    terminal and there is more than ``threshold`` steps of work, else nothing at all."""
    if total <= threshold or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        return _NoProgress()
    from ..progress import progress_bar

    return progress_bar(total)


_ASCII_FORMS = {
    "\u2013": "-", "\u2014": "--", "\u2212": "-", "\u2192": "->", "\u2190": "<-", "\u2194": "<->",
    "\u00b7": ".", "\u2022": "*", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u00d7": "x", "\u2714": "v", "\u2713": "v",
    "\u2500": "-", "\u2502": "|", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "o", "\u00d8": "O",
    "\u00e5": "a", "\u00c5": "A",
}
"""What a character becomes on a terminal that cannot show it (ASCII, Latin-1, cp1252)."""


def _ascii_forms(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the output cannot encode as its ASCII form."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    out = []
    for char in error.object[error.start : error.end]:
        form = _ASCII_FORMS.get(char)
        if form is None:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            form = base or "?"
        out.append(form)
    return "".join(out), error.end


def tolerant_output() -> None:
    """Let stdout and stderr write any text: what their encoding (``LC_ALL=nb_NO.ISO-8859-1``,
    a cp1252 console, ``PYTHONIOENCODING=ascii``) cannot hold is written in an ASCII form
    ('–' as '-', '→' as '->'), never a crash. UTF-8 output is not affected."""
    import codecs

    try:
        codecs.lookup_error("planverk-ascii")
    except LookupError:
        codecs.register_error("planverk-ascii", _ascii_forms)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="planverk-ascii")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass
