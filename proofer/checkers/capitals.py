"""Capital letters after Svenska skrivregler: a sentence starts with a capital, a name
has one, and weekdays, months, languages and nationalities do not.

Three rules, their messages and examples in resources/capitals/capitals.yaml:
* sentence-start: a word in lower case after . ! ? (not after an abbreviation, an
  initial or an ellipsis, nor after a quote's ? or ! that the sentence goes on from,
  in quotation marks or in a line of dialogue that opens with a dash)
  or opening a paragraph that is no list item. A colon is no sentence end.
* proper-noun-lower-case: a word Hunspell knows only with a capital ("sverige"), or
  that the name dictionaries know so, written in lower case; and an authority's
  one-word name from the dictionaries ("skatteverket"), though Hunspell builds the
  lower-case compound, unless Svenska skrivregler writes it in lower case
  ("riksdagen", "regeringen").
* class-capitalised: a weekday, month, language or nationality with a capital in
  mid-sentence, unless it begins a name ("Svenska Dagbladet", "Svenska kyrkan").
* function-word-capitalised: a pronoun, preposition or conjunction with a capital
  in mid-sentence after a lower-case word: such words are no names, so either the
  capital is wrong ("Hej, Jag bor") or a full stop is missing ("ingen tvekan Min
  åsikt"); the finding offers both.
Lower-case brands ("iPhone") have a capital inside and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from proofer import word_classes
from proofer.checkers.base import SpellerParagraphChecker
from proofer.checkers.grammar import shared_analysis
from proofer.checkers.spelling import DOTLESS_ABBREVIATIONS
from proofer.finding import Category, Finding, Severity
from proofer.morphology import lexicon
from proofer.speller import Speller
from proofer.suggestions import too_long_to_edit
from proofer.tokens import Kind, Token, cut_word, starts_sentence, tokenize
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[2] / "resources" / "capitals" / "capitals.yaml"
HEADING_WORDS = 3  # "Konsekvenser och följder"
_ORDERED_LIST = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s")


@dataclass(frozen=True)
class CapitalRules:
    messages: dict[str, str]
    kinds: dict[str, str]
    after_class_word: frozenset[str]
    list_markers: tuple[str, ...]
    title_nouns: frozenset[str]
    title_heads: tuple[str, ...]
    product_determiners: frozenset[str]
    conjunctions: frozenset[str]
    determiners: frozenset[str]
    lower_case_institutions: tuple[str, ...]
    subject_pronouns: frozenset[str]
    abbreviations: frozenset[str]
    possessive_name_starts: frozenset[str]
    function_word_names: frozenset[str]
    raw: dict


@cache
def rules() -> CapitalRules:
    data = read_yaml(DATA)
    return CapitalRules(
        messages={k: v["message"] for k, v in data["rules"].items()},
        kinds=dict(data["kinds"]),
        after_class_word=frozenset(data["after_class_word"]),
        list_markers=tuple(data["list_markers"]),
        title_nouns=frozenset(data["title_nouns"]),
        title_heads=tuple(sorted(data["title_heads"], key=len, reverse=True)),
        product_determiners=frozenset(data["product_determiners"]),
        conjunctions=frozenset(data["conjunctions"]),
        determiners=frozenset(data["determiners"]),
        lower_case_institutions=tuple(data["lower_case_institutions"]),
        subject_pronouns=frozenset(data["subject_pronouns"]),
        abbreviations=frozenset(data["abbreviations"]),
        possessive_name_starts=frozenset(data["possessive_name_starts"]),
        function_word_names=frozenset(data["function_word_names"]),
        raw=data,
    )


# A paragraph of dialogue opens with a dash (Svenska skrivregler: anföring med
# talstreck); after its ! or ? the sentence goes on in lower case.
DIALOGUE_DASHES = frozenset("–—-")


QUIET_CACHE = 20_000  # words; as the spelling checker's verdicts


class CapitalsChecker(SpellerParagraphChecker):
    name = "capitals"
    engine = "spelling"
    # The adjective and verb tests read the morphology's analysis of their
    # paragraph (_tagged_at): after the grammar checker, which has it by then. Run
    # in the registry's place, the check waited 0.4-0.6 s of wall for the background
    # analysis of the 10k draft to reach three paragraphs near its end, while the
    # grammar checker could have matched the paragraphs analysed before them.
    runs_late = True

    def __init__(self, speller: Speller,
                 organization: Callable[[str], str | None] | None = None) -> None:
        super().__init__(speller)
        # The name dictionaries' one-word organisation names ("Skatteverket").
        self.organization = organization
        # Lower-case words that neither name rule can flag wherever they stand (the
        # word alone decides it: _never_a_name): most words of a text, and they
        # recur; valid while the speller and the dictionaries know the same words.
        self._quiet: dict[str, bool] = {}
        self._generation = speller.generation
        rules()  # read the data now, not in the first check
        word_classes.forms()

    def check_paragraph(self, text: str) -> list[Finding]:
        if not self.speller.available:
            return []
        toks = list(tokenize(text))
        findings: list[Finding] = []
        if self._generation != self.speller.generation or len(self._quiet) > QUIET_CACHE:
            self.invalidate()
        quiet = self._quiet
        for i, tok in enumerate(toks):
            if tok.kind is not Kind.WORD or not _plain(tok.text):
                continue
            if tok.text[0].islower():
                if self._sentence_start(text, toks, i):
                    findings.append(_finding(tok, "sentence-start", _capitalised(tok.text)))
                    continue
                if tok.text in DOTLESS_ABBREVIATIONS:
                    continue  # "tel", "pga": no name ("Tel Aviv") nor initialism ("PGA")
                # "fn" -> "FN"; not part of a designation cut at its digit ("mp3")
                abbreviation = (None if cut_word(text, tok.start, tok.end)
                                else self.speller.initialism(tok.text))
                if abbreviation:
                    findings.append(_finding(tok, "abbreviation-lower-case", abbreviation))
                    continue
                q = quiet.get(tok.text)
                if q is None:
                    q = self._never_a_name(tok.text)
                    if not too_long_to_edit(tok.text):  # (a fuzzed text's huge words)
                        quiet[tok.text] = q
                if q:
                    continue
                if self._lower_case_name(text, toks, i):
                    findings.append(_finding(tok, "proper-noun-lower-case",
                                             _capitalised(tok.text)))
                else:
                    name = self._lower_case_organization(text, toks, i)
                    if name:
                        findings.append(_finding(tok, "proper-noun-lower-case", name))
            elif not starts_sentence(text, tok.start):
                kind = self._class_capitalised(text, toks, i)
                if kind:
                    findings.append(_finding(tok, "class-capitalised", tok.text.lower(),
                                             kind=rules().kinds[kind]))
                elif self._title_capitalised(text, toks, i):
                    findings.append(_finding(tok, "title-capitalised", tok.text.lower()))
                elif self._adjective_capitalised(text, toks, i):
                    findings.append(_finding(tok, "adjective-capitalised", tok.text.lower()))
                elif self._verb_capitalised(text, toks, i):
                    findings.append(_finding(tok, "verb-capitalised", tok.text.lower()))
                elif self._function_word_capitalised(text, toks, i):
                    nxt = toks[i + 1]  # a word: _function_word_capitalised saw to it
                    findings.append(self._capital_or_full_stop(
                        text, toks[i - 1], tok, before_name=nxt.text[:1].isupper(),
                        splice=_comma_splice(text, tok)))
        return findings

    def invalidate(self) -> None:
        """Forget the per-word answers (the engine calls this when dictionaries or
        settings change; a new word in the speller does it too)."""
        self._quiet.clear()
        self._generation = self.speller.generation

    # -- the rules --------------------------------------------------------------

    def _sentence_start(self, text: str, toks: list[Token], i: int) -> bool:
        tok = toks[i]
        end = tok.start  # where the text before the word ends, spaces left out
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            return not _list_item(text)
        if end == tok.start or text[end - 1] not in ".!?":
            return False
        if text[max(0, end - 2):end] == "..":
            return False  # an ellipsis goes on
        if text[end - 1] in "!?" and text.lstrip()[:1] in DIALOGUE_DASHES:
            # a line of dialogue: the attribution goes on after the quote's ! or ?
            # ("– Varför ska vi betala? frågar en av de boende.")
            return False
        j = i - 1  # the token before the stop (walked back to: no copy of toks[:i])
        while j >= 0 and toks[j].start >= end:
            j -= 1
        if j < 0:
            return True
        prev = toks[j]
        if prev.end >= end:
            return False  # the full stop is the token's own: "bl.a.", "kl."
        if (text[end - 1] == "." and prev.end == end - 1 and prev.kind is Kind.WORD
                and (len(prev.text) == 1 or prev.text.lower() in rules().abbreviations)):
            return False  # an initial ("J. K. Rowling") or "ca. tio"
        return True

    def _never_a_name(self, word: str) -> bool:
        """The lower-case word is one that _lower_case_name and
        _lower_case_organization both turn away by the word alone, wherever it
        stands."""
        return not self._capital_only(word) and self._named_organization(word) is None

    def _capital_only(self, word: str) -> bool:
        """Hunspell (or a name dictionary) knows the word only with a capital: what
        the word alone says of _lower_case_name."""
        sp = self.speller
        # Most words are known as written: one cached look-up settles them.
        if sp.hunspell_knows(word) or len(word) < 3 or sp.accepted_exactly(word):
            return False
        if "-" in word or "'" in word or ":" in word:
            return False
        cap = _capitalised(word)
        return sp.hunspell_knows(cap) or sp.vouched_by_lookups(cap)

    def _named_organization(self, word: str) -> str | None:
        """The organization the dictionaries name for the lower-case word, unless it
        is one Svenska skrivregler writes in lower case: what the word alone says
        of _lower_case_organization."""
        if self.organization is None or len(word) < 6 or not word.islower():
            return None
        name = self.organization(word)
        if name is None or word.endswith(rules().lower_case_institutions):
            return None
        return name

    def _lower_case_name(self, text: str, toks: list[Token], i: int) -> bool:
        """Hunspell (or a name dictionary) knows it only with a capital. Not in a
        web address ("aftonbladet.se"), a shared compound part ("rut- och"), after
        a name ("Oud royal": the name goes on), nor a compound with a name first,
        which is written in lower case ("oscarsvinnande"), nor a name used for a
        thing after a determiner ("en volvo", "sin oscar")."""
        tok = toks[i]
        word = tok.text
        if not self._capital_only(word):
            return False
        if _WEB_OR_PART.match(text, tok.end) or text[tok.start - 1:tok.start] in ("/", ".", "@"):
            return False
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.text[:1].isupper() and not starts_sentence(text, prev.start):
            return False
        if prev is not None and prev.text.lower() in rules().product_determiners:
            return False  # "en volvo", "sin oscar": a name used for a thing
        return not self._name_compound(word)

    def _lower_case_organization(self, text: str, toks: list[Token], i: int) -> str | None:
        """"skatteverket": an authority the dictionaries name, which Hunspell accepts
        only as a compound of common words. Not the institutions Svenska skrivregler
        writes in lower case, nor after a determiner ("ett skatteverk" is no name;
        "det nya skatteverket" may be a description)."""
        name = self._named_organization(toks[i].text)
        if name is None:
            return None
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.kind is Kind.WORD and (
                prev.text.lower() in rules().product_determiners
                or prev.text.lower() in ("den", "det", "de", "denna", "detta")):
            return None
        if _WEB_OR_PART.match(text, toks[i].end) or text[toks[i].start - 1:toks[i].start] in (
                "/", ".", "@"):
            return None
        return name

    def _name_compound(self, word: str) -> bool:
        """A name, perhaps with a linking s, then a word: "oscars|vinnande"."""
        sp = self.speller
        for k in range(3, len(word) - 3):
            head, tail = word[:k], word[k:]
            if not sp.hunspell_knows(tail):
                continue
            for name in (head, head[:-1] if head.endswith("s") else ""):
                if name and not sp.hunspell_knows(name) and sp.hunspell_knows(_capitalised(name)):
                    return True
        return False

    def _function_word_capitalised(self, text: str, toks: list[Token], i: int) -> bool:
        """"Hej, Jag bor", "här I Sund": a pronoun, preposition or conjunction is no
        name, so its capital mid-sentence is a slip. Not inside a name ("Gustav I",
        "Bröderna Lejonhjärta och Jag"), nor where a name or title may start (after
        a name, in quotes)."""
        tok = toks[i]
        if tok.text[1:] != tok.text[1:].lower():
            return False
        prev = toks[i - 1] if i > 0 else None
        if prev is None:
            return False
        if prev.kind is Kind.NUMBER or (prev.kind is Kind.WORD and prev.text[:1].isupper()
                                        and not starts_sentence(text, prev.start)):
            return self._adverb_opens_sentence(text, toks, i)
        if not word_classes.is_function_word(tok.text):
            return False
        if prev.kind is not Kind.WORD or tok.text.lower() in rules().function_word_names:
            return False  # "Bo och Per i går": the name
        if prev.text.lower() in rules().title_nouns:
            return False  # "filmen Så som i himmelen": a title begins
        if (tok.text.lower() in rules().possessive_name_starts
                and prev.text.lower() in lexicon().prepositions):
            return False  # "på Mina sidor": a service's name begins
        gap = text[prev.end:tok.start]
        if gap.strip(" ,"):
            return False  # quotes, brackets, dashes: a title or a quote may start
        if ("," not in gap and prev.text.lower() not in rules().conjunctions
                and self._after_heading(text, toks, i)):
            return False  # a heading may end in "följder", not in "Och"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.kind is not Kind.WORD or text[tok.end:nxt.start] != " ":
            return False
        if nxt.text[:1].islower():
            return True
        # "här I Sund": a preposition before a name is no part of it, unless the
        # words run on in capitals like a title ("Dansen I Rummet").
        after = toks[i + 2] if i + 2 < len(toks) else None
        return (tok.text.lower() in lexicon().prepositions
                and not word_classes.is_function_word(nxt.text)
                and (after is None or after.kind is not Kind.WORD
                     or not after.text[:1].isupper()))

    def _adverb_opens_sentence(self, text: str, toks: list[Token], i: int) -> bool:
        """"i mars 2012 Just nu är jag", "bor i Lundby Tyvärr kan jag": after a name
        or a number a capital may continue the name ("Gustav I dog", "Sommar 2012 Med
        Lasse"), but an adverb (a word the analyser reads only as one, of any kind,
        not only the closed classes) with a word in lower case after it does not: it
        opens the next sentence, whose full stop is missing (an adverb that is also a
        surname, "Just", read as the adverb). Not after an item number ("1 Nu ...")."""
        tok, prev = toks[i], toks[i - 1]
        if (len(tok.text) < 3 or text[prev.end:tok.start] != " "
                or _after_item_number(toks, i) or starts_sentence(text, prev.start)):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (nxt is None or nxt.kind is not Kind.WORD or text[tok.end:nxt.start] != " "
                or not nxt.text[:1].islower()):
            return False
        before = toks[i - 2] if i > 1 else None
        if (prev.kind is Kind.WORD and before is not None and before.kind is Kind.WORD
                and before.text[:1].isupper() and not starts_sentence(text, before.start)):
            return False  # words in capitals run on: a title ("Dansen I Rummet Bredvid")
        (reading,) = _tagged_at(text, tok.start)
        return (reading is not None and bool(reading.readings)
                and reading.readings[0].tags[:1] == ("adv",)
                and all(r.tags[:1] in (("adv",), ("np",)) for r in reading.readings))

    def _adjective_capitalised(self, text: str, toks: list[Token], i: int) -> bool:
        """"en Bra hållning": an adjective with a capital between a determiner and a
        noun in lower case. A name does not open with an adjective after "en" or
        "den" ("Röda korset", "Gamla stan" take none), so the capital is a slip."""
        tok = toks[i]
        word = tok.text
        if i == 0 or i + 1 >= len(toks) or not word[1:].islower() or len(word) < 2:
            return False
        prev, nxt = toks[i - 1], toks[i + 1]
        if (prev.kind is not Kind.WORD or nxt.kind is not Kind.WORD
                or text[prev.end:tok.start] != " " or text[tok.end:nxt.start] != " "
                or not nxt.text.islower() or nxt.text in rules().conjunctions):
            return False
        if prev.text.lower() not in rules().determiners or (
                prev.text[:1].isupper() and not starts_sentence(text, prev.start)
                and not _after_item_number(toks, i - 1)):
            return False
        if not self._plain_common_word(word):
            return False
        reading, following = _tagged_at(text, tok.start, nxt.start)
        return (reading is not None and following is not None
                and any(r.tags[:1] == ("adj",) for r in reading.readings)
                and not any(r.tags[:1] == ("np",) for r in reading.readings)
                and any(r.tags[:1] == ("n",) for r in following.readings))

    def _plain_common_word(self, word: str) -> bool:
        """A common word Hunspell knows in lower case, of no closed class and not a
        name the lookups vouch for: only such a word can be wrongly capitalised
        mid-phrase."""
        return not (word_classes.word_class(word) or word_classes.is_function_word(word)
                    or not self.speller.hunspell_knows(word.lower())
                    or self.speller.vouched_by_lookups(word))

    def _verb_capitalised(self, text: str, toks: list[Token], i: int) -> bool:
        """"Jag Plockade blommor": a finite verb with a capital right after its
        subject pronoun. A name or a title does not begin between a subject and
        its verb; a title in capitals throughout ("Vi Kallar Det Kärlek") is left
        alone, as is a word that is also a name ("vi Bo och Anna")."""
        tok = toks[i]
        word = tok.text
        if i == 0 or not word[1:].islower() or len(word) < 2:
            return False
        prev = toks[i - 1]
        if (prev.kind is not Kind.WORD or text[prev.end:tok.start] != " "
                or prev.text.lower() not in rules().subject_pronouns
                or (prev.text[:1].isupper() and not starts_sentence(text, prev.start))):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.kind is Kind.WORD and nxt.text[:1].isupper():
            return False  # capitals run on: a title
        if not self._plain_common_word(word):
            return False
        (reading,) = _tagged_at(text, tok.start)
        return (reading is not None and bool(reading.readings)
                and all(r.tags[:1] == ("vblex",) and ("pres" in r.tags or "past" in r.tags)
                        for r in reading.readings))

    def _class_capitalised(self, text: str, toks: list[Token], i: int) -> str | None:
        tok = toks[i]
        kind = word_classes.word_class(tok.text)
        if kind is None or not tok.text[1:].islower():
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        adjacent = nxt is not None and not text[tok.end:nxt.start].strip()
        if adjacent and nxt.text[:1].isupper():
            return None  # "Svenska Dagbladet": a name
        prev = toks[i - 1] if i > 0 else None
        if (prev is not None and prev.kind is Kind.WORD and prev.text[:1].isupper()
                and not starts_sentence(text, prev.start)):
            return None  # the end of a name
        if self._among_names(text, toks, i):
            return None  # "Loreen och September": an artist among artists
        if kind in ("languages", "nationalities") and adjacent and nxt.kind is Kind.WORD \
                and nxt.text.lower() not in rules().after_class_word:
            return None  # may begin a name: "Svenska kyrkan", "Finska viken"
        return kind


    def _title_capitalised(self, text: str, toks: list[Token], i: int) -> bool:
        """A title with a capital before a person's name ("Statsminister Ulf
        Kristersson"), not as the first word of a name of something else ("President
        Hotel", the film "Professor Balthazar")."""
        tok = toks[i]
        lower = tok.text.lower()
        if not tok.text[1:].islower() or not self._is_title(lower):
            return False
        if i + 1 >= len(toks) or text[tok.end:toks[i + 1].start] != " ":
            return False
        nxt = toks[i + 1]
        if nxt.kind is not Kind.WORD or not nxt.text[:1].isupper() or not nxt.text[1:].islower():
            return False
        # The word after is a name: not a common word, or a first name a surname
        # follows ("Björn Lind"); "Statsminister Besöker Skolan" is a heading.
        after = toks[i + 2] if i + 2 < len(toks) else None
        full_name = (after is not None and text[nxt.end:after.start] == " "
                     and after.text[:1].isupper())
        if self.speller.hunspell_knows(nxt.text.lower()) and (
                not full_name or self.speller.hunspell_knows(after.text.lower())):
            return False  # a common word, or three in title case: a heading
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.kind is Kind.WORD:
            if prev.text[:1].isupper() and not starts_sentence(text, prev.start):
                return False  # inside a name ("Svenska Akademiens Ständige Sekreterare")
            if prev.text.lower() in rules().title_nouns:
                return False  # a title of a work ("filmen Professor Balthazar")
        return True

    def _is_title(self, lower: str) -> bool:
        heads = rules().title_heads
        if lower in heads:
            return True
        return any(lower.endswith(h) and len(lower) >= len(h) + 3 for h in heads) \
            and self.speller.hunspell_knows(lower)

    @staticmethod
    def _capital_or_full_stop(text: str, prev: Token, tok: Token,
                              before_name: bool = False, splice: bool = False) -> Finding:
        """Either the capital is wrong ("Hej, Jag bor") or a full stop is missing
        ("ingen tvekan Min åsikt", "på barnhem, Min skola"): one finding over the
        gap with both corrections, the full stop first where no comma stands and no
        name follows ("här I Sund"), or where the comma joins two main clauses
        (`splice`). After a conjunction no sentence ends ("Och Alla"): the word
        alone, in lower case."""
        message = rules().messages["function-word-capitalised"].format(word=tok.text)
        rule = "capitals.function-word-capitalised"
        if prev.text.lower() in rules().conjunctions:
            return Finding(tok.start, tok.end, tok.text, Category.SPELLING, rule, message,
                           (tok.text.lower(),), Severity.ERROR)
        a, b = prev.start, tok.end
        lower = text[a:tok.start] + tok.text.lower()
        stop = prev.text + ". " + tok.text
        comma = "," in text[prev.end:tok.start]
        stop_first = splice or not (comma or before_name)
        suggestions = (stop, lower) if stop_first else (lower, stop)
        return Finding(a, b, text[a:b], Category.SPELLING, rule, message, suggestions,
                       Severity.ERROR)

    @staticmethod
    def _after_heading(text: str, toks: list[Token], i: int) -> bool:
        """"Musik För länge sedan", "Konsekvenser och följder När man": a heading
        run into its text (a few words after a sentence end, no punctuation) makes
        the capital right."""
        words_before = 0
        for j in range(i - 1, -1, -1):
            words_before += 1
            if starts_sentence(text, toks[j].start):
                return words_before <= HEADING_WORDS
        return False

    @staticmethod
    def _among_names(text: str, toks: list[Token], i: int) -> bool:
        """Listed with a name: "Loreen och September", "Robyn, September"."""
        for j, step in ((i - 1, -1), (i + 1, 1)):
            if not 0 <= j < len(toks):
                continue
            if toks[j].text in ("och", "eller", "samt"):
                j += step
            if not 0 <= j < len(toks):
                continue
            other = toks[j]
            if (other.text[:1].isupper() and not starts_sentence(text, other.start)
                    and word_classes.word_class(other.text) is None):
                return True
        return False


