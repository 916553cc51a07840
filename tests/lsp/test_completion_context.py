"""Which key the cursor completes a value of (no server: :func:`argmap.lsp.completion.context` alone)."""

from __future__ import annotations

import time

from argmap.lsp.completion import context


def test_a_long_pasted_line_of_keys_is_read_at_once():
    """Completion runs on the server's thread at each space and comma: it must not hold it up.

    With an inline list's items allowed to hold anything but ``]``, every ``ref:`` of this 150 kB
    line was read to the line's end (43 s; the limit below is a thousandfold slack on 0.01 s).
    """
    line = "x: " + "ref: [a, " * 16_000 + "ignore: [unanswered-objection, unsu"
    started = time.perf_counter()
    assert context(line, len(line)) == ("ignore", "unsu")
    assert time.perf_counter() - started < 5


def test_the_key_before_the_cursor_and_what_is_typed():
    assert context("    - ref: saf", 14) == ("ref", "saf")
    assert context("  evidence: [{text: x, source: sur", 34) == ("source", "sur")
    assert context("  ignore: [a-rule, b-rule, ", 27) == ("ignore", "")
    assert context("  claim: The reason", 19) is None
