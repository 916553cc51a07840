"""The visible text of an HTML page, in one pass: tags dropped, entities decoded, scripts skipped.

Python's :class:`html.parser.HTMLParser` gives the same text for well-formed pages, but a tag or
comment left open makes it search to the end of the page again from every ``<`` that follows:
``"<a" * 100_000`` (200 kB) took 22 s, ``'<a x="' * 20_000`` 34 s. Here every search either
stops at the next ``<`` (tags) or is remembered (:class:`_Next`, for the ends of comments, of
declarations and of scripts), so no character is looked at more than a few times. Markup left
open is text up to the next ``>`` (or just its ``<`` if none follows), as the standard parser has
it; a ``<`` inside a quoted attribute value makes the tag text too. Example::

    >>> html_text("<p>Bring <em>home</em> America&rsquo;s forces.</p><script>x()</script>")
    '\\nBring home America’s forces.\\n'
    >>> html_text("<a" * 3)
    '<a<a<a'
"""

from __future__ import annotations

import re
from html import unescape

#: Elements that begin and end on a line of their own, so words on either side stay apart.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul".split()
)
#: Elements whose content is not text (and holds no tags: it ends at their end tag).
_SKIPPED = ("script", "style")
# A tag, up to its '>': neither it nor a quoted value in it may hold a '<', so that matching stops
# at the next '<' at the latest and the matches from all the '<' together read the page once.
_START_TAG = re.compile(r"""<([a-zA-Z][^\s/<>"']*)(?:[^<>"']|"[^"<]*"|'[^'<]*')*?(/?)>""")
_END_TAG = re.compile(r"</([a-zA-Z][^\s/<>]*)[^<>]*>")


class _Next:
    """Where ``pattern`` next matches at or after a position, for positions that only grow.

    The answer is remembered while it still lies ahead, and "nowhere" is remembered for good, so
    asking from every ``<`` of a page reads the page once in all.
    """

    def __init__(self, text: str, pattern: str) -> None:
        self.text, self.pattern = text, re.compile(pattern, re.IGNORECASE)
        self.start = self.end = -1

    def __call__(self, at: int) -> int:
        """The end of the next match at or after ``at``, or -1 if there is none."""
        if self.start < at and self.start != len(self.text):
            match = self.pattern.search(self.text, at)
            self.start, self.end = (match.start(), match.end()) if match else (len(self.text), -1)
        return self.end


def html_text(html: str) -> str:
    """The visible text of an HTML document, with a line break for each block element."""
    return _Reader(html).text()


class _Reader:
    def __init__(self, html: str) -> None:
        self.html = html
        self.parts: list[str] = []
        self.comment_end, self.cdata_end, self.tag_end = _Next(html, "--\\s*>"), _Next(html, "]]>"), _Next(html, ">")
        self.code_end = {name: _Next(html, f"</\\s*{name}\\s*>") for name in _SKIPPED}

    def text(self) -> str:
        html, parts = self.html, self.parts
        at, size = 0, len(html)
        while at < size:
            lt = html.find("<", at)
            if lt < 0:
                lt = size
            if lt > at:
                parts.append(unescape(html[at:lt]))
            if lt == size:
                break
            at = self.after_markup(lt)
        return "".join(parts)

    def after_markup(self, lt: int) -> int:
        """Handle the markup at ``html[lt] == "<"``; where the text goes on after it."""
        html, parts = self.html, self.parts
        follows = html[lt + 1 : lt + 2]
        end = -1
        if follows.isascii() and follows.isalpha():
            match = _START_TAG.match(html, lt)
            if match:
                name, closed = match.group(1).lower(), match.group(2)
                if name in _BLOCKS:
                    parts.append("\n\n" if closed else "\n")  # <br/> is a start and an end tag
                if name in _SKIPPED and not closed:
                    # Everything up to the end tag is code, not text; without one, the rest of the page.
                    end = self.code_end[name](match.end())
                    return len(html) if end < 0 else end
                return match.end()
        elif follows == "/":
            match = _END_TAG.match(html, lt)
            if match:
                if match.group(1).lower() in _BLOCKS:
                    parts.append("\n")
                return match.end()
            if not html[lt + 2 : lt + 3].isalpha():  # "</>" and "</ x>" are dropped, up to the next '>'
                end = self.tag_end(lt + 2)
        elif html.startswith("<!--", lt):
            end = self.comment_end(lt + 4)
        elif html.startswith("<![", lt):
            end = self.cdata_end(lt + 3)
        elif follows in ("!", "?"):  # <!DOCTYPE ...>, <?xml ...?>
            end = self.tag_end(lt + 2)
        if end >= 0:
            return end
        gt = self.tag_end(lt + 1)
        if gt < 0:  # no '>' ahead, so no markup either: the rest is text
            parts.append(unescape(html[lt:]))
            return len(html)
        if not (follows.isalpha() or follows in ("/", "!", "?")):  # not markup: text
            parts.append("<")
            return lt + 1
        # Markup left open is text up to the next '>', as the standard parser has it.
        parts.append(unescape(html[lt:gt]))
        return gt