_WEB_OR_PART = re.compile(r"\.[a-z]|-")  # "aftonbladet.se", "rut- och rotavdraget"

# Words written with a full stop that do not end a sentence, which the tokenizer
# leaves as words ("ca." in running text).


def _plain(word: str) -> bool:
    """No capital inside ("iPhone", "McKinsey") and not all capitals ("EU"); "I" is
    a word."""
    rest = word[1:]
    if rest == rest.lower():
        return True
    letters = word.replace("-", "")
    return not ((len(letters) > 1 and letters.isupper()) or any(c.isupper() for c in letters[1:]))


def _after_item_number(toks: list[Token], j: int) -> bool:
    """The token before toks[j] is an item number of a list run into the text:
    "1 Ett fast handslag 2 En bra hållning"."""
    return (j >= 1 and toks[j - 1].kind is Kind.NUMBER and toks[j - 1].text.isdigit()
            and len(toks[j - 1].text) <= 2)


def _list_item(text: str) -> bool:
    s = text.lstrip()
    return s.startswith(rules().list_markers) or bool(_ORDERED_LIST.match(text))


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _finding(tok: Token, rule: str, right: str, kind: str = "") -> Finding:
    message = rules().messages[rule].format(right=right, kind=kind)
    return Finding(tok.start, tok.end, tok.text, Category.SPELLING, f"capitals.{rule}",
                   message, (right,), Severity.ERROR)


