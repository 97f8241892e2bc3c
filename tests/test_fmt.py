"""planverk fmt: one layout, nothing else changed, and a second run changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_PLANS, run_cli, run_cli_en
from planverk.edit.roundtrip import canonical, comments
from planverk.load.yamlsource import SourceMap, parse_text

MESSY_PLAN = """\
# Header comment: stays first.
plan:
    id: messy-2025
    title:   "Omstilling 2025"     # quoted, and stays quoted
    organisation: Eksempel kommune
    period: {start: 2025-01-01,   end: 2025-06-30}
include:
- people.yaml
"""

MESSY_PEOPLE = """\
people:
-   id: kari
    name: Kari Nordmann
    phone: '22 33 44 55'

    # Ola leads the union side.
-   id: ola
    name:    Ola Hansen
"""


def messy_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "messy"
    plan.mkdir()
    (plan / "plan.yaml").write_text(MESSY_PLAN, encoding="utf-8")
    (plan / "people.yaml").write_bytes(MESSY_PEOPLE.replace("\n", "\r\n").encode())
    return plan


def test_example_plans_are_already_formatted() -> None:
    result = run_cli_en("fmt", "--check", *map(str, EXAMPLE_PLANS))
    assert result.code == 0
    assert result.out.startswith("nothing to change: ") and result.out.endswith(" files in planverk's layout\n")


def test_fmt_writes_the_layout_and_keeps_comments_quotes_and_order(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    result = run_cli_en("fmt", str(plan))
    assert result.code == 0, result.err
    assert "reformatted" in result.out and "plan.yaml" in result.out and "people.yaml" in result.out
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == (
        "# Header comment: stays first.\n"
        "plan:\n"
        "  id: messy-2025\n"
        '  title: "Omstilling 2025"         # quoted, and stays quoted\n'
        "  organisation: Eksempel kommune\n"
        "  period: {start: 2025-01-01, end: 2025-06-30}\n"
        "include:\n"
        "  - people.yaml\n"
    )
    assert (plan / "people.yaml").read_bytes().decode() == (  # written on Windows: stays CR LF
        "people:\r\n"
        "  - id: kari\r\n"
        "    name: Kari Nordmann\r\n"
        "    phone: '22 33 44 55'\r\n"
        "\r\n"
        "    # Ola leads the union side.\r\n"
        "  - id: ola\r\n"
        "    name: Ola Hansen\r\n"
    )
    assert run_cli("validate", "--strict", str(plan)).code == 0


def test_fmt_keeps_each_files_line_ends_and_byte_order_mark(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    bom_crlf = "\ufeff" + MESSY_PLAN.replace("\n", "\r\n")
    (plan / "plan.yaml").write_bytes(bom_crlf.encode("utf-8"))
    assert run_cli("fmt", str(plan)).code == 0
    written = (plan / "plan.yaml").read_bytes()
    assert written.startswith("\ufeff# Header comment".encode("utf-8"))
    assert written.count(b"\r\n") == written.count(b"\n") > 5
    assert run_cli("fmt", "--check", str(plan)).code == 0
    assert run_cli("validate", "--strict", str(plan)).code == 0


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    run_cli_en("fmt", str(plan))
    again = run_cli_en("fmt", "--check", str(plan))
    assert (again.code, again.out) == (0, "nothing to change: 2 files in planverk's layout\n")
    written = run_cli_en("fmt", str(plan))
    assert (written.code, written.out) == (0, "nothing to change: 2 files in planverk's layout\n")


def test_check_lists_the_files_and_writes_nothing(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    before = {p.name: p.read_bytes() for p in plan.iterdir()}
    result = run_cli_en("fmt", "--check", str(plan))
    assert result.code == 1
    assert [line.rsplit("/", 1)[-1] for line in result.out.splitlines()[:2]] == ["plan.yaml", "people.yaml"]
    assert "2 files not in planverk's layout" in result.out
    assert {p.name: p.read_bytes() for p in plan.iterdir()} == before


def test_a_plan_that_cannot_be_read_is_refused_untouched(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    broken = MESSY_PEOPLE.replace("name:    Ola", "name: [Ola")
    (plan / "people.yaml").write_text(broken, encoding="utf-8")
    for check in ([], ["--check"]):
        result = run_cli_en("fmt", *check, str(plan))
        assert result.code == 2  # it could not be read: not a layout to change (1)
        assert "people.yaml:9:1: error PV001" in result.err and "nothing was formatted" in result.err
    missing = run_cli_en("fmt", "--check", str(plan / "gone.yaml"))
    assert missing.code == 2 and "PV010" in missing.err
    assert (plan / "people.yaml").read_text(encoding="utf-8") == broken


def test_several_plans_are_told_as_each_alone_a_broken_one_stopping_only_itself(tmp_path: Path) -> None:
    # A plan that cannot be read (a duplicate key, broken YAML, a missing folder) was the
    # last thing told: the plans after it went unchecked, and a plan formatted before it
    # was said to be left as 'nothing was formatted'.
    for folder in "abcd":
        (tmp_path / folder).mkdir()
    first = messy_plan(tmp_path / "a")
    broken = messy_plan(tmp_path / "b")
    (broken / "plan.yaml").write_text(MESSY_PLAN.replace("    organisation:", "    id: again\n    organisation:"),
                                      encoding="utf-8")
    last = messy_plan(tmp_path / "c")
    nynorsk = messy_plan(tmp_path / "d")
    (nynorsk / "plan.yaml").write_text(MESSY_PLAN.replace("include:", "    language: nn\ninclude:"),
                                       encoding="utf-8")
    missing = tmp_path / "nowhere"
    paths = [first, broken, last, missing, nynorsk]
    alone = [run_cli("fmt", "--check", str(path)) for path in paths]
    together = run_cli("fmt", "--check", *map(str, paths))
    summary = "filer er ikke i planverks oppsett"
    assert together.out == "".join(line for r in alone for line in r.out.splitlines(True)
                                   if "oppsett" not in line) + f"6 {summary}: kjør planverk fmt\n"
    assert together.err == "".join(r.err for r in alone)
    assert "PV002" in together.err and "PV010" in together.err
    assert together.code == max(r.code for r in alone) == 2
    written = run_cli("fmt", str(first), str(broken), str(last))
    assert written.code == 2 and written.out.count("formaterte") == 4
    assert run_cli("fmt", "--check", str(first), str(last)).code == 0
    assert "would reformat" in run_cli("fmt", "--check", "--lang", "en", str(nynorsk), str(broken)).out


def test_plans_of_maps_changed_files_to_their_plans(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    shutil.copy(plan / "plan.yaml", tmp_path / "not-a-plan.yaml")
    result = run_cli_en("fmt", "--check", "--plans-of", str(plan / "people.yaml"), str(plan / "plan.yaml"))
    assert result.code == 1
    assert result.out.count("would reformat") == 2
    assert run_cli_en("fmt", "--check", "--plans-of", str(tmp_path / "not-a-plan.yaml")).code == 0
    quiet = run_cli("validate", "--plans-of", str(tmp_path / "not-a-plan.yaml"))
    assert (quiet.code, quiet.out) == (0, "")


# --- Any layout: same data, comments kept, stable -------------------------------------

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=8)
SCALARS = st.one_of(
    WORDS,
    st.builds(lambda a, b: f"{a} {b}", WORDS, WORDS),
    st.integers(0, 9999).map(str),
    st.sampled_from(["2025-02-12", "08:30-10:00", '"17:00"', "'0301'", "NO", "true", "~"]),
)
NODES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3),
        st.dictionaries(WORDS, children, min_size=1, max_size=3),
    ),
    max_leaves=12,
)


@st.composite
def layouts(draw: st.DrawFn) -> str:
    """A document written with random indentation, spacing, comments and blank lines."""
    lines: list[str] = []

    def comment() -> str:
        return f"  # {draw(WORDS)}" if draw(st.booleans()) else ""

    def emit(node: object, column: int) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if draw(st.integers(0, 4)) == 0:
                    lines.append("")
                if draw(st.integers(0, 4)) == 0:
                    lines.append(" " * column + f"# {draw(WORDS)}")
                if isinstance(value, str):
                    lines.append(" " * column + f"{key}:{' ' * draw(st.integers(1, 3))}{value}{comment()}")
                else:
                    lines.append(" " * column + f"{key}:{comment()}")
                    emit(value, column + draw(st.integers(1, 4)) if isinstance(value, dict) else column + draw(st.integers(0, 3)))
        elif isinstance(node, list):
            for value in node:
                gap = draw(st.integers(1, 3))
                if isinstance(value, str):
                    lines.append(" " * column + "-" + " " * gap + value + comment())
                elif isinstance(value, dict):
                    lines.append(" " * column + "-" + " " * gap + "{}" if not value else " " * column + "-")
                    emit(value, column + 1 + gap)
                else:
                    lines.append(" " * column + "-" + comment())
                    emit(value, column + 1 + gap)

    root = draw(st.dictionaries(WORDS, NODES, min_size=1, max_size=4))
    emit(root, 0)
    return "\n".join(lines) + "\n"


def _data(text: str) -> object:
    loaded = parse_text(text, SourceMap("x.yaml"))
    assert not loaded.findings
    return loaded.data


@settings(max_examples=60, deadline=None)
@given(layouts())
def test_any_layout_formats_to_the_same_data_stably(text: str) -> None:
    formatted = canonical(text)
    assert _data(formatted) == _data(text)
    assert canonical(formatted) == formatted


@settings(max_examples=60, deadline=None)
@given(layouts())
def test_comments_are_found_wherever_they_are(text: str) -> None:
    written = [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]
    assert [c.lstrip("#").strip() for c in comments(text)] == written


def test_a_file_whose_comment_ruamel_would_drop_is_left_alone(tmp_path: Path) -> None:
    plan = messy_plan(tmp_path)
    odd = "plan:\n  notes:\n    -\n      - a\n      - ~\n\n# keep me\ninclude:\n- people.yaml\n"
    (plan / "plan.yaml").write_text(odd, encoding="utf-8")
    result = run_cli_en("fmt", str(plan))
    assert f"{plan / 'plan.yaml'}:7:1: formatting would drop the comment '# keep me' where it stands" in result.err
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == odd
    assert "reformatted" in result.out and "people.yaml" in result.out
    # fmt could not do its job on that file: never a silent success, in either mode
    assert result.code == 2


def test_check_fails_on_a_file_it_cannot_vouch_for(tmp_path: Path) -> None:
    # --check passed (exit 0) a file it left alone because formatting would drop a comment
    plan = messy_plan(tmp_path)
    run_cli("fmt", str(plan))
    odd = "\ufeffplan:\r\n  notes:\r\n  -\r\n    - a\r\n    - ~\r\n\r\n  # behald\r\ninclude:\r\n- people.yaml\r\n"
    (plan / "plan.yaml").write_bytes(odd.encode("utf-8"))
    result = run_cli("fmt", "--check", str(plan), "--lang", "nn")
    assert result.code == 2
    assert f"{plan / 'plan.yaml'}:7:3: formateringa ville fjerne kommentaren '# behald'" in result.err
    assert "would reformat" not in result.out and "nothing to change" not in result.out
    assert (plan / "plan.yaml").read_bytes() == odd.encode("utf-8")


def test_a_comment_above_an_item_of_a_flush_list_stays_at_the_items_indent(tmp_path: Path) -> None:
    # ruamel wrote each comment at the column it had: once the items were indented, a note
    # written above an item stood two columns left of it
    plan = messy_plan(tmp_path)
    flush = (
        "people:\n"
        "# leiinga\n"
        "- id: kari\n"
        "  name: Kari Nordmann\n"
        "  # telefon: 22 33 44 55\n"
        "# tillitsvalt\n"
        "\n"
        "- id: ola\n"
        "  # namn som i lønssystemet\n"
        "  name: Ola Hansen\n"
        "# siste linje\n"
    )
    (plan / "people.yaml").write_bytes(("\ufeff" + flush.replace("\n", "\r\n")).encode("utf-8"))
    assert run_cli("fmt", str(plan)).code == 0
    assert (plan / "people.yaml").read_bytes().decode("utf-8") == "\ufeff" + (
        "people:\n"
        "  # leiinga\n"
        "  - id: kari\n"
        "    name: Kari Nordmann\n"
        "    # telefon: 22 33 44 55\n"
        "  # tillitsvalt\n"
        "\n"
        "  - id: ola\n"
        "    # namn som i lønssystemet\n"
        "    name: Ola Hansen\n"
        "# siste linje\n"
    ).replace("\n", "\r\n")
    again = run_cli_en("fmt", "--check", str(plan))
    assert (again.code, again.out) == (0, "nothing to change: 2 files in planverk's layout\n")


def test_comments_keep_their_place_relative_to_the_lines_they_stand_above() -> None:
    four = "plan:\n    id: x\n    # om tittelen\n    title: T\nitems:\n    -   a\n        # under a\n    # over b\n    -   b\n"
    assert canonical(four) == (
        "plan:\n  id: x\n  # om tittelen\n  title: T\nitems:\n  - a\n    # under a\n  # over b\n  - b\n"
    )


def test_a_flow_item_ending_in_a_comment_under_a_comment_keeps_the_next_items_lines(tmp_path: Path) -> None:
    # ruamel wrote the block item after '- {...}  #' (in a list with a comment above it) as
    # '- id: b title: B': fmt crashed on its own output, or would have written broken YAML
    plan = messy_plan(tmp_path)
    (plan / "plan.yaml").write_text(MESSY_PLAN.replace("include:", "    language: nn\ninclude:"), encoding="utf-8")
    events = (
        "events:\n"
        "# møta\n"
        "- {id: a, title: Møte A, date: 2025-02-03}  #\n"
        "- {id: c, title: Møte C, date: 2025-02-10}  # flytta\n"
        "- id: b\n"
        "  title: Møte B\n"
        "  date: 2025-03-03\n"
    )
    (plan / "events.yaml").write_bytes(("\ufeff" + events.replace("\n", "\r\n")).encode("utf-8"))
    (plan / "plan.yaml").write_text((plan / "plan.yaml").read_text(encoding="utf-8") + "- events.yaml\n",
                                    encoding="utf-8")
    assert run_cli("fmt", "--check", str(plan)).code == 1
    written = run_cli("fmt", str(plan))
    assert written.code == 0, written.err
    assert (plan / "events.yaml").read_bytes().decode("utf-8") == "\ufeff" + (
        "events:\n"
        "  # møta\n"
        "  - {id: a, title: Møte A, date: 2025-02-03} #\n"  # an end-of-line comment keeps its column
        "  - {id: c, title: Møte C, date: 2025-02-10} # flytta\n"
        "  - id: b\n"
        "    title: Møte B\n"
        "    date: 2025-03-03\n"
    ).replace("\n", "\r\n")
    assert run_cli("validate", str(plan)).code == 0
    again = run_cli_en("fmt", "--check", str(plan))
    assert (again.code, again.out) == (0, "nothing to change: 3 files in planverk's layout\n")


def test_output_that_would_not_read_back_leaves_the_file_alone(tmp_path: Path, monkeypatch) -> None:
    # Whatever the YAML library writes wrongly next, fmt reads its output back first: broken
    # YAML (two keys on one line) or other data is never written, and says where, in the
    # plan's language, with fmt's exit status for a file it cannot vouch for
    from planverk.edit import roundtrip

    plan = messy_plan(tmp_path)
    (plan / "plan.yaml").write_text(MESSY_PLAN.replace("include:", "    language: nn\ninclude:"), encoding="utf-8")
    people = (plan / "people.yaml").read_bytes()
    ruamels = roundtrip.dump
    for broken, where in (("ola\n    name", "ola name"), ("Ola Hansen", "Ola Hanssen")):
        monkeypatch.setattr(roundtrip, "dump", lambda *a, **k: ruamels(*a, **k).replace(broken, where))
        for check in ([], ["--check"]):
            result = run_cli("fmt", *check, str(plan))
            assert result.code == 2, result.err
            where_in_file = "7:1" if broken.startswith("ola") else "8:5"  # '-   id: ola' / its 'name'
            assert (f"{plan / 'people.yaml'}:{where_in_file}: formateringa ville skrive YAML som ikkje blir lesen attende"
                    in result.err), result.err
            assert "Traceback" not in result.err
            assert (plan / "people.yaml").read_bytes() == people
