"""Consistency inside one article: a word one letter away from a form the same
article uses elsewhere ("regleringen" in a text about "regeringen").

Such slips are usually real words, so the speller is silent; the article itself is
the evidence. To keep two legitimate words that happen to be close ("ligger" and
"lägger" in one text) from being reported, the slip must occur once, be rarer
(Swedish word frequency) by a clear margin or unknown to the speller, and must not
be an inflection of the other form ("exportstrategi"/"exportstrategin") unless
the other form has none ("unders" next to "under"). Words under five letters take
part too, but only as rare slips for far more common words ("tilt" for "till").
Inflections are compared by stem, so "expertstrategi" next to "exportstrategin"
is caught and gets the suggestion in its own inflection: "exportstrategi".
"""

from __future__ import annotations

import threading
from collections import Counter
from itertools import combinations
from operator import itemgetter

from rapidfuzz.distance import DamerauLevenshtein

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity
from proofer.frequency import swedish_words, zipf
from proofer.morphology import lexicon
from proofer.speller import Speller
from proofer.tokens import cut_word, starts_sentence, words

MIN_LENGTH = 4
# Longer tokens are no words ("hahaha…" for a page): each form's probes grow with the
# square of its length (10,000 letters: gigabytes), so they take no part (issue 13).
MAX_LENGTH = 60
# Shorter words ("tilt" for "till") are mostly other words that happen to be
# near: a slip that short must be rare and its source far more common.
SHORT_WORD = 5
SHORT_MARGIN = 3.0
SHORT_MAX_ZIPF = 3.2
# ... and the source one of the most common words ("till", "från", "efter"). Short
# words in between are left out of the statistics altogether: they can be neither.
SHORT_SOURCE_ZIPF = 5.0
MIN_STEM = 4
# A known word is a slip only if the other form is this much more common (Zipf).
KNOWN_MARGIN = 1.8
# Prefixes differ in the first letters ("anför"/"inför" are both common verbs), so
# an edit there needs stronger evidence.
FIRST_LETTER_MARGIN = 2.8
# ... unless one consonant replaces another ("hannen"/"mannen", "velar"/"delar")
# in a rare word: prefixes vary in their vowels ("anför"/"inför"), not so.
CONSONANT_MARGIN = 2.2
RARE_SLIP_ZIPF = 3.0
# Prepositions, numerals and conjunctions do not inflect: a rare "form" of one
# ("unders" next to "under", "fyras" next to "fyra") is a slip. (Nouns, verbs
# and even pronouns do: "precisa" next to "precis", "dennas" next to "denna".)
RARE_INFLECTION_ZIPF = 3.0
INFLECTION_MARGIN = 2.5
_NUMERALS = frozenset("noll två tre fyra fem sex sju åtta nio tio elva tolv tjugo trettio "
                      "fyrtio femtio hundra tusen".split())
_CONJUNCTIONS = frozenset("och eller men att som inte utan samt medan eftersom sedan innan "
                          "tills".split())
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
    # Short words: the slip is rare, its source far more common.
    ("Det var bara en dag. Han var bura trött.", "bura", "bara"),
    # One consonant for another at the start of a rare word.
    ("Första gången gick bra. Den här tången gick det sämre.", "tången", "gången"),
    # A "form" of a word that does not inflect.
    ("Sedan dess har hon bott här. Hon flyttade sedans till Umeå.", "sedans", "sedan"),
    ("Under natten var det kallt. Det blev varmt unders dagen.", "unders", "under"),
]
EXAMPLES_RIGHT: list[str] = [
    # a word cut by an invisible character: its parts are no forms of the article
    "Han bor i kom\u200bmunen sedan i fjol. Hon bor i kom\u00admmunen bredvid.",
    "Han sa det men man trodde honom inte. Den och det, han och hon.",
    "Exportstrategin är ny och exportstrategier finns i alla regioner.",
    "Bilen stod i garaget. Bilden visade bilen.",
    "Hon ligger sjuk. Han lägger sig. Hon ligger kvar och han lägger till.",
    "Exporten ökar. Experten på export talade om exportstrategin och expertgruppen.",
    "Det fanns tre. Nu finns två. Det är oklart men klart att det ska finnas fler.",
    "Inför valet anför partiet nya skäl. Inför mötet talade hon.",
    "Det var lite fel. Domstolen dömde ut vitet.",
    "Det ska vara tio, varav tre är nya. Det kan vara så.",
    "Han var precis klar. Hon gav precisa svar.",
    "Vi har kunder i hela landet. Under året växte vi.",
    "Denna bok är ny. Dennas författare är okänd.",
]


