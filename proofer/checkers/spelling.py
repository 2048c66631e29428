"""Swedish spelling: words Hunspell sv_SE does not know, with ranked suggestions.

Not every word Hunspell lacks is a slip. News text is full of new compounds
("livekommenterar"), foreign titles ("New thinking in school mathematics"), names
and words writers use that the dictionary has not caught up with. So an unknown
word is claimed (`error`) only when a correction is one slip away (a neighbouring
key, two letters swapped, a letter dropped or doubled) and nothing says it is a real
word: Swedish text does not use it, it is no compound or genitive of known words, no
foreign word among foreign words or names, and no name. Otherwise it is at most a
hint (`info`), which the reader sees and measurements ignore. Capitalised words in
mid-sentence are the name checker's when it runs (`names_handle_capitalised`).

Frequencies are wordfreq Zipf values (0 unseen, 3 rare, 6 very common).
"""

from __future__ import annotations

import re

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.frequency import foreign_zipf, swedish_words, zipf
from proofer.speller import Speller
from proofer.suggestions import compound_form, keyboard_distance, rank, too_long_to_edit
from proofer.tokens import Token, starts_sentence, words

MAX_SUGGESTIONS = 5

# -- what the frequency list says about the word itself ---------------------------
# Used this often, it is a real word (newer, foreign or a name) even if Hunspell
# lacks it; injected and real slips of ordinary words sit far below (most at 0) ...
USED_IN_SWEDISH = 2.5
# ... unless a word this much more common (1.5 = 30 times) is one slip away: web text
# has its own frequent slips ("nte", "til").
MUCH_MORE_COMMON = 1.5
# No Hunspell call at all for words this common (a dict lookup settles them): the
# top forms, common words of four letters or more, common long words. Frequent
# slips are short.
_SURELY_A_WORD = 10 ** (5.0 - 9)  # wordfreq's raw scale: 10 ** (zipf - 9)
_COMMON_WORD = 10 ** (4.0 - 9)
_LONG_AND_COMMON = 10 ** (3.0 - 9)

# -- what the best correction says -------------------------------------------------
# A claimed slip's correction is one near slip away, or two in a common word; a
# single far substitution ("suzeränitet"/"suveränitet") is more often a rare word.
ONE_SLIP = 0.7
TWO_SLIPS = 1.2
# "Close and ordinary": within one slip (CLOSE) and at least this common. Decides
# whether a plausible compound is still a slip ("mästerkap" -> "mästerskap": IN_USE)
# and whether a capitalised word opening a sentence is a slip rather than a name
# (COMMON; VERY_COMMON for short words and before another capitalised word).
CLOSE = 0.7
IN_USE = 1.0
ORDINARY = 2.5
COMMON = 3.5
VERY_COMMON = 5.0
SHORT = 5
LONG = 7  # a long capitalised word is rarely a name: judged as any word

# A correction this rare (Zipf) does not make a short unknown word (these lengths) a
# slip: rare words Hunspell lacks sit next to other rare words.
RARE_CORRECTION = 2.0
RARE_SHORT = (5, 7)

# Known in a language that turns up in Swedish news (titles, quotes, names of works).
USED_ABROAD = 3.0

# Abbreviations written without their dots ("bl a", "75 proc"), which Hunspell lacks.
DOTLESS_ABBREVIATIONS = frozenset(
    "bl proc resp dvs osv etc inkl exkl jfr enl milj mdr mkr tkr kr st ca kl nr tel obs "
    "ang fr tf vd mr mrs ms dr prof doc ordf forts uppl fig tab".split())
# First parts of a compound that are not words on their own.
_PREFIXES = ("o", "ur", "ex", "ny", "icke", "själv", "sam", "miss")
_SUFFIX_AFTER_COLON = re.compile(r"^[a-zåäö]{1,4}$")
_TRUNCATED = re.compile(r"-\s*(?:,|och\b|eller\b|samt\b|som\b|&)")


