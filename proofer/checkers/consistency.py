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
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity
from proofer.frequency import swedish_words, zipf
from proofer.morphology import lexicon
from proofer.speller import Speller
from proofer.tokens import starts_sentence, words

MIN_LENGTH = 4
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

    def __init__(self) -> None:
        self.count = 0
        self.names = 0  # capitalised in mid-sentence: a name
        self.texts: dict[str, int] = {}  # as written -> occurrences
        self.paragraphs: dict[str, int] = {}  # paragraph text -> occurrences

    @property
    def text(self) -> str:
        """How a word that occurs once is written (for others: one of its spellings)."""
        return next(w for w, n in self.texts.items() if n)


_ABSENT = _Form()


class _Recorder:
    """The document's forms as `_best_source` sees them, noting every word it asks
    about: a decision only has to be made again when one of those words changes."""

    __slots__ = ("forms", "seen")

    def __init__(self, forms: dict[str, _Form]) -> None:
        self.forms = forms
        self.seen: set[str] = set()

    def __contains__(self, key: str) -> bool:
        self.seen.add(key)
        return key in self.forms

    def __getitem__(self, key: str) -> _Form:
        self.seen.add(key)
        return self.forms[key]

    def get(self, key: str, default: _Form | None = None) -> _Form | None:
        self.seen.add(key)
        return self.forms.get(key, default)


@dataclass
class _Decision:
    source: str | None  # the form the word is a slip for, or None
    words: frozenset[str]  # forms the decision looked at
    parts: tuple[str, ...]  # stretches whose document-wide use it looked at