class _Form:
    """One lower-cased word of the document, summed over its occurrences. (A plain
    class with slots: a long article makes thousands, and a check from scratch
    builds them all.)"""

    __slots__ = ("count", "names", "paragraphs", "texts")

    def __init__(self, count: int = 0, text: str = "", paragraph: str = "") -> None:
        """`count` occurrences written `text` in `paragraph` (none: an empty form)."""
        self.count = count
        self.names = 0  # capitalised in mid-sentence: a name
        self.texts: dict[str, int] = {text: count} if count else {}  # as written -> occurrences
        self.paragraphs: dict[str, int] = {paragraph: count} if count else {}  # text -> occurrences

    @property
    def text(self) -> str:
        """How a word that occurs once is written (for others: one of its spellings)."""
        return next(w for w, n in self.texts.items() if n)


_ABSENT = _Form()


class ConsistencyChecker(DocumentChecker):
    """Incremental: the article's word statistics, the index of near forms and the
    findings are kept between checks and updated from the paragraphs that changed,
    so that re-checking after an edit only decides again for words whose
    neighbourhood changed. The result is exactly that of a check from scratch
    (tests/test_consistency.py compares them on random edits).

    A decision reads the word itself and forms one edit away from it, and those are
    among its neighbours (_neighbours): when a form comes, goes or changes its
    counts, deciding again for its neighbours is enough. So decisions keep no list
    of the words they read (a long article has over a thousand of them)."""

    name = "consistency"
    engine = "consistency"

    MAX_PARTS = 5_000  # cached stretch supports before starting over

    def __init__(self, speller: Speller) -> None:
        self.speller = speller
        self._lock = threading.Lock()
        # The word lists and the frequency table: read now, when the engine is
        # built, rather than in the middle of the first check.
        lexicon()
        swedish_words()
        self._reset()

    def _reset(self) -> None:
        self._generation = self.speller.generation
        self._paragraphs: Counter[str] = Counter()
        self._forms: dict[str, _Form] = {}
        # Probe of a present form as a whole word (see _word_probes) -> the form, or
        # a set when several have it (most probes belong to one form: no set to
        # build for them). Stems' probes are only looked up, never stored.
        self._buckets: dict[str, str | set[str]] = {}
        self._sources: dict[str, str] = {}  # flagged form -> the form it is a slip for
        self._parts_of: dict[str, list[str]] = {}  # deciding form -> stretches it looked at
        self._part_users: dict[str, set[str]] = {}  # stretch -> deciding forms
        self._support: dict[str, int] = {}  # stretch -> uses in the document
        # Word -> its stems, for the current check only: kept, they would be
        # thousands of tuples for the garbage collector to walk after every check.
        self._stem_memo: dict[str, tuple[tuple[str, str], ...]] = {}

    def invalidate(self) -> None:
        """Start over at the next check (the engine calls this when dictionaries or
        settings change)."""
        with self._lock:
            self._reset()

    def new_document(self) -> None:
        """Another article: its statistics owe nothing to this one's."""
        self.invalidate()

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        with self._lock:
            if self._generation != self.speller.generation or len(self._support) > self.MAX_PARTS:
                self._reset()
            try:
                self._update(Counter(p.text for p in paragraphs))
            finally:
                self._stem_memo.clear()
            return self._findings(paragraphs)

    # -- keeping the statistics up to date -------------------------------------------

    def _update(self, current: Counter[str]) -> None:
        old = self._paragraphs
        deltas: dict[str, int] = {}
        for para, n in current.items():
            d = n - old.get(para, 0)
            if d:
                deltas[para] = d
        for para, n in old.items():
            if para not in current:
                deltas[para] = -n
        self._paragraphs = current
        if not deltas:
            return
        if not self._forms and all(d > 0 for d in deltas.values()):
            self._build(deltas)
            return
        forms = self._forms
        appeared: set[str] = set()
        vanished: set[str] = set()
        counts: dict[str, int] = {}  # form -> change in its count
        names: dict[str, int] = {}  # form -> change in its occurrences as a name
        for para, d in deltas.items():
            self._add_paragraph(para, d, appeared, counts, names)
        for key in counts:
            form = forms[key]
            if form.count == 0:
                del forms[key]
                vanished.add(key)
                appeared.discard(key)
            else:
                if len(form.texts) > 1:
                    form.texts = {w: n for w, n in form.texts.items() if n}
                if len(form.paragraphs) > 1:
                    form.paragraphs = {p: n for p, n in form.paragraphs.items() if n}
        buckets = self._buckets
        for key in appeared:
            _insert_probes(buckets, key, _word_probes(key))
        for key in vanished:
            for probe in _word_probes(key):
                bucket = buckets.get(probe)
                if bucket is None:
                    continue
                if type(bucket) is str:
                    if bucket == key:
                        del buckets[probe]
                    continue
                bucket.discard(key)
                if not bucket:
                    del buckets[probe]
        # Who has to decide again: every word whose paragraphs changed, the words
        # near one whose counts changed (it may be, or stop being, their source),
        # and every decision that looked at a stretch whose use changed.
        dirty = set(counts)
        for key, d in counts.items():
            if d or names.get(key):
                dirty |= self._neighbours(key)
        if self._support:
            moved = {k: d for k, d in counts.items() if d}
            for part in list(self._support):
                diff = sum(d for k, d in moved.items() if part in k)
                if diff:
                    self._support[part] += diff
                    users = self._part_users.get(part)
                    if users:
                        dirty |= users
        for key in dirty:
            self._decide(key)

    def _build(self, paragraphs: dict[str, int]) -> None:
        """The statistics, the probe index and every decision from scratch: what
        _update would do, with the neighbours of every word found in one pass over
        the index instead of a search per word."""
        forms = self._forms
        for para, n in paragraphs.items():
            self._add_paragraph(para, n)
        buckets = self._buckets
        shared: list[set[str]] = []  # the buckets of several forms
        word_probes = []
        for key in forms:
            probes = _word_probes(key)
            shared += _insert_probes(buckets, key, probes)
            word_probes.append(probes)
        # Every word decides: collect the neighbours from the probes that several
        # forms share (far fewer than the probes of every word) ...
        stop = lexicon().function_words
        deciders = {k for k, f in forms.items()
                    if f.count == 1 and k not in stop and not _common_short(k)}
        near: dict[str, set[str]] = {}
        for bucket in shared:
            for key in bucket:
                if key in deciders:
                    mine = near.get(key)
                    if mine is None:
                        near[key] = set(bucket)
                    else:
                        mine |= bucket
        # ... and from the stems' probes, now that every word's are in: a stem one
        # edit from another word makes them neighbours both ways. (Made and dropped
        # one word at a time, the memory stays warm; looked up in one go, in C, as
        # most find nothing.)
        memo = self._stem_memo
        indexed = buckets.keys()
        for key, probes in zip(forms, word_probes, strict=True):
            stems = memo[key] = _stems(key)
            if len(stems) == 1:
                continue
            hits = indexed & _stem_probes(stems, probes)
            if not hits:
                continue
            found: set[str] = set()
            for probe in hits:
                bucket = buckets[probe]
                if type(bucket) is str:
                    found.add(bucket)
                else:
                    found |= bucket
            found.discard(key)
            if not found:
                continue
            if key in deciders:
                mine = near.get(key)
                if mine is None:
                    near[key] = found.copy()
                else:
                    mine |= found
            for other in found:
                if other in deciders:
                    mine = near.get(other)
                    if mine is None:
                        near[other] = {key}
                    else:
                        mine.add(key)
        for key, others in near.items():
            others.discard(key)
            if others:
                self._judge(key, others)

    def _add_paragraph(self, para: str, d: int, appeared: set[str] | None = None,
                       counts: dict[str, int] | None = None,
                       names: dict[str, int] | None = None) -> None:
        """Add the paragraph's forms `d` times (negative: the paragraph went away),
        noting new forms in `appeared` and changes in `counts` and `names` when
        given (a build from scratch needs none of them)."""
        forms = self._forms
        get = forms.get
        for start, end, w, _kind in words(para):
            # _comparable, inline: this runs for every word of the article.
            if not MIN_LENGTH <= len(w) <= MAX_LENGTH or not w.isalpha() or w.isupper():
                continue
            if cut_word(para, start, end):
                continue  # "kom\u200bmunen": "munen" is no form the article uses
            key = w.lower()
            if len(w) < SHORT_WORD and not _short_kept(key):
                continue
            name = w[0].isupper() and not starts_sentence(para, start)
            form = get(key)
            if form is None:
                form = forms[key] = _Form(d, w, para)
                if appeared is not None:
                    appeared.add(key)
            else:
                form.count += d
                texts = form.texts
                texts[w] = texts.get(w, 0) + d
                where = form.paragraphs
                where[para] = where.get(para, 0) + d
            if name:
                form.names += d
            if counts is not None:
                counts[key] = counts.get(key, 0) + d
                if name:
                    names[key] = names.get(key, 0) + d

    def _stems_of(self, word: str) -> tuple[tuple[str, str], ...]:
        stems = self._stem_memo.get(word)
        if stems is None:
            stems = self._stem_memo[word] = _stems(word)
        return stems

    def _neighbours(self, key: str) -> set[str]:
        """The present forms (not `key`) that may have a stem one edit from a stem of
        `key`: a superset of those that can be its source, or it theirs."""
        probes = _word_probes(key)
        # The word and its stems against the others' words ...
        probes += _stem_probes(self._stems_of(key), probes)
        # ... and the word against the others' stems, which the index lacks: when
        # the stem t of a word "t + suffix" is one edit from `key`, that word or one
        # of its deletions is `key` or a deletion of it, + suffix.
        bases = probes[:len(key) + 1]
        probes += [b + suffix for suffix in SUFFIXES for b in bases]
        out: set[str] = set()
        get = self._buckets.get
        for probe in probes:
            bucket = get(probe)
            if bucket is None:
                continue
            if type(bucket) is str:
                out.add(bucket)
            else:
                out |= bucket
        out.discard(key)
        return out

    def _decide(self, key: str) -> None:
        """Decide again for `key`."""
        self._sources.pop(key, None)
        parts = self._parts_of.pop(key, None)
        for part in parts or ():
            users = self._part_users.get(part)
            if users is not None:
                users.discard(key)
                if not users:
                    del self._part_users[part]
        form = self._forms.get(key)
        if form is None or form.count != 1 or key in lexicon().function_words:
            return
        if _common_short(key):
            return  # never a slip (see _margin): skip the search
        others = self._neighbours(key)
        if others:
            self._judge(key, others)

    def _judge(self, key: str, others: set[str]) -> None:
        """Decide for `key` (once in the document) among its neighbours `others`."""
        parts: list[str] = []
        source = self._best_source(key, others, parts)
        if source is not None:
            self._sources[key] = source
        if parts:
            self._parts_of[key] = parts
            for part in parts:
                self._part_users.setdefault(part, set()).add(key)

    def _part_support(self, part: str) -> int:
        """How often the document uses words containing `part` (kept up to date)."""
        n = self._support.get(part)
        if n is None:
            n = self._support[part] = sum(f.count for k, f in self._forms.items() if part in k)
        return n

    # -- reporting ----------------------------------------------------------------

    def _findings(self, paragraphs: list[Paragraph]) -> list[Finding]:
        if not self._sources:
            return []
        starts = {p.text: p.start for p in paragraphs}
        findings = []
        for key, best in self._sources.items():
            para = next(iter(self._forms[key].paragraphs))
            start, end, original = _locate(para, key)
            source = self._first_text(best, paragraphs) if best in self._forms else best
            suggestion = _match_case(original, source)
            findings.append(Finding(
                starts[para] + start, starts[para] + end, original, Category.CONSISTENCY,
                "consistency.near-form", f"Texten skriver annars {suggestion} – menade du det?",
                (suggestion,), Severity.WARNING))
        findings.sort(key=lambda f: f.start)
        return findings

    def _first_text(self, key: str, paragraphs: list[Paragraph]) -> str:
        """The form as first written in the document."""
        form = self._forms[key]
        if len(form.texts) == 1:
            return form.text
        for p in paragraphs:
            if p.text in form.paragraphs:
                return _locate(p.text, key)[2]
        return form.text

    # -- the decision ---------------------------------------------------------------

    def _best_source(self, key: str, others: set[str], parts: list[str]) -> str | None:
        """The in-document form `key` is most likely a slip for, already in the
        flagged word's inflection, or None."""
        forms = self._forms
        memo = self._stem_memo
        my_stems = memo.get(key) or self._stems_of(key)
        # (Zipf, form, short pair, condition): the condition, when not None, is
        # (word, whether the speller must know it) and is asked only when the
        # candidate could be returned (a Hunspell call each, most never needed).
        candidates: list[tuple[float, str, bool, tuple[str, bool] | None]] = []
        distance = DamerauLevenshtein.distance
        for other in others:
            # Stem pairs one edit apart, found before the costlier test for being
            # the same word: many neighbours have none and need neither. (Loops,
            # not a comprehension: this runs for thousands of pairs of words.)
            pairs = []
            for other_stem, other_suffix in memo.get(other) or self._stems_of(other):
                size = len(other_stem)
                for stem, suffix in my_stems:
                    # "ligan"/"ligger": liga+n vs ligg+er are different words
                    if suffix != other_suffix and suffix and other_suffix:
                        continue
                    if (-1 <= len(stem) - size <= 1 and stem != other_stem
                            and distance(stem, other_stem) == 1):
                        pairs.append((stem, suffix, other_stem))
            if not pairs or (_same_stem(key, other) and not _rare_inflection(key, other)):
                continue
            short = len(key) < SHORT_WORD or len(other) < SHORT_WORD
            for _stem, suffix, other_stem in pairs:
                target = other_stem + suffix
                if target == other or target in forms:
                    candidates.append((zipf(target), target, short, None))
                    continue
                # The form the other's stem takes in this word's inflection, if the
                # speller knows it; else only the other form itself is left, and it
                # must be one edit away as written ("segern" is not "säger" + n).
                candidates.append((zipf(target), target, short, (target, True)))
                if DamerauLevenshtein.distance(key, other) == 1:
                    candidates.append((zipf(other), other, short, (target, False)))
        if not candidates:
            return None
        form = forms[key]
        name_like: bool | None = None  # the same for every candidate: asked once
        blocked: bool | None = None  # a known name or word written as a name
        known: bool | None = None  # asked only when needed: a Hunspell call each
        mine = zipf(key)
        # Once the word is known, a candidate that is not KNOWN_MARGIN more common
        # cannot be a slip (see `if known:` below) unless both are long and rare;
        # candidates come best first, so the search can stop at the first of them.
        can_stop = len(key) < LONG_COMPOUND or mine >= RARE_COMPOUND_ZIPF
        check = self.speller.check
        candidates.sort(key=_RANK, reverse=True)
        for score, target, short, condition in candidates:
            if known and can_stop and score - mine < KNOWN_MARGIN:
                return None
            # (Every target is one edit from the word: present, it is a neighbour.)
            if target in forms and _same_stem(key, target) and not _rare_inflection(key, target):
                continue  # an inflection of the word itself
            source = forms.get(target)
            if name_like is None:
                name_like = bool(form.names) or (form.text[0].isupper() and not check(key))
            if name_like != bool(source is not None and source.names):
                continue  # a name is only compared with names, a word with words
            margin = _short_margin(mine, score) if short else _margin(key, target, mine)
            if_unknown = not short and (score > 0 or (source or _ABSENT).count >= 2)
            long_rare = len(key) >= LONG_COMPOUND and max(score, mine) < RARE_COMPOUND_ZIPF
            if not if_unknown and score - mine < margin and not long_rare:
                continue  # not a slip whatever the speller says
            if blocked is None:
                blocked = bool(form.names) and check(form.text)
            if blocked:
                return None  # the name checker's job
            if known is None:
                known = check(form.text) or check(key)
            if known:
                if score - mine < margin and not long_rare:
                    continue
            elif not if_unknown:
                continue
            if condition is not None and check(condition[0]) != condition[1]:
                continue  # not a candidate after all
            if not known or score - mine >= margin or self._document_backs(key, target, parts):
                return target
        return None

    def _document_backs(self, key: str, target: str, parts: list[str]) -> bool:
        """True when the article often uses the stretch of `target` around the edit
        ("export" in exportinsatser, exportturné, ...) and never the slip's ("expert")."""
        i = next((k for k, (a, b) in enumerate(zip(key, target, strict=False)) if a != b),
                 min(len(key), len(target)))
        lo = max(0, i - 3)
        mine, theirs = key[lo:i + 3], target[lo:i + 3]
        parts += (mine, theirs)
        return (self._part_support(mine) <= 1
                and self._part_support(theirs) >= MIN_PART_SUPPORT)


