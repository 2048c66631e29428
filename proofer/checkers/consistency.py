"""Consistency inside one article: a word one letter away from a form the same
article uses elsewhere ("regleringen" in a text about "regeringen").

Such slips are usually real words, so the speller is silent; the article itself is
the evidence. To keep two legitimate words that happen to be close ("ligger" and
"lägger" in one text) from being reported, the slip must occur once, be rarer
(Swedish word frequency) by a clear margin or unknown to the speller, and must not
be an inflection of the other form ("exportstrategi"/"exportstrategin").
Inflections are compared by stem, so "expertstrategi" next to "exportstrategin"
is caught and gets the suggestion in its own inflection: "exportstrategi".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.morphology import lexicon
from proofer.speller import Speller
from proofer.tokens import starts_sentence, words

MIN_LENGTH = 5
MIN_STEM = 4
# A known word is a slip only if the other form is this much more common (Zipf).
KNOWN_MARGIN = 1.8
# Prefixes differ in the first letters ("anför"/"inför" are both common verbs), so
# an edit there needs stronger evidence.
FIRST_LETTER_MARGIN = 2.8
# Two compounds too rare for word frequency to judge ("expertstrategi" vs
# "exportstrategi"): the article decides, by how often it uses the part that differs.
LONG_COMPOUND = 9
RARE_COMPOUND_ZIPF = 1.5
MIN_PART_SUPPORT = 3
# Inflectional endings stripped before comparing (longest first).
SUFFIXES = ("erna", "arna", "orna", "ens", "ets", "en", "et", "na", "ns", "er", "ar", "or",
            "n", "t", "s", "a", "e")

# For "are these the same word": verb and adjective endings too.
BROAD_SUFFIXES = SUFFIXES + ("as", "ats", "ades", "ade", "ad", "at", "de", "des", "te", "tes",
                             "it", "its", "ts", "da", "dd", "ande", "ende", "are", "ast", "aste",
                             "iga", "igt", "ig", "ra", "ta", "tt", "d")

# (document, flagged word, suggestion) and documents that must not fire.
# tests/test_consistency.py runs all of them.
EXAMPLES_WRONG: list[tuple[str, str, str]] = [
    ("Exporten ökar. Den nationella exportstrategin gynnar exportföretagen. "
     "Regionens expertstrategi bygger på den.", "expertstrategi", "exportstrategi"),
    ("Regeringen har sagt nej. Nu kan regleringen tvingas till ett beslut.",
     "regleringen", "regeringen"),
    ("Flyget går mellan Visby och Malmö. Resorna sker möllan flera städer.", "möllan", "mellan"),
    ("Han skulle åka hem. Hon skalle stanna kvar.", "skalle", "skulle"),
    ("Det kostade 100 miljoner dollar. Tunneln kostade 103 miljoner dolkar.", "dolkar", "dollar"),
    ("FOV Fabrics visade fabriken. Fabrisc har vuxit snabbt.", "Fabrisc", "Fabrics"),
]
EXAMPLES_RIGHT: list[str] = [
    "Han sa det men man trodde honom inte. Den och det, han och hon.",
    "Exportstrategin är ny och exportstrategier finns i alla regioner.",
    "Bilen stod i garaget. Bilden visade bilen.",
    "Hon ligger sjuk. Han lägger sig. Hon ligger kvar och han lägger till.",
    "Exporten ökar. Experten på export talade om exportstrategin och expertgruppen.",
    "Det fanns tre. Nu finns två. Det är oklart men klart att det ska finnas fler.",
]


@dataclass
class _Form:
    text: str  # as first written in the document
    count: int = 0
    names: int = 0  # capitalised in mid-sentence: a name
    spans: list[tuple[int, int, str]] = field(default_factory=list)


class ConsistencyChecker(DocumentChecker):
    name = "consistency"
    engine = "consistency"

    def __init__(self, speller: Speller) -> None:
        self.speller = speller
        self._probe_index = _ProbeIndex()

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        forms: dict[str, _Form] = {}
        for para in paragraphs:
            for start, end, w, name in _paragraph_words(para.text):
                key = w.lower()
                form = forms.get(key)
                if form is None:
                    form = forms[key] = _Form(w)
                form.count += 1
                form.spans.append((para.start + start, para.start + end, w))
                form.names += name
        neighbours = self._probe_index.neighbours(forms)
        findings = []
        stop = lexicon().function_words
        for key, others in neighbours.items():
            form = forms[key]
            if form.count != 1 or key in stop:
                continue
            if form.names and self.speller.check(form.text):
                continue  # a known name or word written as a name: the name checker's job
            best = self._best_source(key, forms, others)
            if best is None:
                continue
            start, end, original = form.spans[0]
            source = forms[best].text if best in forms else best
            suggestion = _match_case(original, source)
            findings.append(Finding(
                start, end, original, Category.CONSISTENCY, "consistency.near-form",
                f"Texten skriver annars {suggestion} – menade du det?", (suggestion,),
                Severity.WARNING))
        return findings

    def _best_source(self, key: str, forms: dict[str, _Form],
                     others: set[str]) -> str | None:
        """The in-document form `key` is most likely a slip for, already in the
        flagged word's inflection, or None."""
        my_stems = _stems(key)
        related: set[str] = set()
        candidates: list[tuple[float, str]] = []
        for other in others:
            if _same_stem(key, other):
                related.add(other)
                continue
            for other_stem, other_suffix in _stems(other):
                for stem, suffix in my_stems:
                    if suffix != other_suffix and suffix and other_suffix:
                        continue  # "ligan"/"ligger": liga+n vs ligg+er are different words
                    if DamerauLevenshtein.distance(stem, other_stem) != 1:
                        continue
                    target = other_stem + suffix
                    if target != other and target not in forms and not self.speller.check(target):
                        # Only the other form itself is left: it must be one edit away
                        # as written ("segern" is not "säger" + n).
                        if DamerauLevenshtein.distance(key, other) != 1:
                            continue
                        target = other
                    candidates.append((zipf(target), target))
        known = self.speller.check(forms[key].text) or self.speller.check(key)
        mine = zipf(key)
        for score, target in sorted(candidates, reverse=True):
            if target in related:
                continue
            source = forms.get(target)
            name_like = bool(forms[key].names) or (
                forms[key].text[0].isupper() and not self.speller.check(key))
            if name_like != bool(source is not None and source.names):
                continue  # a name is only compared with names, a word with words
            margin = KNOWN_MARGIN if target[0] == key[0] else FIRST_LETTER_MARGIN
            if not known:
                if score > 0 or forms.get(target, _Form("")).count >= 2:
                    return target
            elif score - mine >= margin or (
                    len(key) >= LONG_COMPOUND and max(score, mine) < RARE_COMPOUND_ZIPF
                    and _document_backs(key, target, forms)):
                return target
        return None


