"""Names and titles against the dictionaries: near-misses, known wrong forms, a title
or party letter that does not fit the person, and unknown names to verify.

A near-miss needs two things, never one: a dictionary form within a small edit
distance, AND evidence that the written word is not an ordinary word spelt right
(Hunspell does not know it; for names also a capital letter). That is what keeps
"höll" from becoming a surname while "Frderik Johanssomn" becomes "Fredrik
Johansson": one finding over the whole name, in the inflection the writer used.

Category choice: a wrong title (near-miss, or a title the person does not hold) is
`title`; a name near-miss and a wrong party letter after a name are `name` (the
party letter identifies the person, like the name does).
"""

from __future__ import annotations

import re
from collections import Counter
import sys
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from proofer.checkers.base import ParagraphChecker
from proofer.checkers.spelling import rank_suggestions
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.names.index import max_distance
from proofer.names.inflect import title_forms
from proofer.names.store import IMPLIED, TITLE, WRONG, Form, NameStore
from proofer.settings import Settings, config_dir
from proofer.speller import Speller
from proofer.tokens import Token, starts_sentence, words

ATTESTED_ZIPF = 2.0
_PARTY = re.compile(r"\s*\(([A-ZÅÄÖ]{1,3}(?:/[A-ZÅÄÖ]{1,3})?)\)")


@dataclass
class _Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    fid: int
    dist: int  # 0 for an exact match