_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


# The order of the candidates before their conditions were deferred: the condition
# must not break ties (and None does not compare with a tuple).
_RANK = itemgetter(0, 1, 2)
# The smallest margin any pair needs (the floor in _best_source relies on it).
assert KNOWN_MARGIN <= min(CONSONANT_MARGIN, FIRST_LETTER_MARGIN, SHORT_MARGIN)


def _short_margin(mine: float, score: float) -> float:
    """The margin when either word is under SHORT_WORD letters ("tilt"/"till",
    "eter"/"efter"): only a rare slip of one of the most common words."""
    return SHORT_MARGIN if mine < SHORT_MAX_ZIPF and score >= SHORT_SOURCE_ZIPF else float("inf")


def _short_kept(word: str) -> bool:
    """A short word that can take part in a short pair: a possible slip or source."""
    z = zipf(word)
    return z < SHORT_MAX_ZIPF or z >= SHORT_SOURCE_ZIPF


def _margin(key: str, target: str, mine: float) -> float:
    """How much more common (Zipf) `target` must be for the known word `key`
    to count as a slip for it."""
    if target[0] == key[0]:
        return KNOWN_MARGIN
    if (key[0] in _CONSONANTS and target[0] in _CONSONANTS and len(key) == len(target)
            and mine < RARE_SLIP_ZIPF):
        return CONSONANT_MARGIN
    return FIRST_LETTER_MARGIN