class SpellingChecker(ParagraphChecker):
    name = "spelling"
    engine = "spelling"

    def __init__(self, speller: Speller, names_handle_capitalised: bool = False) -> None:
        self.speller = speller
        # When the name checker runs, a capitalised unknown word in mid-sentence is
        # its business (a name near-miss or an unknown name to verify), not a typo.
        self.names_handle_capitalised = names_handle_capitalised

    def status(self) -> str:
        return self.speller.status

    def check_paragraph(self, text: str) -> list[Finding]:
        if not self.speller.available:
            return []
        tokens = list(words(text))
        findings = []
        listed = swedish_words()
        for i, tok in enumerate(tokens):
            # The most common words need no Hunspell call: a dict lookup settles them.
            freq = listed.get(tok.text.lower())
            if freq is not None and (
                    freq >= _SURELY_A_WORD
                    or (freq >= _COMMON_WORD and len(tok.text) >= SHORT - 1)
                    or (freq >= _LONG_AND_COMMON and len(tok.text) >= LONG)):
                continue
            if (self.names_handle_capitalised and tok.text[0].isupper() and "-" not in tok.text
                    and not starts_sentence(text, tok.start)):
                continue  # _check_word leaves it to the name checker, known or not
            if self.speller.check(tok.text):
                continue
            f = self._check_word(text, tokens, i)
            if f is not None:
                findings.append(f)
        return findings

    # -- deciding ---------------------------------------------------------------

    def _check_word(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        tok = tokens[i]
        word = tok.text
        if len(word) < 2 or _not_a_plain_word(word) or self._known_variant(word):
            return None
        if word.lower() in DOTLESS_ABBREVIATIONS:
            return None
        if _TRUNCATED.match(text, tok.end):
            return None  # "rut- och rotavdraget": the first part of a shared compound
        if "-" in word:
            return self._hyphen_parts(text, tokens, i)
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
        """A capitalised word opening a sentence: a name or a slip?"""
        tok = tokens[i]
        word = tok.text
        if self.speller.check(word.lower()):
            return None
        own = zipf(word)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        before_name = nxt is not None and nxt.text[:1].isupper()  # "Yuan Shikai"
        if own >= USED_IN_SWEDISH:  # a name Swedish text uses: "Ban", "Joe"
            return self._name_hint(tok)
        if len(word) >= LONG:
            # Long words are rarely names and a slip in one rarely makes another
            # word: judge it as any other word ("Rimlihetsstudien").
            return self._lowercase(text, tokens, i)
        # Short names ("Doss", "Bogd") sit near many words, and a first name stands
        # before a surname: then only a very common word makes it a slip ("Tkll" ->
        # "Till", "Enilgt Expressen" -> "Enligt").
        wanted = VERY_COMMON if len(word) < SHORT or before_name else COMMON
        if self._close_ordinary(word, frequency=max(wanted, own + MUCH_MORE_COMMON)):
            return self._error(tok)
        return self._name_hint(tok)

    def _lowercase(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        tok = tokens[i]
        word = tok.text
        if too_long_to_edit(word):
            # Issue 13 (robustness): the compound and slip searches below grow with
            # the square of the length or worse; no Swedish word is this long.
            return _hint(tok, "spelling.very-long-word",
                         f"Ovanligt långt ord ({len(word)} tecken) – kontrollera", ())
        if self._foreign(text, tokens, i):
            return _hint(tok, "spelling.foreign-word", "Ord på främmande språk?", ())
        own = zipf(word)
        if own >= USED_IN_SWEDISH:
            # Web text has its own frequent slips ("nte", "til"): a far more common
            # word one keystroke away still makes it one.
            if self._close_ordinary(word, frequency=own + MUCH_MORE_COMMON):
                return self._error(tok)
            return _hint(tok, "spelling.rare-word",
                         "Ordet saknas i ordlistan men används i svensk text", ())
        if self._compound(word) or self._genitive(word):
            linked = self._missing_link(word)
            if linked:  # "utrikeshandelminister": the dictionary's form has the s
                return Finding(tok.start, tok.end, word, Category.SPELLING,
                               "spelling.compound-link",
                               f"Sammansättningen skrivs med foge-s: {linked}",
                               (linked,), Severity.ERROR)
            # Its own parts do not count: "oaviserade" is no slip for "aviserade".
            # Only listed words do: Hunspell accepts near any join of two words.
            if not self._close_ordinary(word, own_parts=False, frequency=IN_USE):
                return _hint(tok, "spelling.compound",
                             "Sammansättning som saknas i ordlistan – kontrollera", ())
        return self._error(tok)

    def _error(self, tok: Token) -> Finding:
        suggestions = tuple(self.suggest(tok.text))
        if not suggestions or not _a_slip_away(tok.text, suggestions[0]):
            # Nothing a slip away: more likely a rare word ("subduktion") than a
            # typo, so the reader is asked, not told.
            return _hint(tok, "spelling.unknown-rare", "Okänt ord – kontrollera stavningen",
                         suggestions)
        if _rare_for_rare(tok.text, suggestions[0]):
            return _hint(tok, "spelling.unknown-rare", "Okänt ord – kontrollera stavningen",
                         suggestions)
        return Finding(tok.start, tok.end, tok.text, Category.SPELLING, "spelling.unknown-word",
                       f"Okänt ord – menade du {suggestions[0]}?", suggestions, Severity.ERROR)

    # -- evidence ---------------------------------------------------------------

    def _close_ordinary(self, word: str, own_parts: bool = True,
                        frequency: float = ORDINARY) -> bool:
        """An ordinary word is one cheap keystroke away. Without `own_parts`, a
        candidate that is the word minus a prefix or an ending does not count
        ("oaviserade" is not a slip for "aviserade")."""
        lower = word.lower()
        return any(
            keyboard_distance(word, c) <= CLOSE and zipf(c) >= frequency
            and (own_parts or not (lower.startswith(c.lower()) or lower.endswith(c.lower())))
            for c in self.speller.close_candidates(word)[:5])

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
        "King of piano", "Nordin gallery", "Andes de tipo andino"."""
        company = [other for other in self._phrase_neighbours(text, tokens, i)
                   if (other.text[:1].isupper() and not starts_sentence(text, other.start))
                   or not self.speller.check(other.text)]
        # The frequency look-ups in five languages are the costly part: last.
        if not company or foreign_zipf(tokens[i].text) < USED_ABROAD:
            return False
        return any(other.text[:1].isupper() or foreign_zipf(other.text) >= USED_ABROAD
                   for other in company)

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
        for i in range(1, len(w) - 2):
            head, tail = w[:i], w[i:]
            if not self._compound_head(head):
                continue
            if self.speller.check(tail) and len(tail) >= 3:
                return True
            if depth < 1 and len(tail) >= 6 and self._compound(tail, depth + 1):
                return True
        return False

    def _compound_head(self, head: str) -> bool:
        if head in _PREFIXES:
            return True
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


def _a_slip_away(word: str, correction: str) -> bool:
    d = keyboard_distance(word, correction)
    return d <= ONE_SLIP or (d <= TWO_SLIPS and zipf(correction) >= COMMON)


def _rare_for_rare(word: str, correction: str) -> bool:
    """A short lower-case word whose best correction is itself rare is as likely
    a rare word Hunspell lacks ("empor", not "empir"). A long one is not: a rare
    long word with a stray letter is still a slip ("omstöpefr" -> "omstöper")."""
    return (word.islower() and RARE_SHORT[0] <= len(word) <= RARE_SHORT[1]
            and zipf(correction) < RARE_CORRECTION)


def _hint(tok: Token, rule: str, message: str, suggestions: tuple[str, ...]) -> Finding:
    return Finding(tok.start, tok.end, tok.text, Category.SPELLING, rule, message,
                   suggestions, Severity.INFO)


def _not_a_plain_word(word: str) -> bool:
    """All capitals ("NATO", "XVI") or capitals inside ("iPhone", "McKinsey")."""
    letters = word.replace("-", "")
    return letters.isupper() or any(c.isupper() for c in letters[1:])


# The checker's own examples, run by tests/test_spelling.py: (text, the flagged
# word, its first suggestion) must be claimed as errors, and CORRECT must give no
# claim (hints are allowed: they are not errors).
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("Han sgäer att det är klart.", "sgäer", "säger"),
    ("Vi måste htita en lösning.", "htita", "hitta"),
    ("Hon kmmer hem i morgon.", "kmmer", "kommer"),
    ("Beslutet är rwdan fattat.", "rwdan", "redan"),
    ("Hon kom tllbaka till Malmö.", "tllbaka", "tillbaka"),
    ("De kalades till mötet.", "kalades", "kallades"),
    ("Han har suttit i partisyrelse länge.", "partisyrelse", "partistyrelse"),
    ("Hon blev utrikeshandelminister i fjol.", "utrikeshandelminister",
     "utrikeshandelsminister"),
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
    "NATO och EU möttes under 1990-talet i Bryssel.",
    "Han köpte en iPhone på McDonald's i centrum.",
    "Höjda råvarutullar drabbar industrin efter oaviserade avbrott.",
    "Ban ser allvarligt på saken, sade han.",
    "Joe Ramonetha anfölls av en hund.",
    "Subduktion av oceanskorpan formade bergen.",
    # A short rare word next to another rare word is a hint, not a slip.
    "Kyrkan har ett torn med empor i väster.",
)


def rank_suggestions(word: str, candidates: list[str]) -> list[str]:
    """Closest first by keyboard distance, then the more common word (kept for the
    name checker, which ranks the speller's candidates the same way)."""
    return rank(word, candidates)