def _comma_splice(text: str, tok: Token) -> bool:
    """"Det var ett brott, Hon ville inte": two main clauses joined by a comma
    (satsradning, which Svenska skrivregler mends with a full stop), the second
    opened with a capital as a sentence is: the full stop is the likelier slip.
    The capitalised word is a subject (a pronoun, or a possessive and its noun)
    right before a finite verb, and the words before the comma, from the sentence's
    start, hold a finite verb too. A greeting or a name before the comma ("Hej,
    Jag heter") has none; a clause opened by a conjunction or subjunction ("När vi
    kom hem, ...") is no main clause of its own, unless a main clause with its verb
    before its subject follows it before the comma."""
    tagged = shared_analysis(text) or ()
    at = next((k for k, t in enumerate(tagged) if t.start == tok.start), None)
    if at is None:
        return False
    verb = at + 1
    if _tagged(tagged[at], "det", "pos"):
        if not (verb < len(tagged) and _tagged(tagged[verb], "n")):
            return False
        verb += 1
    elif not any(r.tags[:1] == ("prn",) and "nom" in r.tags for r in tagged[at].readings):
        return False
    if verb >= len(tagged) or not _finite(tagged[verb]):
        return False
    first = at - 1
    while first > 0 and not _tagged(tagged[first - 1], "sent"):
        first -= 1
    before = tagged[first:at]
    if not before:
        return False
    if before[0].text.lower() in rules().conjunctions:
        # A fronted clause ("När hon var åtta år hamnade hon på barnhem, Min skola"):
        # a main clause follows it where a finite verb stands before its subject
        # pronoun (the inverted word order a subordinate clause never has).
        return any(_finite(t) and _tagged_nominative(nxt)
                   for t, nxt in zip(before[1:], before[2:], strict=False))
    return any(_finite(t) for t in before)


def _tagged_nominative(token: Any) -> bool:
    """Only a subject pronoun's readings: "hon", "vi" (not "det", "den")."""
    return (bool(token.readings)
            and all(r.tags[:1] == ("prn",) and "nom" in r.tags for r in token.readings))


def _tagged(token: Any, *tags: str) -> bool:
    """Some reading of the morphology's token begins with these tags."""
    return any(r.tags[:len(tags)] == tags for r in token.readings)


def _finite(token: Any) -> bool:
    """Only verb readings, one of them finite: "ville", "är" (not "brott")."""
    return (bool(token.readings) and all(r.tags[:1] == ("vblex",) for r in token.readings)
            and any("pres" in r.tags or "past" in r.tags for r in token.readings))


def _tagged_at(text: str, *starts: int) -> tuple[Any, ...]:
    """The morphology's tokens that begin at `starts` (None where none does, or for
    all without a morphology). Asked only for the few words that get past the cheap
    tests."""
    tagged = shared_analysis(text) or ()
    return tuple(next((t for t in tagged if t.start == s), None) for s in starts)