def _common_short(key: str) -> bool:
    """A short word too common to be a slip: it needs no search for sources."""
    return len(key) < SHORT_WORD and zipf(key) >= SHORT_MAX_ZIPF


def _rare_inflection(key: str, other: str) -> bool:
    """"unders" beside "under": a rare "inflection" of a word that has none."""
    if not (other in lexicon().prepositions or other in _NUMERALS or other in _CONJUNCTIONS):
        return False
    mine = zipf(key)
    return 0 < mine < RARE_INFLECTION_ZIPF and zipf(other) - mine >= INFLECTION_MARGIN


_BROAD = frozenset(BROAD_SUFFIXES)
_LONGEST_BROAD = max(map(len, BROAD_SUFFIXES))


def _same_stem(a: str, b: str) -> bool:
    """Inflections or derivations of one word: "finns"/"finnas", "saknas"/"saknats",
    "klart"/"oklart"."""
    # "o" + a stem of one can only be a stem of the other if that other word
    # starts with "o": most pairs need only the first test.
    return (_stem_shared(a, b) or (b[:1] == "o" and _stem_shared(a, b[1:]))
            or (a[:1] == "o" and _stem_shared(b, a[1:])))


def _stem_shared(a: str, b: str) -> bool:
    """True when a stem of `a` is a stem of `b` (`a` a word, `b` at least MIN_STEM - 1
    letters). A word's stems are the word itself and what is left of it, at least
    MIN_STEM - 1 letters, after a broad suffix: prefixes of it at most
    _LONGEST_BROAD letters shorter. So a shared stem is a common prefix of such a
    length, and the few lengths are tried without building a set of stems."""
    la, lb = len(a), len(b)
    k = max(MIN_STEM - 1, la - _LONGEST_BROAD, lb - _LONGEST_BROAD)
    end = la if la < lb else lb
    if k > end or a[:k] != b[:k]:
        return False  # nor will a longer prefix be common
    # Longer prefixes, one letter at a time (compared as letters, not as slices:
    # this runs for thousands of pairs of words).
    while True:
        if (k == la or a[k:] in _BROAD) and (k == lb or b[k:] in _BROAD):
            return True
        if k == end or a[k] != b[k]:
            return False
        k += 1


