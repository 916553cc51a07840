"""Limits on input, so that no file can make argmap hang or run out of memory.

Each limit has a name, a value and a rule id; exceeding it is a load error (exit code 2) whose
message names the limit. The values are far above any hand-written argument: the largest real
maps (imports of debate databases) have tens of thousands of claims.
"""

from __future__ import annotations

#: Largest map file read, in bytes (32 MiB; a generated 100,000-claim map is about 25 MB).
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Most claims in one map.
MAX_CLAIMS = 200_000
#: Deepest nesting of claims below the thesis (premises of premises of ...).
MAX_CLAIM_DEPTH = 100
#: Most YAML nodes a document may expand to through aliases (against "billion laughs").
MAX_EXPANDED_NODES = 2_000_000
#: Deepest nesting of YAML lists and mappings. PyYAML 6.0.4's libyaml refuses more than 1,000 levels
#: with a message of its own (its scanner runs ahead of the parser, so earlier), and older ones
#: overflow the C stack near 25,000: at 500 argmap's own ``too-deep`` comes first with every PyYAML
#: the dependency range admits. Claims nest at most MAX_CLAIM_DEPTH (100) deep, which takes at most
#: 4 YAML levels each.
MAX_YAML_DEPTH = 500
#: Most problems reported for one file that cannot be loaded; the rest are counted.
MAX_LOAD_PROBLEMS = 100
#: Longest time a diagram layout may take, in seconds.
LAYOUT_TIMEOUT_SECONDS = 120.0
#: Longest wait, in seconds, for a reader of a FIFO named as the output (``-o pipe``); then the
#: write is refused with a message, rather than waiting forever.
FIFO_READER_WAIT_SECONDS = 2.0
#: Largest source text read for quote checking, in bytes (4 MiB; War and Peace is 3.2 MB). Preparing a
#: text for matching takes about 50 times its size in memory and 0.3 to 0.6 s per MiB (4 MiB: 210 MiB,
#: 1.2 to 2.5 s; benchmarks/source_limits_bench.py), so a larger file is refused by its size, unread.
MAX_SOURCE_BYTES = 4 * 1024 * 1024
#: Largest settings file (argmap.toml, pyproject.toml) read, in bytes.
MAX_SETTINGS_BYTES = 1024 * 1024
#: Most characters compared for "did you mean" hints in one file, about a second of work at worst: a
#: ref of 10 characters against 1,000 ids of about that length costs 20,000, so a map of that size
#: gets hints for its first 25 unknown refs. Past it, problems are still reported, without the hint.
SUGGESTION_BUDGET = 500_000
#: Most steps of difflib's matching spent on closest passages for the quotes of one map (some 70 ns
#: each: under a second). A quote of 50 words costs some thousands; one of 600 words against a text
#: of six repeated words, 6,500,000. Past it, the message says that the search stopped early.
CLOSEST_PASSAGE_STEPS = 10_000_000
#: Largest PNG the pure engine (graphviz-pure) is asked to draw, in pixels: it holds the image in
#: memory at some 8 bytes a pixel, so about 400 MB (a map of some 150 claims in a row). Larger
#: layouts are refused with a message naming SVG, --focus/--depth and the system engine.
MAX_PNG_PIXELS = 50_000_000
#: Longest layout time ``--timeout`` may ask for, in seconds (a day): a finite bound, so that ``inf``,
#: ``nan`` and ``1e309`` are refused with a message instead of overflowing the engine's timer.
MAX_LAYOUT_TIMEOUT_SECONDS = 86_400.0
#: Most processes ``check --jobs`` starts: each is a forked copy of argmap, and Python's process
#: pool starts them all at once, so ``--jobs 100000`` would exhaust the process table.
MAX_JOBS = 64
#: Most lines of text in one box of a diagram (claim text, marks, the evidence box each); the rest
#: is cut with a line that says so. Graphviz draws a label of more than 32,767 lines as an empty box
#: and exits 0; 200 lines of 36 characters hold 7,000 characters, more than any claim needs.
MAX_LABEL_LINES = 200
