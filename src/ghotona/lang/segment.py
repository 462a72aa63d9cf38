"""Bengali sentence segmentation with character offsets into the cleaned text.

Sentences end at দাঁড়ি (।), ``?``, ``!`` (or a run of them, with any closing quotes) and at
line breaks (paragraphs). A terminator inside an open quotation does not end the
sentence, so a quote and its reporting verb (… হবে," রাষ্ট্রদূত বলেন।) stay together.
Spans tile the text: between two sentences there is only white space.
"""

from __future__ import annotations

import regex

from ghotona.model import Sentence

TERMINATORS = frozenset("।?!॥")
OPEN_QUOTES = {"“": "”", "‘": "’", "«": "»"}
CLOSERS = frozenset("”’»\"')]")
CAPTION = regex.compile(r"(?:ফাইল\s+)?ছবি\s*:\s*\S+\s*$")
_SPECIAL = regex.compile("[" + regex.escape("".join(sorted(TERMINATORS | set(OPEN_QUOTES) | set(OPEN_QUOTES.values()) | {'"'}))) + "]")
_LINE = regex.compile(r"[^\n]+")


def _paragraph_kind(index: int, para: str) -> str:
    if CAPTION.search(para):
        return "caption"
    if index == 0 and len(para) < 200 and para.rstrip()[-1:] not in TERMINATORS:
        return "title"
    return "body"


def _stop_before(text: str, start: int, i: int) -> bool:
    """True when the last non-space character before ``i`` ends a sentence."""
    j = i - 1
    while j >= start and text[j].isspace():
        j -= 1
    return j >= start and text[j] in TERMINATORS


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside one paragraph ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    depth_curly: list[str] = []
    straight_open = False
    balanced = text.count('"', start, end) % 2 == 0
    sent_start = start
    i = start
    while i < end:
        m = _SPECIAL.search(text, i, end)  # only quotes and terminators change the state
        if m is None:
            break
        i = m.start()
        ch = text[i]
        closes_after_stop = False
        if ch in OPEN_QUOTES:
            depth_curly.append(OPEN_QUOTES[ch])
        elif depth_curly and ch == depth_curly[-1]:
            depth_curly.pop()
            closes_after_stop = not depth_curly and not straight_open and _stop_before(text, sent_start, i)
        elif ch == '"' and balanced:
            straight_open = not straight_open
            closes_after_stop = not straight_open and not depth_curly and _stop_before(text, sent_start, i)
        if closes_after_stop or (ch in TERMINATORS and not depth_curly and not straight_open):
            j = i + 1
            while j < end and (text[j] in TERMINATORS or text[j] in CLOSERS):
                j += 1
            spans.append((sent_start, j))
            while j < end and text[j].isspace():
                j += 1
            sent_start = j
            i = j
            continue
        i += 1
    if sent_start < end:
        tail_end = end
        while tail_end > sent_start and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > sent_start:
            spans.append((sent_start, tail_end))
    return spans


# A related-story headline pasted into the body without a stop ("…, বললেন বাইডেন এদিকে …"):
# the headline ends before the word that opens a new thread of the story.
_GLUED_HEADLINE = regex.compile(r",\s*(?:বললেন|বলেছেন|জানালেন|জানিয়েছেন)(?:\s+[\p{L}\p{M}.]+){1,3}?\s+"
                                r"(?=(?:এদিকে|অন্যদিকে|ওদিকে)\s)")


def _unglue(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at each glued headline's end (the span is returned whole when there is none)."""
    out: list[tuple[int, int]] = []
    s = start
    if "দিকে" in text[start:end]:
        for m in _GLUED_HEADLINE.finditer(text, start, end):
            cut = m.end()
            e = cut
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((s, e))
            s = cut
    out.append((s, end))
    return out


def segment(text: str) -> list[Sentence]:
    """All sentences of ``text``, in order, with ``text[s.start:s.end] == s.text``."""
    sentences: list[Sentence] = []
    for p_index, m in enumerate(_LINE.finditer(text)):
        p_start, p_end = m.span()
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        if p_start >= p_end:
            continue
        kind = _paragraph_kind(p_index, text[p_start:p_end])
        for s, e in (piece for span in _split_paragraph(text, p_start, p_end) for piece in _unglue(text, *span)):
            sentences.append(Sentence(index=len(sentences), start=s, end=e, text=text[s:e],
                                      paragraph=p_index, kind=kind))  # type: ignore[arg-type]
    return sentences
