"""Swedish spelling: words Hunspell sv_SE does not know, with ranked suggestions.

A word Hunspell rejects is claimed, unless something in the text says it is right
here: a name dictionary or the user's word list (the speller then accepts it), a
capital mid-sentence (the name checker's), an abbreviation, a brand written with
inner capitals, a number designation ("covid-19"), a foreign phrase (the words
around it are foreign, or it follows a language's name: "latinets translatio"), a
word common in another language that no Swedish word is spelt nearly like, or a
compound of known words that is not one likely misspelling from a word Swedish text
uses, a known word with a productive suffix ("translationell" from "translation",
proofer.derivations), or a term cited in quotation marks (”translatio”). Then it
is a hint (`info`) whose message says why. How common the word itself is never
spares it: common misspellings are common ("särskillt", "tyvär").
How likely the best correction is as a misspelling (proofer.error_model) decides
only how sure the claim sounds: `error` "menade du X?" or `warning` "kontrollera".

Frequencies are wordfreq Zipf values (0 unseen, 3 rare, 6 very common).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from proofer import error_model, spelling_context, verb_forms, word_classes
from proofer.checkers.base import ParagraphChecker
from proofer.derivations import base_of
from proofer.finding import Category, Finding, Severity
from proofer.frequency import USED_ABROAD, foreign_zipf, more_used_abroad, swedish_words, zipf
from proofer.speller import Speller
from proofer.suggestions import (
    ONE_KEYSTROKE,
    compound_form,
    one_slip_candidates,
    rank,
    too_long_to_edit,
)
from proofer.tokens import INVISIBLE, Kind, Token, cut_word, other_script, starts_sentence, words

MAX_SUGGESTIONS = 5

# "Close and ordinary": a correction this likely as a misspelling (proofer.error_model:
# one edit, or spelt by ear) and at least this common makes a compound reading
# ("ytterliggare" = "ytter" + "liggare", "interessant") a misspelling after all,
# and a word common abroad a misspelt Swedish word.
CLOSE = 0.7
IN_USE = 2.0

# Compound parts: a last part this short must be a common word (Zipf 4, once in
# 100,000 words; wordfreq's raw scale below); a first part this long may be any
# word the speller knows.
SHORT_PART = 3
_COMMON_PART = 10 ** (4.0 - 9)
LONG_HEAD = 8

# (USED_ABROAD, from proofer.frequency: known in a language that turns up in Swedish
# news, in titles, quotes and names of works.)
# Hunspell's own suggest for a claimed word we have no correction for: new words
# asked per block of text (proofer.engine's blocks), and no longer words than this
# (a long compound's search is the slowest, and its suggestions the poorest).
HUNSPELL_SUGGESTS_PER_BLOCK = 3
MAX_HUNSPELL_SUGGEST_LENGTH = 16
# A block with this much new text (an article of ~3,000 words) has those searches
# run beside its other checkers (Speller.start_more_suggestions) and their answers
# put in at the end of the block (refine): its other checkers outlast the searches
# and the search thread's own dictionary handle (~70 ms to load, once per process).
# A shorter text asks them in its spelling pass, as the search alone is faster.
BACKGROUND_SEARCH_CHARS = 20_000
# Paragraphs whose findings wait for such an answer (see _awaiting), at most.
AWAITING_KEPT = 10_000
# Common there: a loanword candidate ("covid", "source"), when no Swedish word is close.
USED_ABROAD_OFTEN = 3.5
# A correction this likely (proofer.error_model) makes the claim "menade du X?"; a
# less likely one leaves the claim "kontrollera stavningen".
LIKELY_SLIP = 1.2

# A word Hunspell accepts as a compound but Swedish text never uses: this long at
# least to be judged as a possible slip (shorter ones are mostly rare forms).
MIN_ACCEPTED_SLIP = 6
# Inflectional endings: a word with one of them, or without, that Swedish text uses
# makes a rare word a form of it.
INFLECTIONS = ("s", "n", "t", "a", "e", "r", "en", "et", "na", "ar", "er", "or", "arna", "erna",
               "orna", "ns", "ts", "ens", "ets", "as", "es", "de", "te", "ade", "at", "ats")

# A sentence's first word this short may be a name when several words are equally
# close to it ("Ban": "Barn", "Ben", "Band").
SHORT_NAME = 3

# Abbreviations written without their dots ("bl a", "75 proc"), which Hunspell lacks.
DOTLESS_ABBREVIATIONS = frozenset(
    "bl proc resp dvs osv etc inkl exkl jfr enl milj mdr mkr tkr kr st ca kl nr tel obs "
    "ang fr tf vd mr mrs ms dr prof doc ordf forts uppl fig tab pga ev fd".split())
# First parts of a compound that are not words on their own: prefixes, and the
# learned combining forms Swedish builds new words with ("geodata", "biobränsle").
_PREFIXES = ("o", "ur", "ex", "ny", "icke", "själv", "sam", "miss", "geo", "bio", "eko",
             "mikro", "makro", "neo", "pseudo", "tele", "multi", "mega", "hydro", "termo")
_SUFFIX_AFTER_COLON = re.compile(r"^[a-zåäö]{1,4}$")
_DESIGNATION = re.compile(r"-\d")  # "covid-19", "JAS-39": a name with a number
_TRUNCATED = re.compile(r"-\s*(?:,|och\b|eller\b|samt\b|som\b|&)")
# Words whose verdict (below, _word_verdict and _accepted_slip) is kept between
# paragraphs and checks: an article, and even more a fuzzed 300 kB paragraph
# (issue 13), repeats its unknown words, and each verdict costs compound splits
# and candidate searches.
VERDICT_CACHE = 20_000  # as many as the speller keeps suggestions for


class SpellingChecker(ParagraphChecker):
    name = "spelling"
    engine = "spelling"

    def __init__(self, speller: Speller, names_handle_capitalised: bool = False) -> None:
        self.speller = speller
        # When the name checker runs, a capitalised unknown word in mid-sentence is
        # its business (a name near-miss or an unknown name to verify), not a typo.
        self.names_handle_capitalised = names_handle_capitalised
        self._mid_sentence_memo: tuple[str, frozenset[str]] | None = None
        self._hunspell_budget = HUNSPELL_SUGGESTS_PER_BLOCK  # see prepare
        # Whether this block's Hunspell searches run in the background (prepare), and
        # per paragraph the starts of the findings that wait for one (filled in by
        # refine; kept as long as the engine may hold the paragraph's plain findings,
        # e.g. from a check that skipped the refinement).
        self._search_in_background = False
        # (Keyed by the paragraph's hash and length, not its text: a fuzzed draft's
        # 300 kB paragraph would otherwise be held here long after the engine's
        # bounded caches let it go, issue 13.)
        self._awaiting: dict[tuple[int, int], frozenset[int]] = {}
        # Per word: what the word alone says (context aside), as a finding at
        # offset 0 or None; valid while the speller knows the same words.
        self._verdicts: dict[str, Finding | None] = {}
        self._initial_verdicts: dict[str, Finding | None] = {}
        self._slips: dict[str, Finding | None] = {}
        # Words Hunspell knows that are no slip either (_accepted_slip): nothing to
        # say about them anywhere; most words of a text, and they recur.
        self._fine: set[str] = set()
        self._generation = speller.generation
        error_model.confusions()  # read the data now, not in the first check
        word_classes.forms()

    def status(self) -> str:
        return self.speller.status

    def invalidate(self) -> None:
        """Forget the per-word verdicts (the engine calls this when dictionaries or
        settings change)."""
        self._verdicts.clear()
        self._initial_verdicts.clear()
        self._slips.clear()
        self._fine.clear()

    def _fresh_memo(self) -> None:
        """Start the per-word verdicts over when the speller learnt words or they grew
        past VERDICT_CACHE."""
        if (self._generation != self.speller.generation
                or len(self._verdicts) + len(self._initial_verdicts) + len(self._slips)
                + len(self._fine) > VERDICT_CACHE):
            self.invalidate()
            self._generation = self.speller.generation

    def check_paragraph(self, text: str) -> list[Finding]:
        if not self.speller.available:
            return []
        self._fresh_memo()
        tokens = list(words(text))
        findings = []
        fine = self._fine
        awaiting: list[int] = []
        cut_runs_done = -1
        for i, tok in enumerate(tokens):
            if tok.text in fine:
                continue
            if cut_word(text, tok.start, tok.end):
                # "kö4pte", "e2ablering", "kom\u200bmunen": a digit or an invisible
                # character cuts the word for the tokenizer; judged alone, "ablering"
                # would be corrected over its own letters ("e2etablering"). The whole
                # run or nothing, each run once however long.
                if tok.start >= cut_runs_done:
                    start, end = _run(text, tok.start, tok.end)
                    cut_runs_done = end
                    cut = (self._invisible_split if any(c in INVISIBLE for c in text[start:end])
                           else self._digit_slip)
                    found = cut(text, start, end)
                    if found is not None:
                        findings.append(found)
                continue
            if (self.names_handle_capitalised and tok.text[0].isupper() and "-" not in tok.text
                    and not starts_sentence(text, tok.start)):
                continue  # _check_word leaves it to the name checker, known or not
            # Hunspell's verdict (from the word table for listed words: a set look-up).
            # How common a word is never spares it: common misspellings are common.
            if self.speller.check(tok.text):
                slip = self._accepted_slip(tok)
                if slip is not None:
                    findings.append(slip)
                elif not too_long_to_edit(tok.text):  # (a fuzzed text's huge words)
                    fine.add(tok.text)
                continue
            if other_script(tok.text):
                fine.add(tok.text)
                continue
            f = self._check_word(text, tokens, i)
            if f is not None:
                if not f.suggestions and f.severity is not Severity.INFO:
                    f = self._with_hunspell_suggestions(f, awaiting)
                findings.append(f)
        if awaiting:
            if len(self._awaiting) >= AWAITING_KEPT:
                del self._awaiting[next(iter(self._awaiting))]
            self._awaiting[hash(text), len(text)] = frozenset(awaiting)
        elif self._awaiting:
            self._awaiting.pop((hash(text), len(text)), None)
        return findings

    def _digit_slip(self, text: str, start: int, end: int) -> Finding | None:
        """A digit typed inside a word, which without it, or with a letter in its
        place, is a word the speller knows ("kö4pte" -> köpte, "e2ablering" ->
        etablering); anything else with a digit inside is a designation ("covid19",
        "mp3", "B52") and left alone."""
        run = text[start:end]
        if end - start > MAX_CUT_RUN or not _DIGIT_INSIDE.fullmatch(run):
            return None
        at = next(k for k, c in enumerate(run) if c.isdigit())
        head, tail = run[:at], run[at + 1:]
        check = self.speller.check
        fixes = [w for w in (head + tail, *(head + c + tail for c in _LETTERS)) if check(w)]
        if not fixes:
            return None
        return Finding(start, end, run, Category.SPELLING, "spelling.digit-in-word",
                       "En siffra mitt i ordet – menade du " + fixes[0] + "?",
                       tuple(fixes[:5]), Severity.ERROR)

    def _invisible_split(self, text: str, start: int, end: int) -> Finding | None:
        """A word cut by invisible characters, judged whole: silent when the word
        without them is known (the artifact rule points at a zero-width character),
        else claimed over the whole run with the speller's corrections of the word."""
        run = text[start:end]
        word = "".join(c for c in run if c not in INVISIBLE)
        if len(word) > MAX_CUT_RUN or not word.isalpha() or self.speller.check(word):
            return None
        fixes = tuple(self.speller.suggest(word)[:5])
        message = (_did_you_mean(fixes[0]) if fixes
                   else "Okänt ord – finns inte i ordlistan, kontrollera stavningen")
        return Finding(start, end, run, Category.SPELLING, "spelling.unknown-word", message,
                       fixes, Severity.ERROR)

    def prepare(self, texts: list[str]) -> None:
        self._hunspell_budget = HUNSPELL_SUGGESTS_PER_BLOCK
        self._search_in_background = sum(map(len, texts)) >= BACKGROUND_SEARCH_CHARS

    def _with_hunspell_suggestions(self, f: Finding, awaiting: list[int]) -> Finding:
        """A claimed word with no correction of ours ("huvedpersson", several edits
        from "huvudperson"): Hunspell's own suggestions, as the app offers them for
        the finding in view. They cost 50-150 ms a word, so a block of text asks
        for at most HUNSPELL_SUGGESTS_PER_BLOCK new ones (a draft of fuzz or foreign
        text has thousands of such words); the speller keeps the answers. In a
        long block the search runs in the background: the finding's start goes to
        `awaiting`, and refine puts the answer in."""
        if len(f.text) > MAX_HUNSPELL_SUGGEST_LENGTH:
            return f
        if not self.speller.has_more_suggestions(f.text):
            if self._hunspell_budget <= 0:
                return f
            self._hunspell_budget -= 1
            if self._search_in_background:
                self.speller.start_more_suggestions(f.text)
        if self._search_in_background and not self.speller.more_suggestions_ready(f.text):
            awaiting.append(f.start)
            return f
        return self._with_more(f)

    def _with_more(self, f: Finding) -> Finding:
        more = tuple(self.more_suggestions(f.text))
        return replace(f, suggestions=more) if more else f

    # -- corrections in context (after the grammar's pass) ----------------------

    # The engine reorders a paragraph's corrections by the slot they stand in once
    # the grammar checker has analysed the block's paragraphs (the analyses are then
    # cached, and the corrections' words go to the tools in one round trip); a
    # check that skips the grammar (the app's fast first pass) keeps the speller's
    # order until the full check.
    refines_after = frozenset({"grammar_rules"})

    def needs_refining(self, findings: Sequence[Finding]) -> bool:
        return any(_reorderable(f) or _may_await(f) for f in findings)

    def refine(self, paragraphs: Sequence[tuple[str, Sequence[Finding]]]
               ) -> list[tuple[Finding, ...]] | None:
        """Hunspell's suggestions that were looked for in the background put in,
        then the corrections that fit the word's slot first
        (proofer.spelling_context), read off the shared morphology; None when
        there is nothing to put in and no morphology (the speller's order)."""
        from proofer.checkers.grammar import morphology_or_none, shared_analysis

        filled = [self._awaited(text, found) for text, found in paragraphs]
        reorder = [i for i, found in enumerate(filled) if any(map(_reorderable, found))]
        if not reorder:
            return [tuple(found) for found in filled]
        morph = morphology_or_none()
        if morph is None:
            if all(new is old for new, (_, old) in zip(filled, paragraphs, strict=True)):
                return None
            return [tuple(found) for found in filled]

        def readings(words: list[str]) -> dict[str, list]:
            return dict(zip(words, morph.analyse_many(words), strict=True))

        done = spelling_context.rerank_many(
            [(shared_analysis(paragraphs[i][0]), list(filled[i])) for i in reorder],
            readings, _did_you_mean, "spelling.unknown-word", morph.generate)
        real = verb_forms.real_forms(
            sorted({f.text for found in done for f in found
                    if f.rule == "spelling.unknown-word"}), readings, morph.generate)
        for i, found in zip(reorder, done, strict=True):
            filled[i] = [_real_verb_form_first(f, real) for f in found]
        return [tuple(found) for found in filled]

    def _awaited(self, text: str, found: Sequence[Finding]) -> Sequence[Finding]:
        """The paragraph's findings with the answers of the Hunspell searches they
        waited for (check_paragraph), the same object when none did."""
        starts = self._awaiting.get((hash(text), len(text)))
        if not starts:
            return found
        return [self._with_more(f) if f.start in starts and _may_await(f) else f
                for f in found]

    # -- deciding ---------------------------------------------------------------

    def _check_word(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A word Hunspell rejects: claimed, unless something here says it is right."""
        tok = tokens[i]
        word = tok.text
        if len(word) < 2 or _not_a_plain_word(word) or self._known_variant(word):
            return None  # an abbreviation in capitals, a brand ("iPhone"), "SVT:s"
        if word.lower() in DOTLESS_ABBREVIATIONS:
            return None
        if _TRUNCATED.match(text, tok.end):
            return None  # "rut- och rotavdraget": the first part of a shared compound
        if "-" in word:
            if word[:1].islower() and self.speller.check(word[:1].upper() + word[1:]):
                return None  # "t-shirt": Hunspell lists the capital form, both are used
            return self._hyphen_parts(text, tokens, i)
        if word.islower() and self.speller.check(word.capitalize()):
            return None  # a name in lower case ("sverige"): the capitals checker's
        if word.islower() and self.speller.initialism(word):
            return None  # an abbreviation in lower case ("fn"): the capitals checker's
        if _DESIGNATION.match(text, tok.end):
            return _hint(tok, "spelling.designation",
                         "Okänt ord i en beteckning med nummer – kontrollera stavningen", ())
        capitalised = word[0].isupper()
        if capitalised and not starts_sentence(text, tok.start):
            return self._name_hint(tok)
        if capitalised:
            return self._sentence_initial(text, tokens, i)
        return self._lowercase(text, tokens, i)

    def _hyphen_parts(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """"Tv-vereionen": judge the unknown ordinary part alone, and mark only it."""
        tok = tokens[i]
        offset = 0
        for part in tok.text.split("-"):
            start = tok.start + offset
            offset += len(part) + 1
            if len(part) < 2 or part[0].isupper() or self.speller.check(part):
                continue  # a name part is the name checker's
            sub = Token(start, start + len(part), part, tok.kind)
            found = self._lowercase(text, [*tokens[:i], sub, *tokens[i + 1:]], i)
            if found is not None:
                return found
        return None

    def _known_variant(self, word: str) -> bool:
        """Forms Hunspell lacks but that are built from what it knows."""
        sp = self.speller
        if ":" in word:  # "SVT:s", "Saab:arna"
            base, _, ending = word.partition(":")
            return bool(_SUFFIX_AFTER_COLON.match(ending)) and (base.isupper() or sp.check(base))
        if "-" in word:  # "Göteborgs-Posten", "hälso-och" joins of known parts
            return all(sp.check(p) or p.isupper() or p[:1].isupper() for p in word.split("-") if p)
        if "'" in word or "’" in word:  # "Macy's", "it's": not Swedish spelling
            return True
        return False

    def _name_hint(self, tok: Token) -> Finding | None:
        if self.names_handle_capitalised:
            return None
        # Only the cheap one-keystroke candidates: most such words are real names.
        close = tuple(self.speller.close_candidates(tok.text)[:3])
        return _hint(tok, "spelling.unknown-name", "Okänt namn – kontrollera stavningen", close)

    def _sentence_initial(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A capitalised word opening a sentence: a name or a misspelt word? It is
        a name when a name follows it ("Yuan Shikai") or the paragraph writes it
        with a capital mid-sentence too; else it is judged as any word, and only
        when nothing a slip away fits does the capital leave it a hint."""
        tok = tokens[i]
        word = tok.text
        if self.speller.check(word.lower()):
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        name = (nxt is not None and nxt.text[:1].isupper()
                and not text[tok.end:nxt.start].strip(" -–"))  # "Älvhem - Lilla Edet"
        if name or word in self._capitalised_mid_sentence(text, tokens):
            # The name checker leaves a sentence's first word alone: the hint is ours,
            # with the speller's ideas ("Frderik" -> "Fredrik", "Frederik").
            return _hint(tok, "spelling.unknown-name", "Okänt namn – kontrollera stavningen",
                         tuple(self.speller.likely_candidates(word)[:3]))
        return self._lowercase(text, tokens, i, initial=True)

    def _capitalised_mid_sentence(self, text: str, tokens: list[Token]) -> frozenset[str]:
        """The capitalised words the paragraph writes mid-sentence, found once per
        paragraph: asking per sentence-initial unknown word walked the whole paragraph
        each time (0.4 s on a 300 kB paragraph, issue 13)."""
        memo = self._mid_sentence_memo
        if memo is not None and memo[0] is text:
            return memo[1]
        found = frozenset(t.text for t in tokens
                          if t.text[:1].isupper() and not starts_sentence(text, t.start))
        self._mid_sentence_memo = (text, found)
        return found

    def _lowercase(self, text: str, tokens: list[Token], i: int,
                   initial: bool = False) -> Finding | None:
        tok = tokens[i]
        word = tok.text
        if too_long_to_edit(word):
            # Issue 13 (robustness): the compound and slip searches below grow with
            # the square of the length or worse; no Swedish word is this long.
            return _hint(tok, "spelling.very-long-word",
                         f"Ovanligt långt ord ({len(word)} tecken) – kontrollera", ())
        if _quoted_term(text, tok):
            return _hint(tok, "spelling.quoted-term",
                         "Citerat ord eller namn – kontrollera stavningen", ())
        if self._foreign(text, tokens, i):
            return _hint(tok, "spelling.foreign-word",
                         "Ord på främmande språk? Orden intill är inte svenska", ())
        language = self._after_language_name(tokens, i)
        if language:
            return _hint(tok, "spelling.foreign-word",
                         f"Ord på främmande språk? Det står efter ”{language}”", ())
        if (i > 0 and word_classes.is_naming_noun(tokens[i - 1].text)
                and not self._close_ordinary(word)):
            # "språket jiwarli": named, not misspelt; but "språket utveklas" is a
            # verb misspelt, one likely slip from a word Swedish text uses.
            return _hint(tok, "spelling.named-term",
                         f"Ordet nämns efter ”{tokens[i - 1].text}” – kontrollera stavningen", ())
        return self._word_verdict(tok, initial)

    def _word_verdict(self, tok: Token, initial: bool) -> Finding:
        """_judged_alone at the token, remembered per word (and whether it opens a
        sentence)."""
        word = tok.text
        memo = self._initial_verdicts if initial else self._verdicts
        found = memo.get(word)
        if found is None:  # (_lowercase has turned away the words too long to keep)
            found = memo[word] = self._judged_alone(Token(0, len(word), word, Kind.WORD),
                                                    initial)
        return found.shifted(tok.start)

    def _judged_alone(self, tok: Token, initial: bool) -> Finding:
        """What the word says by itself once nothing around it vouches for it: a
        loanword, a compound or derivation of known words (hints), else a claim."""
        word = tok.text
        if self._loanword(word):
            return _hint(tok, "spelling.loanword",
                         "Ordet saknas i ordlistan men är vanligt på engelska eller ett annat "
                         "språk, och inget svenskt ord stavas nästan så – kontrollera", ())
        if self._compound(word) or self._genitive(word) or self._loanword_compound(word):
            close = self._close_ordinary(word)
            # "utrikeshandelminister": the dictionary's form has the s. Unless a word
            # Swedish text uses is one likely slip away: "framföralt" is "framförallt",
            # not "framför" + s + "alt".
            linked = None if close else self._missing_link(word)
            if linked:
                return Finding(tok.start, tok.end, word, Category.SPELLING,
                               "spelling.compound-link",
                               f"Sammansättningen skrivs med foge-s: {linked}",
                               (linked,), Severity.ERROR)
            # Its own parts do not count: "oaviserade" is no slip for "aviserade";
            # nor does a rare word ("mästerkap" is "mästerskap", "familjestoj" no "familjesto").
            if not close:
                return _hint(tok, "spelling.compound",
                             "Sammansättning av ord som finns i ordlistan, men den saknas "
                             "själv där – kontrollera", ())
        derived = base_of(word, self.speller.check)
        if derived is not None and not self._close_ordinary(word):
            # "translationell": a known word with a productive suffix, joined the
            # regular way (proofer.derivations), which a misspelling is not.
            return _hint(tok, "spelling.derivation",
                         f"Avledning av ”{derived[0]}” som saknas i ordlistan – kontrollera", ())
        return self._claim(tok, tuple(self.suggest(word)), initial)

    def _claim(self, tok: Token, suggestions: tuple[str, ...], initial: bool) -> Finding:
        """The word is wrong as far as anything here can tell. How sure the message
        sounds depends on how likely the best correction is as a misspelling.
        At a sentence start the capital may be a name's ("Ban ser ..."): a slip then
        needs one likeliest correction, not several equally close ones (a short name
        has many words a letter away: "Barn", "Ben", "Band")."""
        if initial and _ambiguous(tok.text, suggestions):
            return _hint(tok, "spelling.unknown-name",
                         "Okänt ord eller namn – flera ord ligger lika nära, och versalen "
                         "i meningens början kan vara ett namns; kontrollera stavningen",
                         suggestions[:3])
        if suggestions and error_model.spelling_cost(tok.text, suggestions[0]) <= LIKELY_SLIP:
            return Finding(tok.start, tok.end, tok.text, Category.SPELLING,
                           "spelling.unknown-word", _did_you_mean(suggestions[0]), suggestions,
                           Severity.ERROR)
        if initial:
            return _hint(tok, "spelling.unknown-name",
                         "Okänt ord eller namn – versalen i meningens början kan vara ett "
                         "namns, kontrollera stavningen", suggestions[:3])
        return Finding(tok.start, tok.end, tok.text, Category.SPELLING, "spelling.unknown-rare",
                       "Okänt ord – finns inte i ordlistan, kontrollera stavningen",
                       suggestions, Severity.WARNING)

    def _accepted_slip(self, tok: Token) -> Finding | None:
        """_slip_verdict at the token, remembered per word."""
        word = tok.text
        if len(word) < MIN_ACCEPTED_SLIP or not word.islower() or zipf(word) > 0:
            return None  # (the cheap part of _slip_verdict's first test, unremembered)
        memo = self._slips
        if word in memo:
            found = memo[word]
        else:
            found = self._slip_verdict(word)
            if not too_long_to_edit(word):
                memo[word] = found
        return None if found is None else found.shifted(tok.start)

    def _slip_verdict(self, word: str) -> Finding | None:
        """A word Hunspell lets through only by its compounding ("mottorn" as
        "mott" + "orn", "upprusning", "äganderatt"): Swedish text never uses it, no
        form of it is used either, and a word Swedish text does use is one likely
        misspelling away: one slip, not two ("särbor" is no "serber"). Then the
        compound is a coincidence and the slip the likelier reading; the claim says
        the dictionary allows the word. (A finding at offset 0.)"""
        if (len(word) < MIN_ACCEPTED_SLIP or not word.isalpha() or not word.islower()
                or zipf(word) > 0 or self.speller.is_accepted(word)
                or too_long_to_edit(word) or _form_of_listed(word)):
            return None
        # One slip only: the keyboard's one-edit words and one sound rewrite, not the
        # speller's fuller search (most such words are rare compounds, right as written).
        check = self.speller.check
        one_slip = one_slip_candidates(word, check)
        one_slip |= error_model.by_ear_candidates(word, check, steps=1)
        for c in rank(word, one_slip)[:MAX_SUGGESTIONS]:
            if (zipf(c) >= IN_USE and not _affix_of(word, c)
                    and not _form_of_listed(c, word)
                    and error_model.spelling_cost(word, c) <= ONE_KEYSTROKE):
                return Finding(0, len(word), word, Category.SPELLING,
                               "spelling.accepted-compound",
                               f"Ordlistan godtar ordet som sammansättning, men det används "
                               f"inte i svensk text – menade du {c}?", (c,), Severity.WARNING)
        return None

    # -- evidence ---------------------------------------------------------------

    def _close_ordinary(self, word: str) -> bool:
        """A word Swedish text uses is one likely misspelling away, or the words
        written apart ("tillexempel" is no compound). A candidate that
        is the word minus a prefix or an ending does not count ("oaviserade" is not
        "aviserade")."""
        lower = word.lower()
        return any(
            error_model.spelling_cost(word, c) <= CLOSE
            # Written together: a phrase with a function word ("till exempel").
            and (zipf(c) >= IN_USE or " " in c)
            and not _affix_of(lower, c.lower())
            for c in self.speller.likely_candidates(word)[:MAX_SUGGESTIONS])

    def _loanword(self, word: str) -> bool:
        """Common in a language that turns up in Swedish text ("covid", "source")
        and no Swedish word spelt nearly so: not a Swedish word misspelt. A word
        near a Swedish one ("adress" for "address") stays a misspelling."""
        if foreign_zipf(word) < USED_ABROAD_OFTEN:
            return False
        return not any(error_model.spelling_cost(word, c) <= CLOSE
                       for c in self.speller.likely_candidates(word))

    @staticmethod
    def _after_language_name(tokens: list[Token], i: int) -> str | None:
        """"från latinets translatio", "på engelska walk": the word before names a
        language, so this one is quoted from it."""
        if i == 0:
            return None
        before = tokens[i - 1].text.lower()
        return before if word_classes.is_language(before) else None

    def _missing_link(self, word: str) -> str | None:
        """The word with a linking s that the dictionary knows, if any."""
        for i in range(3, len(word) - 2):
            if not self._compound_head(word[:i].lower()):
                continue  # the s goes after a first part
            cand = word[:i] + "s" + word[i:]
            if self.speller.check(cand):
                return cand
        return None

    def _foreign(self, text: str, tokens: list[Token], i: int) -> bool:
        """A word of another language among other non-Swedish words or names:
        "King of piano", "Nordin gallery", "Andes de tipo andino", "life
        scienceföretagen" (a neighbour that begins with a foreign word)."""
        # The frequency look-ups in five languages are the costly part: once.
        if foreign_zipf(tokens[i].text) < USED_ABROAD:
            return False
        for other in self._phrase_neighbours(text, tokens, i):
            if other.text[:1].isupper() and not starts_sentence(text, other.start):
                return True
            known = self.speller.check(other.text)
            if ((not known and foreign_zipf(other.text) >= USED_ABROAD)
                    or more_used_abroad(other.text) or self._loanword_compound(other.text)):
                return True
        return False

    @staticmethod
    def _phrase_neighbours(text: str, tokens: list[Token], i: int) -> list[Token]:
        """The words right before and after, unless punctuation separates them."""
        out = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens):
                other = tokens[j]
                gap = text[min(other.end, tokens[i].end):max(other.start, tokens[i].start)]
                if not gap.strip(" ”\"'’"):
                    out.append(other)
        return out

    def _compound(self, word: str, depth: int = 0) -> bool:
        """Known parts joined the Swedish way, with or without a linking s or e:
        "familjestoj", "frontlinjeskonflikter", "oaviserade"."""
        w = word.lower()
        listed = swedish_words()
        for i in range(1, len(w) - 1):
            head, tail = w[:i], w[i:]
            # A short last part is a part only when it is a common word after a whole
            # word ("kurs|år", "direkt|äga"): rare ones fit anywhere by chance
            # ("finanser|ars"), a pronoun ends no compound ("hört|de"), and of two
            # letters only a noun does ("poäng|sa" is no compound).
            if len(tail) <= SHORT_PART and (
                    len(tail) < 2 or len(head) < 4 or listed.get(tail, 0.0) < _COMMON_PART
                    or word_classes.is_function_word(tail)
                    or (len(tail) == 2 and not self._noun(tail))):
                continue
            if not self._compound_head(head):
                continue
            if self.speller.check(tail):
                return True
            if depth < 1 and len(tail) >= 6 and self._compound(tail, depth + 1):
                return True
        return False

    def _noun(self, word: str) -> bool:
        """Has a definite form ("år": "året"; "bil": "bilen"), as a noun does."""
        return self.speller.check(word + "et") or self.speller.check(word + "en")

    def _loanword_compound(self, word: str) -> bool:
        """A loanword first ("covidbevis"): common abroad, nothing Swedish spelt
        nearly so, and a Swedish word after it."""
        if too_long_to_edit(word):
            return False
        w = word.lower()
        for i in range(4, len(w) - 2):
            head, tail = w[:i], w[i:]
            if (foreign_zipf(head) >= USED_ABROAD_OFTEN and self.speller.check(tail)
                    and self._loanword(head)):
                return True
        return False

    def _compound_head(self, head: str) -> bool:
        if head in _PREFIXES:
            return True
        if len(head) >= LONG_HEAD and head[-1] == "s" and self.speller.check(head[:-1]):
            return True  # a long word the list lacks, with a linking s: "halvspråkighets-"
        if len(head) < 3 or not compound_form(head, swedish_words()):
            return False  # not a word Swedish text uses: no Hunspell call needed
        sp = self.speller
        if sp.check(head) or sp.check(head.capitalize()):  # "oscarsvinnande"
            return True
        if head[-1] in "se" and len(head) > 3:
            stem = head[:-1]
            return sp.check(stem) or sp.check(stem + "a")  # "hjärte-" from "hjärta"
        if head[-1] in "uo" and len(head) > 3:
            return sp.check(head[:-1] + "a")  # "råvaru-" from "råvara", "kyrko-"
        return False

    def _genitive(self, word: str) -> bool:
        """A genitive s on a known word: "det ofattbaras rike"."""
        return len(word) > 4 and word.endswith("s") and self.speller.check(word[:-1])

    # -- suggesting -------------------------------------------------------------

    def suggest(self, word: str) -> list[str]:
        return self.speller.suggest(word)[:MAX_SUGGESTIONS]

    def more_suggestions(self, word: str) -> list[str]:
        """For a finding of ours the person is looking at (see Speller)."""
        return self.speller.more_suggestions(word)[:MAX_SUGGESTIONS]


