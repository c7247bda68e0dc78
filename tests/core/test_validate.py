"""Validation of incident text: every problem located at file:line:column with a stable code."""

from __future__ import annotations

import pytest

from incident.problems import Severity
from incident.validate import FileResult, check_text


def codes(result: FileResult) -> list[str]:
    return [p.code for p in result.problems]


def only_error(result: FileResult) -> tuple[str, int, int]:
    errors = [p for p in result.problems if p.severity is Severity.error]
    assert len(errors) == 1, [p.render() for p in result.problems]
    return errors[0].code, errors[0].line, errors[0].column


def test_minimal_file_is_valid(minimal_text: str) -> None:
    result = check_text(minimal_text, "m.yaml")
    assert result.ok, [p.render() for p in result.problems]
    assert result.incident is not None and result.incident.id == "test"


def test_unknown_field_points_at_the_key_and_suggests(minimal_text: str) -> None:
    text = minimal_text.replace("    title: Conversation starts", "    titel: Conversation starts")
    result = check_text(text, "m.yaml")
    messages = [p.render() for p in result.problems]
    assert any(
        "m.yaml:20:5: error[unknown-field]: unknown field 'titel' (did you mean 'title'?)" in m
        for m in messages
    ), messages


def test_a_field_in_the_wrong_place_names_where_it_belongs(minimal_text: str) -> None:
    text = minimal_text.replace("key_moments:", "t0: start\nkey_moments:", 1)
    result = check_text(text, "m.yaml")
    messages = [p.message for p in result.problems]
    assert any("it belongs under 'key_moments' (key_moments: {t0:" in m for m in messages), messages


def test_a_bad_length_lists_the_forms_and_shows_no_pattern(minimal_text: str) -> None:
    text = minimal_text.replace("key_moments:", "key_moments:", 1) + (
        "  - id: whole\n"
        "    title: The whole outage\n"
        "    kind: observation\n"
        "    claims:\n"
        "      - source: ap\n"
        "        quote: nearly three weeks\n"
        "        duration: {length: 3w, bound: at_most}\n"
    )
    result = check_text(text, "m.yaml")
    messages = [p.message for p in result.problems]
    assert any("length: '3w' is not a length of time such as" in m for m in messages), messages
    assert not any("^" in m or "[0-9]" in m for m in messages), messages


def test_missing_field_points_at_its_parent(minimal_text: str) -> None:
    text = minimal_text.replace("platform: X Spaces\n", "")
    code, line, column = only_error(check_text(text, "m.yaml"))
    assert (code, line, column) == ("missing-field", 1, 1)


def test_wrong_type_is_located(minimal_text: str) -> None:
    text = minimal_text.replace("kind: schedule", "kind: [schedule]")
    code, line, column = only_error(check_text(text, "m.yaml"))
    assert code in ("value", "type")
    assert (line, column) == (14, 11)


def test_bad_time_is_located_at_the_value(minimal_text: str) -> None:
    text = minimal_text.replace('at: "2024-08-12 20:00"', 'at: "2024-03-10 02:30"').replace(
        "zone: EDT}\n  - id: start", "zone: America/New_York}\n  - id: start"
    )
    result = check_text(text, "m.yaml")
    code, line, _ = only_error(result)
    assert code == "nonexistent-time"
    assert line == 18


def test_dangling_source_id_is_an_error_with_suggestion(minimal_text: str) -> None:
    text = minimal_text.replace("      - source: cnbc", "      - source: cnbcc")
    result = check_text(text, "m.yaml")
    problem = next(p for p in result.problems if p.code == "unknown-source")
    assert problem.line == 26
    assert "did you mean 'cnbc'" in problem.message
    assert not result.ok


def test_duplicate_event_id(minimal_text: str) -> None:
    text = minimal_text.replace("  - id: start", "  - id: sched")
    assert "duplicate-id" in codes(check_text(text))


def test_key_moment_to_missing_event(minimal_text: str) -> None:
    text = minimal_text.replace("actual_start: start", "actual_start: begin")
    problem = next(p for p in check_text(text).problems if p.code == "unknown-event")
    assert problem.line == 7


def test_uncited_source_is_a_warning(minimal_text: str) -> None:
    text = minimal_text.replace(
        "sources:\n",
        "sources:\n  - {id: bbc, publisher: BBC, url: 'https://b.example', language: en}\n",
    )
    result = check_text(text)
    assert result.ok
    assert [(p.code, p.severity) for p in result.problems] == [("uncited-source", Severity.warning)]