class ConsistencyChecker(DocumentChecker):
    """Incremental: the article's word statistics, the index of near forms and every
    decision are kept between checks and updated from the paragraphs that changed,
    so that re-checking after an edit only decides again for words whose
    neighbourhood changed. The result is exactly that of a check from scratch
    (tests/test_consistency.py compares them on random edits)."""

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
        # Deletion probe -> the present form that has it, or a set when several do
        # (most probes belong to one form: no set to build for them).
        self._buckets: dict[str, str | set[str]] = {}
        self._decisions: dict[str, _Decision] = {}
        self._word_users: dict[str, set[str]] = {}  # looked-at form -> deciding forms
        self._part_users: dict[str, set[str]] = {}  # stretch -> deciding forms
        self._support: dict[str, int] = {}  # stretch -> uses in the document

    def invalidate(self) -> None:
        """Start over at the next check (the engine calls this when dictionaries or
        settings change)."""
        with self._lock:
            self._reset()

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        with self._lock:
            if self._generation != self.speller.generation or len(self._support) > self.MAX_PARTS:
                self._reset()
            self._update(Counter(p.text for p in paragraphs))
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
        forms = self._forms
        cold = not forms
        appeared: set[str] = set()
        vanished: set[str] = set()
        changed: dict[str, int] = {}  # form -> change in its count
        if cold and all(d > 0 for d in deltas.values()):
            # From scratch only counts are added: no form drops to zero and nothing
            # needs pruning (the general loop below would find exactly that).
            self._add_paragraphs(deltas)
            appeared = set(forms)
            deltas = {}
        self._add_paragraphs(deltas, appeared, changed)
        for key in changed:
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
        setdefault = buckets.setdefault
        for key in appeared:
            for probe in _probes(key):
                bucket = setdefault(probe, key)  # one look-up for the common new probe
                if bucket is key:
                    continue
                if type(bucket) is str:
                    buckets[probe] = {bucket, key}
                else:
                    bucket.add(key)
        for key in vanished:
            for probe in _probes(key):
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
        if cold:
            # Every word decides: collect the neighbours from the probes that several
            # forms share (far fewer than the probes of every word).
            stop = lexicon().function_words
            near: dict[str, set[str]] = {}
            for bucket in buckets.values():
                if type(bucket) is str:
                    continue
                for key in bucket:
                    if forms[key].count == 1 and key not in stop and not _common_short(key):
                        mine = near.get(key)
                        if mine is None:
                            near[key] = set(bucket)
                        else:
                            mine |= bucket
            for key, others in near.items():
                others.discard(key)
                if others:
                    self._decide(key, others)
            return
        # Who has to decide again: the changed words, the words they are near
        # (a form that appears or vanishes changes its neighbours' candidates), and
        # every decision that looked at a changed word or a changed stretch.
        dirty = set(changed)
        for key in appeared | vanished:
            for probe in _probes(key):
                bucket = buckets.get(probe)
                if bucket is None:
                    continue
                if type(bucket) is str:
                    dirty.add(bucket)
                else:
                    dirty |= bucket
        for key in changed:
            users = self._word_users.get(key)
            if users:
                dirty |= users
        if self._support:
            moved = {k: d for k, d in changed.items() if d}
            for part in list(self._support):
                diff = sum(d for k, d in moved.items() if part in k)
                if diff:
                    self._support[part] += diff
                    users = self._part_users.get(part)
                    if users:
                        dirty |= users
        for key in dirty:
            self._decide(key)

    def _add_paragraphs(self, deltas: dict[str, int], appeared: set[str] | None = None,
                        changed: dict[str, int] | None = None) -> None:
        """Add each paragraph's forms `d` times (negative: the paragraph went away),
        noting new forms in `appeared` and count changes in `changed` when given
        (a build from scratch needs neither)."""
        forms = self._forms
        get = forms.get
        for para, d in deltas.items():
            for key, count, names, spellings in _paragraph_forms(para):
                form = get(key)
                if form is None:
                    form = forms[key] = _Form()
                    if appeared is not None:
                        appeared.add(key)
                form.count += d * count
                form.names += d * names
                texts = form.texts
                for w in spellings:
                    texts[w] = texts.get(w, 0) + d
                form.paragraphs[para] = form.paragraphs.get(para, 0) + d
                if changed is not None:
                    changed[key] = changed.get(key, 0) + d * count

    def _forget_decision(self, key: str) -> None:
        old = self._decisions.pop(key, None)
        if old is None:
            return
        for w in old.words:
            users = self._word_users.get(w)
            if users is not None:
                users.discard(key)
                if not users:
                    del self._word_users[w]
        for part in old.parts:
            users = self._part_users.get(part)
            if users is not None:
                users.discard(key)
                if not users:
                    del self._part_users[part]

    def _decide(self, key: str, others: set[str] | None = None) -> None:
        """Decide again for `key`; `others`, when given, are its neighbours."""
        self._forget_decision(key)
        form = self._forms.get(key)
        if form is None or form.count != 1 or key in lexicon().function_words:
            return
        if _common_short(key):
            return  # never a slip (see _margin): skip the search
        if others is None:
            others = set()
            get = self._buckets.get
            for probe in _probes(key):
                bucket = get(probe)
                if bucket is None:
                    continue
                if type(bucket) is str:
                    others.add(bucket)
                else:
                    others |= bucket
            others.discard(key)
        if not others:
            return
        view = _Recorder(self._forms)
        parts: list[str] = []
        source = self._best_source(key, view, others, parts)
        # The neighbours themselves need no note: one appearing or vanishing makes
        # every form sharing a probe with it decide again.
        words = frozenset(view.seen)
        decision = _Decision(source, words, tuple(parts))
        self._decisions[key] = decision
        for w in words:
            self._word_users.setdefault(w, set()).add(key)
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
        flagged = [(k, d.source) for k, d in self._decisions.items() if d.source is not None]
        if not flagged:
            return []
        starts = {p.text: p.start for p in paragraphs}
        findings = []
        for key, best in flagged:
            para = next(iter(self._forms[key].paragraphs))
            start, end, original = next((s, e, w) for s, e, w, _ in _paragraph_words(para)
                                        if w.lower() == key)
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
                return next(w for _, _, w, _ in _paragraph_words(p.text) if w.lower() == key)
        return form.text

    # -- the decision ---------------------------------------------------------------

    def _best_source(self, key: str, forms: _Recorder, others: set[str],
                     parts: list[str]) -> str | None:
        """The in-document form `key` is most likely a slip for, already in the
        flagged word's inflection, or None."""
        my_stems = _stems(key)
        # (Zipf, form, short pair, condition): the condition, when not None, is
        # (word, whether the speller must know it) and is asked only when the
        # candidate could be returned (a Hunspell call each, most never needed).
        candidates: list[tuple[float, str, bool, tuple[str, bool] | None]] = []
        for other in others:
            # Stem pairs one edit apart, found before the costlier test for being
            # the same word: most neighbours have none and need neither.
            pairs = [(stem, suffix, other_stem)
                     for other_stem, other_suffix in _stems(other)
                     for stem, suffix in my_stems
                     # "ligan"/"ligger": liga+n vs ligg+er are different words
                     if not (suffix != other_suffix and suffix and other_suffix)
                     and abs(len(stem) - len(other_stem)) <= 1 and stem != other_stem
                     and DamerauLevenshtein.distance(stem, other_stem) == 1]
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
        blocked: bool | None = None  # a known name or word written as a name
        known: bool | None = None  # asked only when needed: a Hunspell call each
        mine = zipf(key)
        check = self.speller.check
        for score, target, short, condition in sorted(candidates, key=_rank, reverse=True):
            if target in others and _same_stem(key, target) and not _rare_inflection(key, target):
                continue  # an inflection of the word itself
            source = forms.get(target)
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