def _with_case(suggestion: str, written: str) -> str:
    if written[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _attested(word: str) -> bool:
    """Common enough in real Swedish text (wordfreq) to be a word or name in its own
    right ("King", "Santa"), not a slip: typos have a frequency of about zero."""
    return zipf(word.lower()) >= ATTESTED_ZIPF


def _letter_bag_diff(a: str, b: str) -> int:
    """How many letters the two words do not share, order ignored: tells a swap
    ("Mikaesl" ~ "Mikaels") from a stray key ("Beustg" ~ "Beust", not "Beusts")."""
    ca, cb = Counter(a.lower()), Counter(b.lower())
    return sum(((ca - cb) + (cb - ca)).values())


def _suffix_len(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


class NameChecker(ParagraphChecker):
    name = "names"
    engine = "names"

    def __init__(self, store: NameStore, speller: Speller) -> None:
        self.store = store
        self.speller = speller
        speller.add_lookup(store.knows_word)  # a dictionary name is never a typo

    @classmethod
    def from_settings(cls, settings: Settings, speller: Speller) -> NameChecker:
        """Load every dictionary in merge order (cached); broken entries are reported
        on stderr by file and line and skipped, the rest loads."""
        store = NameStore.load(settings.dictionary_files(), config_dir() / "cache")
        for problem in store.problems:
            print(f"proofer: namnordlista: {problem}", file=sys.stderr)
        return cls(store, speller)

    def status(self) -> str:
        return "ok" if self.store.entries else "unavailable: inga namnordlistor inlästa"

    # -- evidence --------------------------------------------------------------
    def _known(self, word: str) -> bool:
        """Known to the speller (Hunspell, personal list or a dictionary name word)."""
        base = word.split(":")[0]
        if "-" in base:
            return all(self.speller.check(p) for p in base.split("-") if p)
        return self.speller.check(base) or self.speller.check(base.lower())

    def _name_candidate(self, tok: Token) -> bool:
        w = tok.text
        base = w.split(":")[0]
        return (len(base) >= 4 and base[0].isupper() and not base.isupper()
                and not self._known(w) and not _attested(base))

    def _title_candidate(self, tok: Token) -> bool:
        w = tok.text
        return (len(w) >= 4 and not w.isupper() and ":" not in w and not self._known(w)
                and not _attested(w))

    # -- matching --------------------------------------------------------------
    def _gap_ok(self, text: str, toks: list[Token], i: int, expected: str) -> bool:
        gap = text[toks[i].end:toks[i + 1].start]
        return gap.strip() == expected and len(gap) <= len(expected) + 2

    def _exact(self, text: str, toks: list[Token]) -> list[_Match]:
        store, out = self.store, []
        i = 0
        while i < len(toks):
            w = toks[i].text
            best: int | None = None
            for key in dict.fromkeys((w, w.lower())):
                for fid in store.by_first.get(key, ()):
                    f = store.forms[fid]
                    n = len(f.words)
                    if i + n > len(toks) or not self._fits_exact(text, toks, i, f):
                        continue
                    if best is None or self._better_exact(f, store.forms[best]):
                        best = fid
            if best is None:
                i += 1
                continue
            n = len(store.forms[best].words)
            out.append(_Match(i, i + n, best, 0))
            i += n
        return out

    @staticmethod
    def _better_exact(f: Form, g: Form) -> bool:
        def key(x: Form) -> tuple[int, int, int]:
            return (len(x.words), 0 if x.flags & WRONG else 1, 0 if x.flags & IMPLIED else 1)
        return key(f) > key(g)

    def _fits_exact(self, text: str, toks: list[Token], i: int, f: Form) -> bool:
        for j, word in enumerate(f.words):
            t = toks[i + j].text
            if f.flags & TITLE:
                if t.lower() != word:
                    return False
            elif t != word:
                return False
            if j and not self._gap_ok(text, toks, i + j - 1, f.gaps[j - 1]):
                return False
        return True

    def _fuzzy(self, text: str, toks: list[Token], i: int, exact_at: list[_Match | None],
               title: bool) -> list[_Match]:
        store = self.store
        index, vocab = ((store.title_index, store.title_vocab) if title
                        else (store.name_index, store.name_vocab))
        out = []
        for vw, _d in index.lookup(toks[i].text):
            for fid, pos in vocab[vw]:
                f = store.forms[fid]
                s, n = i - pos, len(f.words)
                if s < 0 or s + n > len(toks):
                    continue
                total = 0
                for j, word in enumerate(f.words):
                    k = s + j
                    t = toks[k].text
                    if j and not self._gap_ok(text, toks, k - 1, f.gaps[j - 1]):
                        break
                    other = exact_at[k]
                    if other is not None and store.forms[other.fid].entry != f.entry and \
                            other.end - other.start > 1:
                        break  # part of another known multi-word name
                    if (t.lower() == word.lower()) if title else (t == word):
                        continue
                    if k != i and not (self._title_candidate(toks[k]) if title
                                       else self._name_candidate(toks[k])):
                        break
                    d = OSA.distance(t.lower(), word.lower())
                    # Beside a matching word, a 4-letter word may carry one slip too.
                    if d > max(max_distance(t), 1 if k != i and len(t) >= 4 else 0):
                        break
                    total += d
                else:
                    if total:
                        out.append(_Match(s, s + n, fid, total))
        return out

    def _rank(self, m: _Match, toks: list[Token]) -> tuple:
        f = self.store.forms[m.fid]
        written = " ".join(t.text for t in toks[m.start:m.end])
        return (-(m.end - m.start), m.dist, _letter_bag_diff(written, f.text),
                abs(len(written) - len(f.text)), 1 if f.flags & IMPLIED else 0, f.entry)

    def _speller_prefers(self, word: str, dist: int, suggestion: str) -> bool:
        """True when an ordinary word is a better reading of `word` than the name/title."""
        cands = rank_suggestions(word, self.speller.suggest(word))[:3]
        for c in cands:
            if c.lower() == suggestion.lower() or " " in c:
                continue
            d = OSA.distance(word.lower(), c.lower())
            if d < dist or (d == dist and zipf(c.lower()) >= 3.0
                            and zipf(c.lower()) > zipf(suggestion.lower()) + 1.0):
                return True
        return False

    # -- the pass --------------------------------------------------------------
    def check_paragraph(self, text: str) -> list[Finding]:
        toks = list(words(text))
        if not toks:
            return []
        exact = self._exact(text, toks)
        exact_at: list[_Match | None] = [None] * len(toks)
        for m in exact:
            for k in range(m.start, m.end):
                exact_at[k] = m
        fuzzy: list[_Match] = []
        for i, tok in enumerate(toks):
            if exact_at[i] is not None:
                continue
            cands: list[_Match] = []
            sentence_start = starts_sentence(text, tok.start)
            if self._name_candidate(tok):
                names = self._fuzzy(text, toks, i, exact_at, title=False)
                if names and sentence_start:
                    best = min(names, key=lambda m: self._rank(m, toks))
                    if self._speller_prefers(tok.text, best.dist,
                                             self.store.forms[best.fid].text):
                        names = []
                cands.extend(names)
            if self._title_candidate(tok):
                titles = self._fuzzy(text, toks, i, exact_at, title=True)
                if titles:
                    best = min(titles, key=lambda m: self._rank(m, toks))
                    if self._speller_prefers(tok.text, best.dist,
                                             self.store.forms[best.fid].text):
                        titles = []
                cands.extend(titles)
            if cands:
                fuzzy.append(min(cands, key=lambda m: self._rank(m, toks)))
        findings: list[Finding] = []
        taken: list[_Match] = []
        for m in sorted(fuzzy, key=lambda m: self._rank(m, toks)):
            if any(m.start < t.end and t.start < m.end for t in taken):
                continue
            taken.append(m)
            findings.append(self._near_miss(text, toks, m))
        in_fuzzy = {k for m in taken for k in range(m.start, m.end)}
        for m in exact:
            if any(k in in_fuzzy for k in range(m.start, m.end)):
                continue
            findings.extend(self._exact_findings(text, toks, m, exact_at))
        for i, tok in enumerate(toks):
            if (exact_at[i] is None and i not in in_fuzzy and self._name_candidate(tok)
                    and not starts_sentence(text, tok.start)):
                findings.append(Finding(tok.start, tok.end, tok.text, Category.NAME,
                                        "names.unknown", "Okänt namn – kontrollera stavningen",
                                        (), Severity.INFO))
        return findings

    # -- findings --------------------------------------------------------------
    def _span(self, text: str, toks: list[Token], m: _Match) -> tuple[int, int, str]:
        a, b = toks[m.start].start, toks[m.end - 1].end
        return a, b, text[a:b]

    def _near_miss(self, text: str, toks: list[Token], m: _Match) -> Finding:
        f = self.store.forms[m.fid]
        entry = self.store.entry_of(f)
        a, b, written = self._span(text, toks, m)
        suggestion = _with_case(f.text, written)
        if f.flags & TITLE and entry.kind == "title":
            return Finding(a, b, written, Category.TITLE, "titles.near-miss",
                           f"Titeln stavas {suggestion}", (suggestion,))
        kind = {"person": "namn", "organization": "namn", "place": "ortnamn"}.get(entry.kind,
                                                                                 "namn")
        return Finding(a, b, written, Category.NAME, "names.near-miss",
                       f"Okänt {kind} – menade du {suggestion}?", (suggestion,))

    def _exact_findings(self, text: str, toks: list[Token], m: _Match,
                        exact_at: list[_Match | None]) -> list[Finding]:
        f = self.store.forms[m.fid]
        entry = self.store.entry_of(f)
        a, b, written = self._span(text, toks, m)
        if f.flags & WRONG:
            suggestion = _with_case(f.text, written)
            cat = Category.TITLE if entry.kind == "title" else Category.NAME
            return [Finding(a, b, written, cat, "names.wrong-form",
                            f"Skrivs {suggestion} enligt namnordlistan", (suggestion,))]
        if entry.kind != "person" or f.flags & IMPLIED:
            return []
        out = []
        if entry.titles and m.start > 0:
            prev = exact_at[m.start - 1]
            if prev is not None and self._gap_ok(text, toks, m.start - 1, ""):
                out.extend(self._title_fact(text, toks, prev, entry))
        if entry.party:
            pm = _PARTY.match(text, b)
            if pm and pm.group(1) != entry.party:
                out.append(Finding(pm.start(1), pm.end(1), pm.group(1), Category.NAME,
                                   "names.party",
                                   f"{entry.name} tillhör {entry.party} enligt namnordlistan",
                                   (entry.party,), Severity.WARNING))
        return out

    def _title_fact(self, text: str, toks: list[Token], prev: _Match, person) -> list[Finding]:
        """A title of the same family as one the person holds, but not theirs:
        "utrikesminister Anna Hallberg" for a utrikeshandelsminister. A generic form
        ("ministern", "chefen") is not wrong, and neither is an unrelated role."""
        tf = self.store.forms[prev.fid]
        tentry = self.store.entry_of(tf)
        if not (tf.flags & TITLE) or tf.flags & WRONG or tentry.kind != "title":
            return []
        written_base = tentry.name.lower()
        held = [t.lower() for t in person.titles]
        if written_base in held or any(written_base in title_forms(h) for h in held):
            return []
        for h in held:
            if (_suffix_len(h, written_base) >= 3 and not h.endswith(written_base)
                    and not written_base.endswith(h)):
                a, b, written = self._span(text, toks, prev)
                forms = title_forms(h)
                sugg = forms[tf.paradigm] if 0 <= tf.paradigm < len(forms) else h
                sugg = _with_case(sugg, written)
                return [Finding(a, b, written, Category.TITLE, "titles.not-held",
                                f"{person.name} är {h} enligt namnordlistan", (sugg,),
                                Severity.WARNING)]
        return []