def _locate(text: str, key: str) -> tuple[int, int, str]:
    """(start, end, as written) of the first occurrence of the form `key` that
    takes part in the statistics (the caller knows there is one)."""
    for tok in words(text):
        w = tok.text
        if (w.lower() == key and _comparable(text, w, tok.start) is not None
                and not cut_word(text, tok.start, tok.end)):
            return tok.start, tok.end, w
    raise ValueError(key)


def _comparable(text: str, w: str, start: int) -> int | None:
    """None for a word not worth comparing, else 1 if it is written as a name.
    (_add_paragraph has the same tests inline.)"""
    if not MIN_LENGTH <= len(w) <= MAX_LENGTH or not w.isalpha() or w.isupper():
        return None
    if len(w) < SHORT_WORD and not _short_kept(w.lower()):
        return None
    return int(w[0].isupper() and not starts_sentence(text, start))


# (suffix, its length) of SUFFIXES by their last letter, in SUFFIXES order: most
# words end in a letter that no suffix ends in, or one that only a few do.
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, int], ...]] = {
    c: tuple((s, len(s)) for s in SUFFIXES if s.endswith(c)) for c in {s[-1] for s in SUFFIXES}}


def _stems(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, suffix) pairs: the word itself with no suffix first, then the stems of
    at least MIN_STEM letters left by each suffix it ends in."""
    out = [(word, "")]
    n = len(word)
    for suf, k in _SUFFIXES_BY_LAST.get(word[-1:], ()):
        if n - k >= MIN_STEM and word.endswith(suf):
            out.append((word[:-k], suf))
    return tuple(out)


def _word_probes(word: str) -> list[str]:
    """The word's deletions, that of its last letter first, and the word itself: two
    words one edit apart (a letter added, dropped, changed or two swapped) share
    one of these."""
    # Each deletion as the letters of an (n-1)-combination joined: one string made
    # per probe instead of two slices and their sum.
    probes = list(map("".join, combinations(word, len(word) - 1)))
    probes.append(word)
    return probes


def _stem_probes(stems: tuple[tuple[str, str], ...], word_probes: list[str]) -> list[str]:
    """The same for the stems after a suffix (stems[1:]), looked up among the words'
    probes: a stem one edit from another word shares one with it. (Stems are only
    compared with words, or with stems of the same suffix, which makes the words
    one edit apart: no need to put these in the index.)"""
    probes = []
    n = len(stems[0][0])
    for stem, suffix in stems[1:]:
        # A stem is a prefix of the word, so its deletions are the word's
        # deletions of its first m letters, cut short: one slice per probe. (A stem
        # one letter short is one of the word's own probes already.)
        m = len(stem)
        if len(suffix) > 1:
            probes.append(stem)
        # (Cut by a ready itemgetter, in C: a comprehension per stem cost a fifth more.)
        cut = _CUTS[m - 1] if m <= len(_CUTS) else itemgetter(slice(m - 1))
        probes += map(cut, word_probes[n - m:n])
    return probes


# itemgetter(slice(k)) for k < 40: the first k letters of a probe (see _stem_probes).
_CUTS = [itemgetter(slice(k)) for k in range(40)]


def _insert_probes(buckets: dict[str, str | set[str]], key: str,
                   probes: list[str]) -> list[set[str]]:
    """Enter `key` under each of its probes; returns the buckets that became shared."""
    shared = []
    setdefault = buckets.setdefault
    for probe in probes:
        bucket = setdefault(probe, key)  # one look-up for the common new probe
        if bucket is key:
            continue  # new, or a probe the word has twice
        if type(bucket) is str:
            bucket = buckets[probe] = {bucket, key}
            shared.append(bucket)
        else:
            bucket.add(key)
    return shared


def _match_case(model: str, word: str) -> str:
    """The source form in the flagged word's case: "Mellan" at a sentence start
    suggests "mellan" mid-sentence, and a capitalised slip gets a capital."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]
