"""The runner's own pieces, without a browser: step parsing, the call log, the diff and its messages."""

from __future__ import annotations

import pytest

from .runner import Frame, app_names, compare, parse_step, steps_of
from .snapshot import call_log, diff


def test_parse_step_takes_options_only_where_the_verb_does() -> None:
    assert parse_step(("click", "btn"), "s") == ("click", ["btn"], {})
    assert parse_step(("click", {"type": "b", "index": 1}), "s") == ("click", [{"type": "b", "index": 1}], {})
    assert parse_step(("click", "btn", {"wait": False}), "s") == ("click", ["btn"], {"wait": False})
    assert parse_step(("type", "f", "x", {"enter": True}), "s") == ("type", ["f", "x"], {"enter": True})
    assert parse_step(("reload",), "s") == ("reload", [], {})
    with pytest.raises(ValueError, match="takes no option"):
        parse_step(("click", "btn", {"enter": True}), "s")
    with pytest.raises(ValueError, match="not a step"):
        parse_step(("hover", "btn"), "s")
    with pytest.raises(ValueError, match="takes 2 argument"):
        parse_step(("type", "f"), "s")


def test_every_app_has_valid_steps() -> None:
    names = app_names()
    assert "_shim" not in names and len(names) >= 13
    for name in names:
        assert isinstance(steps_of(name), list)


def test_call_log_groups_calls_per_name_in_order() -> None:
    lines = ['["a", [1]]', '["b", [null]]', '["a", [2]]']
    assert call_log(lines) == {"a": [[1], [2]], "b": [[None]]}


def test_diff_lists_only_differing_keys_with_absent_sides() -> None:
    assert diff({"x": 1, "y": 2}, {"x": 1, "y": 3, "z": 4}) == [("y", 2, 3), ("z", "<absent>", 4)]


def test_compare_names_the_step_and_both_sides() -> None:
    left = [Frame(None, -1, {"out": {"text": "0"}}, {"f": [[None]]}),
            Frame(("click", "btn"), 0, {"out": {"text": "1"}}, {"f": [[None], [1]]})]
    same = [Frame(f.step, f.index, dict(f.snapshot), dict(f.calls)) for f in left]
    assert compare("app", "dash", left, "propwire", same) is None
    other = [left[0], Frame(("click", "btn"), 0, {"out": {"text": "1"}}, {"f": [[None], [1], [1]]})]
    message = compare("app", "dash", left, "propwire", other)
    assert message is not None
    assert "app: step 0 ('click', 'btn') differs" in message
    assert "[[None], [1]]" in message and "[[None], [1], [1]]" in message
    failed = [left[0], Frame(("click", "btn"), 0, error="no component with id 'btn'")]
    assert "no component with id 'btn'" in (compare("app", "dash", left, "propwire", failed) or "")


def test_calls_within_a_frame_compare_in_any_order_but_not_across_frames() -> None:
    def trace(*logs: list) -> list[Frame]:
        return [Frame(step=None if i == 0 else ("click", "b"), index=i - 1, calls={"slow": log})
                for i, log in enumerate(logs)]

    # three rapid clicks answered in one frame: the threads may log them in any order
    assert compare("app", "a", trace([[0]], [[0], [1], [2], [3]]), "b", trace([[0]], [[0], [2], [1], [3]])) is None
    # but a call moved to another frame, or a different call, is a difference
    assert compare("app", "a", trace([[0]], [[0], [1]]), "b", trace([[0], [1]], [[0], [1]])) is not None
    assert compare("app", "a", trace([[0]], [[0], [1]]), "b", trace([[0]], [[0], [2]])) is not None
    # calls that raced in one frame keep the order they were compared in when a later frame adds one (the
    # client_store_written_at_load flake: Dash logged the load's two calls the other way round under load)
    assert compare("app", "a", trace([[1], [0]], [[1], [0], [2]]), "b", trace([[0], [1]], [[0], [1], [2]])) is None
    assert compare("app", "a", trace([[1], [0]], [[1], [0], [2]]), "b", trace([[0], [1]], [[0], [1], [3]])) is not None


def test_calls_at_end_compares_only_the_last_frames_calls_as_multisets() -> None:
    def trace(*logs: list) -> list[Frame]:
        return [Frame(step=None if i == 0 else ("click", "b"), index=i - 1, calls={"f": log})
                for i, log in enumerate(logs)]

    racy_a, racy_b = trace([[0]], [[0], [1]], [[0], [1], [2]]), trace([[0]], [[0]], [[0], [2], [1]])
    assert compare("app", "a", racy_a, "b", racy_b) is not None  # a call landed a frame later
    assert compare("app", "a", racy_a, "b", racy_b, calls_at_end=True) is None
    assert compare("app", "a", racy_a, "b", trace([[0]], [[0]], [[0], [2]]), calls_at_end=True) is not None


def test_page_gets_name_requests_the_runners_page_did_not_make() -> None:
    from . import page_gets

    own = {"path": "/", "headers": {"sec-fetch-mode": "navigate", "x-parity-page": "propwire"}}
    other = {"path": "/", "headers": {"sec-fetch-mode": "navigate", "x-parity-page": "dash"}}
    probe = {"path": "/", "headers": {}}
    prefetch = {"path": "/", "headers": {"sec-purpose": "prefetch", "x-parity-page": "propwire"}}
    assert page_gets.foreign("propwire", [own, own]) is None
    assert "(sent by the dash page)" in (page_gets.foreign("propwire", [own, other]) or "")
    assert "(sent by no page of the runner's)" in (page_gets.foreign("propwire", [probe]) or "")
    assert "(speculative: prefetch)" in (page_gets.foreign("propwire", [prefetch]) or "")
    assert page_gets.note("propwire", [own], 1) is None
    twice = page_gets.note("propwire", [own, own], 1) or ""
    assert twice.startswith("the propwire page was requested 2 times (the runner loaded it once): GET / {")
    assert '"x-parity-page": "propwire"' in twice


def test_compare_shows_each_sides_page_gets_with_a_difference() -> None:
    note = "the propwire page was requested 2 times (the runner loaded it once): GET / {}"
    left = [Frame(None, -1, {}, {"content": [[None]]})]
    right = [Frame(None, -1, {}, {"content": [[None], [None]]}, page_gets=note)]
    message = compare("app", "headless", left, "propwire in Chromium", right) or ""
    assert "calls content" in message and f"(propwire in Chromium: {note})" in message
    failed = [Frame(None, -1, error="dash page not quiet after 15 s", page_gets="the dash page was requested 0 times")]
    assert "(dash: the dash page was requested 0 times)" in (compare("app", "dash", failed, "propwire", right) or "")
    # a note alone is no difference: same frames, no message
    assert compare("app", "a", right, "b", [Frame(None, -1, {}, {"content": [[None], [None]]})]) is None


def test_a_failing_frames_note_says_the_server_restarted_or_exited() -> None:
    import subprocess
    import sys
    from types import SimpleNamespace

    from .runner import _page_gets_note

    ended = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    ended.wait()
    server = SimpleNamespace(proc=ended, restarts=["port 5: another process listens on it"],
                             page_requests=lambda: [], output=lambda limit: "Address already in use\n")
    note = _page_gets_note(SimpleNamespace(server=server, framework="dash", loads=1)) or ""
    assert note == ("the dash page was requested 0 times (the runner loaded it once): none; the dash server was "
                    "restarted: port 5: another process listens on it; the dash server has exited (3): "
                    "Address already in use")