def test_relative_time_cycle_is_an_error(minimal_text: str) -> None:
    text = minimal_text.replace(
        'time: {kind: exact, at: "2024-08-12 20:00", zone: EDT}',
        "time: {kind: exact, relative_to: start, offset: -42m}",
    ).replace(
        'time: {kind: exact, at: "2024-08-12 20:42", zone: EDT}',
        "time: {kind: exact, relative_to: sched, offset: 42m}",
    )
    assert "relative-cycle" in codes(check_text(text))


def test_javascript_url_is_refused(minimal_text: str) -> None:
    text = minimal_text.replace('"https://example.com/a"', '"javascript:alert(1)"')
    code, line, _ = only_error(check_text(text))
    assert code == "value" and line == 9


def test_claim_time_fields_must_fit_kind(minimal_text: str) -> None:
    text = minimal_text.replace(
        'time: {kind: about, at: "2024-08-12 20:45", zone: ET}', "time: {kind: about}"
    )
    code, line, _ = only_error(check_text(text))
    assert code == "value" and line == 28


def test_counts_must_be_finite(minimal_text: str) -> None:
    text = minimal_text.replace(
        "        quote: around 8:45 pm E.T.\n",
        "        quote: around 8:45 pm E.T.\n        value: {amount: .nan, unit: listeners}\n",
    )
    assert not check_text(text).ok


def test_hostile_text_in_values_is_kept_verbatim(minimal_text: str) -> None:
    hostile = "[bold red]x[/] [@click=app.quit]q \\x1b[31m <script>|"
    text = minimal_text.replace("title: Test incident", f"title: '{hostile}'")
    result = check_text(text)
    assert result.ok and result.incident is not None
    assert result.incident.title == hostile


def test_problems_never_contain_raw_control_characters(minimal_text: str) -> None:
    text = minimal_text.replace("    titl", "    ti\x1b]0;x\x07tl", 1)
    for problem in check_text(text).problems:
        assert all(ch.isprintable() for ch in problem.render())


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("id: test", "id: Test!", "id: 'Test!' is not an id: lower-case letters"),
        (
            "{scheduled_start: sched,",
            "{scheduled_start: Sched,",
            "scheduled_start: 'Sched' is not an id",
        ),
        (
            "    kind: schedule\n",
            "    kind: schedule\n    tags: [Bad Tag]\n",
            "tags[0]: 'Bad Tag' is not an id",
        ),
        (
            'date: "2024-08-12"',
            'date: "12 Aug 2024"',
            "date: '12 Aug 2024' is not a date written YYYY-MM-DD",
        ),
        (
            "language: en}",
            "language: english1}",
            "language: 'english1' is not a BCP 47 language tag",
        ),
        (
            'url: "https://example.com/a"',
            'url: "ftp://example.com/a"',
            "url: 'ftp://example.com/a' is not an http:// or https:// URL",
        ),
        (
            'at: "2024-08-12 20:42"',
            'at: "8:42 pm"',
            "at: '8:42 pm' is not a time such as '2024-08-12 20:42'",
        ),
        (
            'at: "2024-08-12 20:45", zone: ET}',
            'at: "2024-08-12 20:45", zone: ET, margin: 5 minutes}',
            "margin: '5 minutes' is not a length of time such as '18m'",
        ),
    ],
)
def test_text_that_does_not_match_says_what_the_field_holds(
    minimal_text: str, old: str, new: str, message: str
) -> None:
    assert old in minimal_text
    result = check_text(minimal_text.replace(old, new, 1), "m.yaml")
    messages = [p.message for p in result.problems if p.code == "value"]
    assert any(m.startswith(message) for m in messages), messages


def test_a_control_or_bidi_character_prints_as_the_app_shows_it(minimal_text: str) -> None:
    from incident.formatting import one_line

    name = "evil\u202egpj.\x1b[2Jyaml\nnext"
    result = check_text(minimal_text.replace("platform: X Spaces\n", ""), name)
    (problem,) = result.problems
    shown = problem.render().split(":", 1)[0]
    assert shown == "evil<U+202E>gpj.␛[2Jyaml ⏎ next" == one_line(name)