def _rank(candidate: tuple[float, str, bool, tuple[str, bool] | None]) -> tuple[float, str, bool]:
    """The order of the candidates before their conditions were deferred: the
    condition must not break ties (and None does not compare with a tuple)."""
    return candidate[:3]


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


def _same_stem(a: str, b: str) -> bool:
    """Inflections or derivations of one word: "finns"/"finnas", "saknas"/"saknats",
    "klart"/"oklart"."""
    stems_a, stems_b = _broad_stems(a), _broad_stems(b)
    if stems_a & stems_b:
        return True
    # Every stem is a prefix of its word, so "o" + a stem of one can only be a stem
    # of the other if that other word starts with "o": most pairs need neither set.
    if b[:1] == "o" and {"o" + s for s in stems_a} & stems_b:
        return True
    return a[:1] == "o" and bool({"o" + s for s in stems_b} & stems_a)


# The caches below make a re-check after an edit cheap: an article's words and
# their derived keys are the same from one keystroke to the next.

@lru_cache(maxsize=20_000)
def _paragraph_words(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, word, 1 if written as a name) for the words worth comparing."""
    out = []
    for tok in words(text):
        name = _comparable(text, tok.text, tok.start)
        if name is not None:
            out.append((tok.start, tok.end, tok.text, name))
    return tuple(out)


def _comparable(text: str, w: str, start: int) -> int | None:
    """None for a word not worth comparing, else 1 if it is written as a name."""
    if len(w) < MIN_LENGTH or not w.isalpha() or w.isupper():
        return None
    if len(w) < SHORT_WORD and not _short_kept(w.lower()):
        return None
    return int(w[0].isupper() and not starts_sentence(text, start))


@lru_cache(maxsize=20_000)
def _paragraph_forms(text: str) -> tuple[tuple[str, int, int, tuple[str, ...]], ...]:
    """(lower-cased form, occurrences, occurrences written as a name, spellings
    one per occurrence) for each form in the paragraph: what the document's
    statistics add or take away when the paragraph comes or goes."""
    out: dict[str, list] = {}
    # The same words as _paragraph_words, without building its tuple: that one is
    # only needed for the few paragraphs with a finding.
    for tok in words(text):
        w = tok.text
        name = _comparable(text, w, tok.start)
        if name is None:
            continue
        key = w.lower()
        entry = out.get(key)
        if entry is None:
            out[key] = [1, name, [w]]
        else:
            entry[0] += 1
            entry[1] += name
            entry[2].append(w)
    return tuple((k, c, n, tuple(ws)) for k, (c, n, ws) in out.items())


_BROAD_BY_LAST: dict[str, tuple[str, ...]] = {
    c: tuple(s for s in BROAD_SUFFIXES if s.endswith(c)) for c in {s[-1] for s in BROAD_SUFFIXES}}


@lru_cache(maxsize=100_000)
def _broad_stems(word: str) -> frozenset[str]:
    return frozenset({word} | {word[: -len(suf)] for suf in _BROAD_BY_LAST.get(word[-1:], ())
                               if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM - 1})


# SUFFIXES by their last letter, in SUFFIXES order: most words end in a letter
# that no suffix ends in, or one that only a few do.
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    c: tuple(s for s in SUFFIXES if s.endswith(c)) for c in {s[-1] for s in SUFFIXES}}


@lru_cache(maxsize=100_000)
def _stems(word: str) -> tuple[tuple[str, str], ...]:
    out = [(word, "")]
    for suf in _SUFFIXES_BY_LAST.get(word[-1:], ()):
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM:
            out.append((word[: -len(suf)], suf))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _probes(word: str) -> frozenset[str]:
    """Deletion neighbourhood of each stem: two stems one edit apart share a probe."""
    # The stems are prefixes of the word, so a stem's deletions are cut from the
    # word's own: one string operation less per probe. One list, made a frozenset
    # once (no intermediate set; a third of all words have no stem).
    probes = [word[:i] + word[i + 1:] for i in range(len(word))]
    probes.append(word)
    for stem, _ in _stems(word)[1:]:
        m = len(stem)
        probes.append(stem)
        probes += [d[:m - 1] for d in probes[:m]]
    return frozenset(probes)


def _match_case(model: str, word: str) -> str:
    """The source form in the flagged word's case: "Mellan" at a sentence start
    suggests "mellan" mid-sentence, and a capitalised slip gets a capital."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]