def _document_backs(key: str, target: str, forms: dict[str, _Form]) -> bool:
    """True when the article often uses the stretch of `target` around the edit
    ("export" in exportinsatser, exportturné, ...) and never the slip's ("expert")."""
    i = next((k for k, (a, b) in enumerate(zip(key, target, strict=False)) if a != b),
             min(len(key), len(target)))
    lo = max(0, i - 3)
    mine, theirs = key[lo:i + 3], target[lo:i + 3]
    support_mine = sum(f.count for k, f in forms.items() if mine in k)
    support_theirs = sum(f.count for k, f in forms.items() if theirs in k)
    return support_mine <= 1 and support_theirs >= MIN_PART_SUPPORT


def _same_stem(a: str, b: str) -> bool:
    """Inflections or derivations of one word: "finns"/"finnas", "saknas"/"saknats",
    "klart"/"oklart"."""
    stems_a, stems_b = _broad_stems(a), _broad_stems(b)
    if stems_a & stems_b:
        return True
    return bool({"o" + s for s in stems_a} & stems_b or {"o" + s for s in stems_b} & stems_a)


# The caches below make a re-check after an edit cheap: an article's words and
# their derived keys are the same from one keystroke to the next.

@lru_cache(maxsize=20_000)
def _paragraph_words(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, word, 1 if written as a name) for the words worth comparing."""
    out = []
    for tok in words(text):
        w = tok.text
        if len(w) < MIN_LENGTH or not w.isalpha() or w.isupper():
            continue
        name = int(w[0].isupper() and not starts_sentence(text, tok.start))
        out.append((tok.start, tok.end, w, name))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _broad_stems(word: str) -> frozenset[str]:
    return frozenset({word} | {word[: -len(suf)] for suf in BROAD_SUFFIXES
                               if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM - 1})


@lru_cache(maxsize=100_000)
def _stems(word: str) -> tuple[tuple[str, str], ...]:
    out = [(word, "")]
    for suf in SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM:
            out.append((word[: -len(suf)], suf))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _probes(word: str) -> frozenset[str]:
    """Deletion neighbourhood of each stem: two stems one edit apart share a probe."""
    out = set()
    for stem, _ in _stems(word):
        out.add(stem)
        out.update(stem[:i] + stem[i + 1:] for i in range(len(stem)))
    return frozenset(out)


class _ProbeIndex:
    """Which words share a deletion probe, kept between checks: re-checking an
    edited article only indexes the words that are new, and each check is then
    one set intersection per word. Bounded: it starts over after MAX_INDEXED words."""

    MAX_INDEXED = 200_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: dict[str, list[str]] = {}
        self._near: dict[str, set[str]] = {}

    def neighbours(self, forms: dict[str, _Form]) -> dict[str, set[str]]:
        """For each form that occurs once, the other forms of this document whose
        stems share a deletion probe with its stems (candidates one edit away)."""
        with self._lock:
            if len(self._near) > self.MAX_INDEXED:
                self._index.clear()
                self._near.clear()
            near = self._near
            for key in forms.keys() - near.keys():
                mine = near[key] = set()
                for probe in _probes(key):
                    bucket = self._index.setdefault(probe, [])
                    for other in bucket:
                        mine.add(other)
                        near[other].add(key)
                    bucket.append(key)
            present = forms.keys()
            out: dict[str, set[str]] = {}
            for key, form in forms.items():
                if form.count == 1:
                    found = near[key] & present
                    if found:
                        out[key] = found
            return out


def _match_case(model: str, word: str) -> str:
    """The source form in the flagged word's case: "Mellan" at a sentence start
    suggests "mellan" mid-sentence, and a capitalised slip gets a capital."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]