def _reorderable(f: Finding) -> bool:
    """A claim with corrections, which the word's slot may reorder or put in the
    slot's form, or a verb inflected the regular way (proofer.verb_forms)."""
    return f.rule == "spelling.unknown-word" and (
        bool(f.suggestions) or verb_forms.may_be_regularised(f.text))


def _may_await(f: Finding) -> bool:
    """A claim without corrections that may wait for a Hunspell search."""
    return (not f.suggestions and f.severity is not Severity.INFO
            and len(f.text) <= MAX_HUNSPELL_SUGGEST_LENGTH)


def _ambiguous(word: str, suggestions: tuple[str, ...]) -> bool:
    """A word as short as a name ("Ban", "Kim") with no one likeliest correction:
    two or more tie at the lowest cost, and only how common they are orders them.
    (Longer words tie too, "Snalla": "Snälla", "Snåla"; but few names are that
    close to several words, and a misspelling at a sentence start is common.)"""
    if len(word) > SHORT_NAME:
        return False
    costs = [error_model.spelling_cost(word, s) for s in suggestions]
    return len(costs) >= 2 and costs.count(min(costs)) >= 2


def _form_of_listed(word: str, other: str | None = None) -> bool:
    """The word is an inflected form of a word Swedish text uses (or of `other`):
    a rare form of a common word ("debattörernas", "våldsutsatt"), not a slip. A
    last letter that doubles the one before it is no ending ("styrkann")."""
    listed = swedish_words() if other is None else {other: 1.0}
    for ending in INFLECTIONS:
        stem = word[:-len(ending)]
        if (word.endswith(ending) and len(stem) >= 3 and stem[-1] != ending[0]
                and stem in listed):
            return True
        if word + ending in listed:
            return True
    return False


