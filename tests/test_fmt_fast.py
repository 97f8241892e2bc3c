"""The quick "already in the layout" check of ``fmt`` agrees with the round trip.

:func:`planverk.edit.formatted.is_formatted` may say True only where
:func:`planverk.edit.roundtrip.canonical` leaves the text as it is. These tests write
many YAML files, in the layout and beside it (spacing, indentation, comments, quoting,
flow style, CR LF, a byte-order mark, odd characters), and compare the two.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_PLANS, run_cli
from planverk.edit import fmt as fmt_module
from planverk.edit.fmt import layout
from planverk.edit.formatted import is_formatted
from planverk.edit.roundtrip import UnreadableForEditing, WouldMisformat, canonical
from planverk.load.yamlsource import SourceMap, parse_text

ROOT = Path(__file__).resolve().parent.parent


def round_trip_keeps(text: str) -> bool:
    try:
        return canonical(text) == text
    except (UnreadableForEditing, TypeError):  # TypeError: ruamel on a mapping as a key, which no plan has
        return False


# --- generated YAML -------------------------------------------------------------------------

WORDS = ["id", "tittel", "møte", "Rådhuset", "08:00-09:00", "2030-01-07", "ca. 35 mill kroner", "0301", "12",
         "1.50", "-3", "true", "false", "a b", "x", "æøå ÆØÅ", "=HYPERLINK(x)", "<script>", "../etc", "it's", "a,b",
         "x#y", "x:y", "[a]", "\u202eevil", "e\u0301", "yes", "NO", "on", "1_000", "a'b", "!a"]
ODD_WORDS = ["True", "null", "~", "", 'say "hi"', "tab\there", "\u00a0nb", "😀", "+1", "1e3", ".5", "0x1F",
             "---", "...", "x: y", "x #y", "#x", "-x", "- x", "?x", ":x", "x:", "{a}", "&a", "*a", "|", ">",
             "%x", "@x", "`x", "a\\b", " lead", "trail ", "two  spaces", "\x1b[31m", "\u2028", "\x85", "\ufeff",
             "'", '"', "\\", "-0", "00", "1.", "1.0e3", "0.0", "-.5", "1,5"]
ODD_TEXT = st.text(alphabet="ab :#-,[]{}'\"!&*?|>%@`\\.~+0123456789æ\t\u00a0\u2028\x85😀", max_size=6)


class Odds:
    """How far a generated file strays from the layout: each choice is planverk's with
    probability 1 - 1/odds (odds 0: always; the file then is in the layout)."""

    def __init__(self, draw, odds: int) -> None:
        self.draw, self.odds = draw, odds

    def pick(self, usual, *others):
        if not others or not self.odds or self.draw(st.integers(0, self.odds - 1)):
            return usual
        return self.draw(st.sampled_from(others))

    def text(self) -> str:
        if self.pick(True, False):
            return self.draw(st.sampled_from(WORDS))
        return self.draw(st.one_of(st.sampled_from(ODD_WORDS), ODD_TEXT))


def scalar(odd: Odds, in_flow: bool = False) -> str:
    """A scalar as written: plain, quoted (escaped or not), or something close to it."""
    value = odd.text()
    style = odd.draw(st.sampled_from(["plain", "plain", "plain", "single", "double"]))
    style = odd.pick(style, "raw-double", *([] if in_flow else ["block"]))
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "raw-double":
        return '"' + value + '"'
    if style == "block":
        return odd.draw(st.sampled_from(["|", ">", "|-"])) + "\n" + "    " + value
    return value


def flow(odd: Odds, depth: int = 0) -> str:
    draw = odd.draw
    comma = odd.pick(", ", ",", " , ", ",  ")
    colon = odd.pick(": ", ":  ", " : ")
    inner = odd.pick("", " ")
    count = draw(st.integers(0, 3))

    def item() -> str:
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            return flow(odd, depth + 1)
        return scalar(odd, True)

    if draw(st.booleans()):
        return "[" + inner + comma.join(item() for _ in range(count)) + inner + "]"
    pairs = [scalar(odd, True) + colon + item() for _ in range(count)]
    return "{" + inner + comma.join(pairs) + inner + "}"


def between(odd: Odds) -> list[str]:
    """Lines between entries: mostly none, else blank lines and comments at any column."""
    draw = odd.draw
    lines: list[str] = []
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        if draw(st.booleans()):
            lines.append(odd.pick("", "   "))
        else:
            lines.append(" " * draw(st.integers(0, 6)) + "#" + draw(st.sampled_from(["", " note", "  x: [y]", "#"])))
    return lines


def end_of_line(odd: Odds) -> str:
    if odd.draw(st.integers(0, 5)):
        return odd.pick("", " ")
    return " " * odd.pick(2, 1, 0, 3) + "#" + odd.draw(st.sampled_from(["", " c", " x: y"]))


@st.composite
def document(draw) -> str:
    """A YAML file in planverk's layout, or strayed from it as far as the drawn odds say."""
    odd = Odds(draw, draw(st.sampled_from([0, 0, 3, 10, 30])))
    step = odd.pick(2, 4, 3)
    offset = odd.pick(2, 0, 4)
    colon = odd.pick(": ", ":  ")
    dash = odd.pick("- ", "-  ")
    out: list[str] = []

    def value(indent: int, depth: int) -> None:
        """The value after a key already on the last line of ``out``."""
        kinds = ["scalar", "scalar", "flow", "map", "seq", "empty"] if depth < 3 else ["scalar", "flow", "empty"]
        kind = draw(st.sampled_from(kinds))
        if kind == "scalar":
            text = scalar(odd)
            if "\n" in text:
                out[-1] += colon + text.replace("\n", "\n" + " " * indent)
            else:
                out[-1] += colon + text + end_of_line(odd)
        elif kind == "flow":
            out[-1] += colon + flow(odd) + end_of_line(odd)
        elif kind == "empty":
            out[-1] += odd.pick(":", ": ~", ": null", ":  # c")
        elif kind == "map":
            out[-1] += ":" + end_of_line(odd)
            mapping(indent + step, depth + 1, None)
        else:
            out[-1] += ":" + end_of_line(odd)
            sequence(indent + offset, depth + 1)

    def mapping(indent: int, depth: int, first_line: str | None) -> None:
        for n in range(draw(st.integers(1, 3))):
            key = draw(st.sampled_from(["id", "title", "a b", "'q'", '"dq"', "2027", "møte", "id"]))
            if n == 0 and first_line is not None:
                out.append(first_line + key)
            else:
                out.extend(between(odd))
                out.append(" " * indent + key)
            value(indent, depth)

    def sequence(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            out.extend(between(odd))
            kind = odd.pick(draw(st.sampled_from(["scalar", "map", "map", "flow"])), "empty", "seq")
            lead = " " * indent + dash
            if kind == "map" and depth < 3:
                mapping(indent + len(dash), depth + 1, lead)
            elif kind == "flow":
                out.append(lead + flow(odd) + end_of_line(odd))
            elif kind == "empty":
                out.append(" " * indent + draw(st.sampled_from(["-", "- ~", "-  # c"])))
            elif kind == "seq" and depth < 3:
                out.append(lead + "- " + scalar(odd, True))
            else:
                text = scalar(odd)
                out.append(lead + text.replace("\n", "\n" + " " * (indent + 2)) + end_of_line(odd))

    out.extend(between(odd))
    mapping(0, 0, None)
    out.extend(between(odd))
    text = "\n".join(out) + odd.pick("\n", "", "\n\n", "\n...\n")
    text = odd.pick(text, text.replace("\n", "\r\n"), text.replace("\n", "\r"), "---\n" + text, "\ufeff" + text)
    return text


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(document())
# a blank or comment line above a first item '- {}': ruamel joins the later items on one line
@example("id:\n#\n  - {}\n  - id\n  - id  #\n")
@example("id:\n\n  - {}\n  - id\n  - id\n")
@example("a:\n  id:\n  # c\n    - {}\n    - id\n    - id\n")
@example("id:  #\n  - id\n  - id: id  #\n    title:  #\n      - {}\n      - id\n      - id  #\n")
# the round trip writes the integer -0 as 0
@example("id: -0\n")
@example("- -00\n")
def test_a_file_said_to_be_formatted_is_left_as_it_is_by_the_round_trip(text: str) -> None:
    if is_formatted(text):
        assert round_trip_keeps(text)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_formatted(plain):  # fmt's layout() then takes the text with \n line ends as formatted
        assert canonical(text) == plain == layout(text)


def loaders_events(text: str) -> list[object] | None:
    """The events the plan loader hands on for ``text`` (None when it hands on none)."""
    handed: list[list[object]] = []
    parse_text(text, SourceMap("f.yaml"), tap=lambda name, read, events: handed.append(events))
    assert len(handed) <= 1
    return handed[0] if handed else None


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(document())
@example("id: a\nid: b\n")  # a duplicate key: the loader reads such a file twice
@example("a: {b: c:d}\n")  # YAML 1.1 flow: read by the pure parser, nothing handed on
def test_the_loaders_events_give_the_same_answer_as_parsing_again(text: str) -> None:
    """fmt checks the layout on the events the loader read (one parse per file, not two)."""
    events = loaders_events(text)
    if events is not None:
        assert is_formatted(text, events) is is_formatted(text)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(document())
@example('id:  |\r\n    id\r\nid:  { "id": &a,"id": &a } ')  # an anchor name used twice: not rewritten
@example('id: \n  -\nid:  #\x850 \n   \nid:  |\n    True\n')  # ruamel: 'overlap in comment' (NotImplementedError)
@example("id:\n#\n  - {id: {}, tittel: {}, møte: {}}  #\n  - id: id\n    title:\n")  # was '- id: id title:'
@example("\ufeffid:\r\n#\r\n- {id: a}  # x\r\n- id: b\r\n  title:\r\n")  # the same, flush, CR LF
@example("id:\n#\n  - {}\n  - id\n  - id  #\n")  # was '- id   - id': one text
def test_the_round_trips_output_is_checked_too(text: str) -> None:
    """What fmt writes is where the check must mostly say yes, and never wrongly; and it
    reads back as the data it was given (canonical() checks: WouldMisformat is a bug)."""
    try:
        once = canonical(text)
    except WouldMisformat as error:
        # only where ruamel would turn a comment below '|' text into text: fmt then names it
        assert "comment" in str(error), text
        return
    except (UnreadableForEditing, TypeError):
        return
    if is_formatted(once):
        assert canonical(once) == once


def test_a_block_item_after_a_flow_item_with_a_comment_keeps_its_lines() -> None:
    # ruamel 0.19 left 'no line break' set after '- {...}  # note' in a list with a comment
    # above it: the next block item came out as '- id: b title: B', which does not parse
    kept = "events:\n  # møta\n  - {id: a}  #\n  - {id: c}  # flytta\n  - id: b\n    title: B\n"
    assert canonical(kept) == kept
    flush = "\ufeffevents:\r\n# møta\r\n- {id: a}  #\r\n- id: b\r\n  title: B\r\n"
    assert canonical(flush) == "events:\n  # møta\n  - {id: a} #\n  - id: b\n    title: B\n"
    for empty in ("{}", "[]"):  # an empty one: the items after it were joined into one text
        kept = f"events:\n  # møta\n  - {empty}\n  - id\n  - id  #\n  - id: b\n    title: B\n"
        assert canonical(kept) == kept


# --- written by hand -------------------------------------------------------------------------

IN_LAYOUT = """\
# Plan for omstillinga (nynorsk): kommentarar står der dei står.
plan:
  id: gran-2030
  title: 'Omstilling i Gran: ca. 35 mill kroner'   # quoted, kept
  period: {start: 2030-01-01, end: 2030-12-31}

events:
  - id: mote-1
    title: "Møte om <script> og =HYPERLINK(\\"x\\")"
    weekday: måndag
    time: 08:00-08:45
    participants: [person-001, {person: person-002, role: leader}]
    amount: 1.50
    count: 0301
    done: true
    note:
    # a comment at the end of a list
  - id: mote-2
    agenda:
      - {time: '09:00-09:20', topic: Innleiing}
      - []
"""


@pytest.mark.parametrize(
    "text, fast",
    [
        (IN_LAYOUT, True),
        (IN_LAYOUT.replace("\n", "\r\n"), False),  # CR LF: fmt writes LF line ends
        ("\ufeff" + IN_LAYOUT, False),
        (IN_LAYOUT.replace("[person-001, ", "[ person-001, "), False),
        (IN_LAYOUT.replace("  - id: mote-1", "- id: mote-1"), False),  # list flush with its key
        (IN_LAYOUT.replace("done: true", "done: True"), False),
        (IN_LAYOUT.replace("note:\n", "note: ~\n"), False),
        (IN_LAYOUT.replace("weekday: måndag", "weekday: |\n      måndag"), False),
        (IN_LAYOUT.replace("amount: 1.50", "amount: +1.50"), False),
        (IN_LAYOUT.replace("mote-2", "mote-2\u202e"), True),
        (IN_LAYOUT.replace("mote-2", "mote-2\x1b[31m"), False),
        (IN_LAYOUT.replace("    count: 0301\n", "    count: 0301\n    count: 2\n"), False),  # duplicate key
        (IN_LAYOUT + "...\n", False),
        ("---\n" + IN_LAYOUT, False),
        (IN_LAYOUT.replace("- id: mote-2", "- id: &a mote-2"), False),
    ],
)
def test_hand_written_files(text: str, fast: bool) -> None:
    assert is_formatted(text) is fast
    assert round_trip_keeps(text) or not fast


def yaml_files() -> list[Path]:
    return sorted({*ROOT.glob("plans/**/*.yaml"), *ROOT.glob("tests/**/*.yaml"), *ROOT.glob("docs/**/*.yaml")})


def test_every_yaml_file_of_the_project() -> None:
    checked = 0
    for path in yaml_files():
        text = path.read_bytes().decode("utf-8", "replace")
        if is_formatted(text):
            assert round_trip_keeps(text), path
            checked += 1
    assert checked > 20  # the quick check knows most of the example plans


# --- fmt with and without the quick check ------------------------------------------------------


def fmt_both_ways(plan: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[object, object]:
    """``planverk fmt ARGS PLAN`` on two copies: with the quick check, and with it off."""
    results = []
    for quick in (True, False):
        copy = plan.parent / f"{plan.name}-{'quick' if quick else 'slow'}"
        shutil.copytree(plan, copy)
        with monkeypatch.context() as patch:
            if not quick:
                patch.setattr(fmt_module, "is_formatted", lambda text, events=None: False)
            result = run_cli("fmt", *args, str(copy))
        files = {p.name: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()}
        results.append((result.code, result.out.replace(copy.name, "PLAN"), result.err.replace(copy.name, "PLAN"), files))
    return results[0], results[1]


PLAN_YAML = "plan:\n  id: quick-2030\n  title: Rask plan\n  organisation: Gran kommune\n  language: nn\ninclude: [people.yaml]\n"
PEOPLE = "people:\n  - id: kari\n    name: Kari Nordmann\n    title: 'Rådgjevar'  # HR\n\n  - id: ola\n    name: Ola\n"


@pytest.mark.parametrize(
    "people",
    [
        PEOPLE,
        PEOPLE.replace("\n", "\r\n"),
        "\ufeff" + PEOPLE,
        PEOPLE.replace("  - id", "- id").replace("    ", "  "),
        PEOPLE.replace("'Rådgjevar'", "{ a: b }"),
        PEOPLE.replace("name: Ola\n", "name: Ola\n    tags:\n      -  # empty\n"),
        PEOPLE + "...\n",
    ],
)
@pytest.mark.parametrize("check", [True, False])
def test_fmt_says_and_writes_the_same_with_the_quick_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, people: str, check: bool
) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(PLAN_YAML, encoding="utf-8", newline="")
    (plan / "people.yaml").write_text(people, encoding="utf-8", newline="")
    quick, slow = fmt_both_ways(plan, monkeypatch, *(["--check"] if check else []))
    assert quick == slow


def test_example_plans_are_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for example in EXAMPLE_PLANS:
        shutil.copytree(example, tmp_path / example.name)
        quick, slow = fmt_both_ways(tmp_path / example.name, monkeypatch, "--check")
        assert quick == slow
