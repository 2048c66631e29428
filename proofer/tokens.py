"""Splits text into tokens and says which of them are words worth checking.

Newsroom text is full of things that look like words to a regex but are not:
"bl.a.", "(S)", "#val2026", "https://...", "08-123 45 67". Classifying them once,
here, keeps every checker from inventing its own idea of a word.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import NamedTuple

from proofer.text_cache import TextCache


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    URL = "url"
    EMAIL = "email"
    HASHTAG = "hashtag"
    MENTION = "mention"
    ABBREVIATION = "abbreviation"
    PARTY = "party"
    OTHER = "other"


class Token(NamedTuple):
    """One token; a named tuple rather than a frozen dataclass because a long article
    makes tens of thousands of them, and a tuple is built several times faster."""

    start: int
    end: int
    text: str
    kind: Kind

    @property
    def is_word(self) -> bool:
        return self.kind is Kind.WORD


# Order matters: the first alternative that matches at a position wins. "plain" is
# an ordinary word with nothing attached that could make it something else (a dot,
# @, a colon, a hyphen, a digit): most tokens, and without it every word would
# first be tried, and backtracked, as an e-mail address.
#
# The lookahead in front lets the scan skip a space or punctuation mark at once
# instead of trying every alternative there: each of them starts with a word
# character or one of # @ . + - (a third of the tokenizing time).
#
# An e-mail address starts where its run of [\w.+-] starts: tried at every position
# of a long run without an @ ("____…", a 1 MB paragraph of dots), the scan to its
# end made tokenizing quadratic (issue 13).
_TOKEN = re.compile(
    r"""
    (?=[\w\#@.+-])(?:
    (?P<plain>(?<!\()[^\W\d_]+(?![\w.@:'’/+-]))
  | (?P<url>(?:https?://|www\.)[^\s<>"”]+[^\s<>"”.,;:!?)\]]
        |(?<![\w.@-])[^\W\d_][\w-]*(?:\.[\w-]+)*\.(?-i:se|nu|com|org|net|eu|info|io|fi|no|dk|de)
          (?:/[^\s<>"”]*[^\s<>"”.,;:!?)\]])?(?![\w@-]|\.\w))
  | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>\#\w+)
  | (?P<mention>@\w+)
  | (?P<party>(?<=\()[A-ZÅÄÖ]{1,3}(?=\)))
  | (?P<abbreviation>(?:\w{1,4}\.){2,}
        |(?<![\w.])(?:osv|resp|ca|kl|nr|st|jfr|dvs|tel|forts|prof|doc|dir|ordf|etc|inkl
           |exkl|obs|enl|milj|mdr|tkr|mkr|kr|proc|uppl|fig|tab|ang|tf|vd|mr|mrs|dr)\.)
  | (?P<number>\d+(?:[.,]\d+)*-[^\W\d_]+(?:-[^\W\d_]+)*
        |\d+(?:[.,:/–-]\d+|[ \u00a0]\d+)+
        |\d+(?:[.,:]\d+)*(?::[a-zåäö]{1,3}\b|[a-zåäö]{1,3}\b)?)
  | (?P<word>[^\W\d_]+(?:[-'’:][^\W\d_]+)*)
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def tokenize(text: str) -> Iterator[Token]:
    """Yield tokens with code-point offsets into `text`."""
    return iter(_tokens(text))


def words(text: str) -> Iterator[Token]:
    return iter(_words(text))


# Every checker tokenizes the same paragraphs; tokens are immutable, so one memo
# serves them all. During an engine check (shared_per_check) it holds every
# paragraph of the check, so that each is tokenized once whatever the text's size
# (a bounded cache, walked in the same order by every checker, would have lost each
# paragraph before the next checker asked for it, and tokenized everything again
# per checker); it is dropped when the check ends. Outside a check, a small cache.
_shared: dict[str, tuple[Token, ...]] | None = None
_shared_words: dict[str, tuple[Token, ...]] | None = None
_checks = 0
_lock = threading.Lock()


@contextmanager
def shared_per_check() -> Iterator[None]:
    """Tokenize each paragraph once during this block (checks may nest or overlap:
    the memo lives until the last of them ends)."""
    global _shared, _shared_words, _checks
    with _lock:
        _checks += 1
        if _shared is None or _shared_words is None:
            _shared, _shared_words = {}, {}
    try:
        yield
    finally:
        with _lock:
            _checks -= 1
            if not _checks:
                _shared = _shared_words = None


def clear_caches() -> None:
    """Forget every tokenized text (benchmarks measuring a cold check)."""
    with _lock:
        _outside.clear()
        _outside_words.clear()
    if _shared is not None and _shared_words is not None:
        _shared.clear()
        _shared_words.clear()


def _tokens(text: str) -> tuple[Token, ...]:
    memo = _shared
    if memo is None:
        return _scan_cached(text)
    hit = memo.get(text)
    if hit is None:
        hit = memo[text] = _scan(text)
    return hit


def _words(text: str) -> tuple[Token, ...]:
    memo = _shared_words
    if memo is None:
        return _words_cached(text)
    hit = memo.get(text)
    if hit is None:
        word = Kind.WORD
        hit = memo[text] = tuple([t for t in _tokens(text) if t[3] is word])
    return hit


def _scan(text: str) -> tuple[Token, ...]:
    # One loop with the common case inline: a generator's resumption per token
    # cost a fifth of tokenizing.
    word = Kind.WORD
    new = _new_token
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "plain":  # the common case, matched first and cheaply
            start, end = m.span()
            append(new(Token, (start, end, m.group(), word)))
            continue
        tok = _other(m)
        if tok is not None:
            append(tok)
    return tuple(out)


# Outside a check: a small cache, bounded by the texts' total length as well
# (proofer.text_cache says why).
_outside: TextCache[tuple[Token, ...]] = TextCache(2048, 500_000)
_outside_words: TextCache[tuple[Token, ...]] = TextCache(2048, 500_000)


def _scan_cached(text: str) -> tuple[Token, ...]:
    with _lock:
        hit = _outside.get(text)
    if hit is None:
        hit = _scan(text)
        with _lock:
            _outside.put(text, hit)
    return hit


def _words_cached(text: str) -> tuple[Token, ...]:
    with _lock:
        hit = _outside_words.get(text)
    if hit is None:
        word = Kind.WORD
        hit = tuple([t for t in _scan_cached(text) if t[3] is word])
        with _lock:
            _outside_words.put(text, hit)
    return hit


_new_token = tuple.__new__  # Token's fields without NamedTuple's __new__ wrapper


_KINDS = {k.value: k for k in Kind}  # a dict look-up, not the Enum's call machinery


def _other(m: re.Match[str]) -> Token | None:
    kind = _KINDS[m.lastgroup or "other"]
    tok_text = m.group()
    if kind is Kind.NUMBER:
        # A number span must not swallow a trailing separator ("2019 -").
        stripped = tok_text.rstrip(" \u00a0.,:/–-")
        if not stripped:
            return None
        start = m.start()
        return _new_token(Token, (start, start + len(stripped), stripped, kind))
    return _new_token(Token, (m.start(), m.end(), tok_text, kind))


_SENTENCE_END = re.compile(r"[.!?:…]\s*$|^\s*[-–—”\"]?\s*$")


def other_script(word: str) -> bool:
    """A word with letters but none of them Latin ("Зеленський", "مرحبا", "東京"): a
    name or a quotation in its own script, which no Swedish word list can judge, so
    it is neither a misspelling nor a name to check (a Swedish article quotes such
    words beside their Swedish form: "Volodymyr Zelenskyj (Володимир Зеленський)")."""
    if word.isascii():
        return False
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and not any(c <= "\u024f" or "\u1e00" <= c <= "\u1eff"
                                     for c in letters)


# Characters that do not show and cut a word for the tokenizer: the soft hyphen and
# the zero-width space, non-joiner, joiner and word joiner, and a stray BOM.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def cut_word(text: str, start: int, end: int) -> bool:
    """A word token that is only part of what the writer typed as one word: a digit
    or an invisible character glued to it ("kö4pte", "kom\u200bmunen"). Judged on
    its own, a part gets corrections that damage the word when accepted."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isdigit() or after.isdigit() or before in INVISIBLE or after in INVISIBLE


def starts_sentence(text: str, offset: int) -> bool:
    """True where a capital at `offset` says nothing about being a name: the start
    of a paragraph, after . ! ? : or after a quote dash."""
    # _SENTENCE_END's meaning without the regex search (called for every
    # capitalised word by several checkers); tests/test_tokens.py holds them equal.
    before = text[max(0, offset - 40) : offset].rstrip()
    if not before or before[-1] in ".!?:…":
        return True
    return before[-1] in _OPENERS and not before[:-1].strip()


_OPENERS = "-–—”\""