def _affix_of(word: str, candidate: str) -> bool:
    """The candidate is the word without a prefix ("oaviserade": "aviserade") or
    without an ending: a part, not a misspelling of the whole. A last letter that
    only doubles the one before it is no ending but a slip ("sänkass", "motorr")."""
    if word.endswith(candidate):
        return True
    return word.startswith(candidate) and word[len(candidate)] != candidate[-1]


_QUOTES = "”“\"«»"
QUOTED_TERM_WORDS = 3  # a longer quotation is someone's words, to be spelt right


def _quoted_term(text: str, tok: Token) -> bool:
    """The word stands in quotation marks with at most two other words: a term, a
    title or a name cited as written (”translatio”, ”Fika Sessions”), not
    running text. A quoted sentence is checked like any other."""
    # (Asked for every unknown word of a paragraph: the searches run through map,
    # and the closing mark is only looked for after an opening one.)
    left = text[max(0, tok.start - 40):tok.start]
    open_at = max(map(left.rfind, _QUOTES))
    if open_at < 0:
        return False
    right = text[tok.end:tok.end + 40]
    close_at = min([k for k in map(right.find, _QUOTES) if k >= 0], default=-1)
    if close_at < 0:
        return False
    inside = left[open_at + 1:] + tok.text + right[:close_at]
    if not inside.strip() or inside[:1].isspace() or inside[-1:].isspace():
        return False  # a closing mark before the word, an opening one after it
    return len(inside.split()) <= QUOTED_TERM_WORDS


# One digit between letters, at least two after it: a slip of the finger on the
# row above the letters, not a designation ("mp3", "covid19", "G7").
_DIGIT_INSIDE = re.compile(r"[^\W\d_]+\d[^\W\d_]{2,}")
_LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
MAX_CUT_RUN = 40  # longer runs of letters and digits are codes, not words


def _run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of letters, digits and invisible characters the token stands in."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in INVISIBLE):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in INVISIBLE):
        end += 1
    return start, end


def _hint(tok: Token, rule: str, message: str, suggestions: tuple[str, ...]) -> Finding:
    return Finding(tok.start, tok.end, tok.text, Category.SPELLING, rule, message,
                   suggestions, Severity.INFO)


def _not_a_plain_word(word: str) -> bool:
    """All capitals ("NATO", "XVI") or capitals inside ("iPhone", "McKinsey")."""
    letters = word.replace("-", "")
    return letters.isupper() or any(map(str.isupper, letters[1:]))


# The checker's own examples, run by tests/test_spelling.py: (text, the flagged
# word, its first suggestion) must be claimed as errors, and CORRECT must give no
# claim (hints are allowed: they are not errors).
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("Han sgäer att det är klart.", "sgäer", "säger"),
    # a digit typed inside a word: the whole word, not the letters after the digit
    ("Han kö4pte en bil i går.", "kö4pte", "köpte"),
    ("Det gäller nyanländas e2ablering på arbetsmarknaden.", "e2ablering", "etablering"),
    # a word cut by a soft hyphen: the whole word, judged without it
    ("Han bor i kom\u00admmunen sedan i fjol.", "kom\u00admmunen", "kommunen"),
    ("Vi måste htita en lösning.", "htita", "hitta"),
    ("Hon kmmer hem i morgon.", "kmmer", "kommer"),
    ("Beslutet är rwdan fattat.", "rwdan", "redan"),
    ("Hon kom tllbaka till Malmö.", "tllbaka", "tillbaka"),
    ("De kalades till mötet.", "kalades", "kallades"),
    ("Han har suttit i partisyrelse länge.", "partisyrelse", "partistyrelse"),
    ("Hon blev utrikeshandelminister i fjol.", "utrikeshandelminister",
     "utrikeshandelsminister"),
    # ... but a common word one doubling away beats a linking s ("framför|s|alt").
    ("Det gäller framföralt de unga.", "framföralt", "framförallt"),
    ("Varfrö gick du?", "Varfrö", "Varför"),
    ("Priserna har minskt sedan i fjol.", "minskt", "minskat"),
    ("Han är helt oneroende av partiet.", "oneroende", "oberoende"),
    ("Det gör han ite i dag.", "ite", "inte"),
    ("Enilgt polisen var det lugnt.", "Enilgt", "Enligt"),
    ("Rimlihetsstudien visar något annat.", "Rimlihetsstudien", "Rimlighetsstudien"),
    ("Han såg tv-vereionen i går.", "vereionen", "versionen"),
    # A dropped letter before a neighbouring key: "bjd" is "bjöd", not "bud".
    ("Han bjd alla på middag.", "bjd", "bjöd"),
    ("Hon käne igen honom direkt.", "käne", "kände"),
    # A stray key in a rare form the frequency list lacks, which Hunspell knows.
    ("Kommunen omplanerfar bygget.", "omplanerfar", "omplanerar"),
    # Spelt by ear (proofer.error_model), and common on the web all the same.
    ("Vi måste jälpa till.", "jälpa", "hjälpa"),
    ("Han fick permition från lumpen.", "permition", "permission"),
    ("Det är hälst bra att fråga.", "hälst", "helst"),
    ("Tillexempel kan du ringa.", "Tillexempel", "Till exempel"),
    ("De bodde i en lägenhet med mychet ljus.", "mychet", "mycket"),
    # A capital at the sentence start does not make a misspelling a name.
    ("Hälst vill hon åka i dag.", "Hälst", "Helst"),
    # A compound of known words that is one likely misspelling from a common word.
    ("Vi behöver ytterliggare pengar.", "ytterliggare", "ytterligare"),
    # A word common abroad, or a compound of known parts, one likely slip from a
    # Swedish word: a misspelling of it.
    ("Det var ett interessant förslag.", "interessant", "intressant"),
    # In a quoted sentence (more than a cited term) a misspelling is still one.
    ("– Vi måste ”htita en lösning nu”, sa hon.", "htita", "hitta"),
    # Hunspell's compounding lets these through ("mott" + "orn"), but Swedish text
    # never uses them and a word it does use is one likely misspelling away.
    ("Verkstaden bytte mottorn i går.", "mottorn", "motorn"),
    ("Regeringen vill se en upprusning av försvaret.", "upprusning", "upprustning"),
    # A doubled last letter is no ending: "sänkas" is no part of "sänkass".
    ("Priserna ska sänkass nästa år.", "sänkass", "sänkas"),
    # g said as j inside a word; "lj" says j only at the start ("säljs" is heard).
    ("Vi måste fråja henne.", "fråja", "fråga"),
    # "ch" at the start of a loanword is the sj-sound.
    ("Hon fick en sjans till.", "sjans", "chans"),
    # ... but a misspelt part after one is still a misspelling.
    ("Bussarna går på biobrensle.", "biobrensle", "biobränsle"),
    # After a noun that names a word ("språket jiwarli") only what is no likely slip.
    ("Det svenska språket utveklas snabbt.", "utveklas", "utvecklas"),
)
# Claimed although they are rare real words: nothing here says they are right, so
# the reader confirms them (or adds them to the word list).
WARNED: tuple[tuple[str, str], ...] = (
    ("Kyrkan har ett torn med empor i väster.", "empor"),
    ("Den formades av subduktion av oceanskorpan.", "subduktion"),
)
CORRECT: tuple[str, ...] = (
    "Vi träffades bl.a. i Göteborg, t.ex. på Liseberg, kl. 14.30 m.m.",
    "Socialdemokraterna (S) och Miljöpartiet (MP) kom på 1:a och 2:a plats.",
    "40-åringen fick 3,5 miljoner kr, se https://www.dn.se eller mejla red@dn.se #val2026.",
    "Hon livekommenterar matchen medan familjestoj hörs i bakgrunden.",
    "Han berättade om det ofattbaras rike.",
    "Filmen Son of Rambow visades på University of North Carolina.",
    "Hon arbetar på Göteborgs-Posten och på SVT:s nyhetsredaktion.",
    "Det gäller rut- och rotavdraget.",
    "Till 80 proc berör de bl a kommunerna.",
    "Tåget var sent pga snön, och ev förseningar meddelas av fd stationschefen.",
    "NATO och EU möttes under 1990-talet i Bryssel.",
    "Han köpte en iPhone på McDonald's i centrum.",
    "Höjda råvarutullar drabbar industrin efter oaviserade avbrott.",
    "Ban Ki-moon ser allvarligt på saken, sade han.",
    "Joe Ramonetha anfölls av en hund.",
    # An unknown capitalised word opening a sentence with nothing close: maybe a name.
    "Subduktion av oceanskorpan formade bergen.",
    # ... or with several words equally close ("Barn", "Ben", "Band"): maybe a name.
    "Ban ser säkerhetsrådets misslyckande som en katastrof.",
    # A word named by the noun before it: cited, not misspelt.
    "Hon forskar om det australiensiska språket jiwarli.",
    # Evidence that an unknown word is right here: a designation with a number, a
    # language named before it, foreign words around it, a loanword no Swedish
    # word is spelt like, a loanword compound, a name across a dash.
    "Vaccinet mot covid-19 ges gratis.",
    "Filen är en mp3, planet en B52 och mötet G7-ländernas; covid19 sprids.",
    "Kommun\u00adstyrelsen fattade beslutet om kom\u200bmunen.",
    # Hunspell lists "T-shirt"; the lower-case form is as usual. A web address.
    "Han hade en t-shirt på sig. Läs mer på Nordiskolan.org och skatteverket.se/privat.",
    "Ordet kommer från latinets translatio.",
    "Vad är life science?",
    "Hon visade sitt covidbevis i dörren.",
    "Tåget går vidare. Älvhem - Lilla Edet trafikeras också.",
    # Compounds: a short common noun last, a long word with a linking s first.
    "Inför varje nytt kursår kommer en ny katalog.",
    "Skolan var okunnig i halvspråkighetsfrågan.",
    "Det är billigare att direktäga aktier.",
    # A known word with a productive suffix, joined the regular way (proofer.derivations).
    "Det kallas translationell forskning.",
    # A term cited in quotation marks, as written.
    "Ordet ”translatio” betyder överföring, och bandet heter ”Fnordbrus”.",
    # A learned combining form first ("geo-", "bio-") makes a compound.
    "Kartan visar varje geoplats i länet.",
    # Rare forms of words Swedish text uses are forms, not slips of another word.
    "Debattörernas argument var svaga och hon är våldsutsatt.",
    "Många par lever som särbor.",
)


def rank_suggestions(word: str, candidates: list[str]) -> list[str]:
    """Closest first by keyboard distance, then the more common word (kept for the
    name checker, which ranks the speller's candidates the same way)."""
    return rank(word, candidates)


def _real_verb_form_first(f: Finding, real: dict[str, str]) -> Finding:
    """A verb inflected the regular way ("komde", "springde"): the verb's own form
    of that tense first (proofer.verb_forms), before the spellings of other words
    ("kom de", "sprängde")."""
    form = real.get(f.text) if f.rule == "spelling.unknown-word" else None
    if form is None or (f.suggestions and f.suggestions[0] == form):
        return f
    rest = tuple(c for c in f.suggestions if c != form)[:MAX_SUGGESTIONS - 1]
    return replace(f, suggestions=(form, *rest),
                   message=f"Verbet böjs inte regelbundet – menade du {form}?")


def _did_you_mean(suggestion: str) -> str:
    return f"Okänt ord – menade du {suggestion}?"
