"""Corrections: a matched token re-inflected through the morphology's generator.

The rule says which features to change ("the adjective to the noun's gender");
the generator knows the forms ("mörk" + neuter -> "mörkt"). When it knows no form
for the tags asked, there is no suggestion rather than a guessed one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from proofer import yaml_loader
from proofer.grammar.features import FEATURE_OF, SPELLINGS, values
from proofer.grammar.matcher import Match, Reading
from proofer.settings import RESOURCES
from proofer.tokens import starts_sentence
from proofer.yaml_data import read_yaml

Generate = Callable[[str, Sequence[str]], list[str]]
#: (word, tag alternatives, refused alternatives) -> words one likely misspelling
#: from it that some reading gives one of those tag sets and none a refused one,
#: best first
Respell = Callable[[str, "tuple[frozenset[str], ...]", "tuple[frozenset[str], ...]"],
                   list[str]]

#: Tags the analyser adds for compounding, which the generator does not take.
_NOT_GENERATED = frozenset({"compound-R", "compound-only-L", "cmp"})
#: {N}: the text of element N; {N.verb} and {N.particle}: a particle verb's verb and
#: its particle; {N.lemma}: its lemma (see _element_text)
_PLACEHOLDER = re.compile(r"\{(\d+)(?:\.(verb|particle|lemma))?\}")


@dataclass(frozen=True, slots=True)
class _Retagged:
    lemma: str
    tags: tuple[str, ...]


def match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


#: The order Apertium writes the noun-phrase features in ("adj pp ut sg ind"): a
#: feature the reading lacks goes before the first later one, as the generator only
#: knows the tags in that order (a plural participle, "stängda", has no gender tag,
#: and its singular is "adj pp ut sg ind", not "adj pp sg ind ut").
_FEATURE_ORDER = ("gender", "number", "definiteness", "case")


def retag(tags: Sequence[str], wanted: Iterable[str]) -> tuple[str, ...]:
    """`tags` with each wanted tag in place of the tag of the same feature (added
    in Apertium's feature order when the reading has none, else at the end)."""
    out = [t for t in tags if t not in _NOT_GENERATED]
    for w in wanted:
        feat = FEATURE_OF.get(w)
        idx = next((i for i, t in enumerate(out) if feat and FEATURE_OF.get(t) == feat), None)
        if idx is not None:
            out[idx] = w
            continue
        later = _FEATURE_ORDER[_FEATURE_ORDER.index(feat) + 1:] if feat in _FEATURE_ORDER else ()
        at = next((i for i, t in enumerate(out) if FEATURE_OF.get(t) in later), len(out))
        out.insert(at, w)
    return tuple(out)


def _spellings(tags: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The tag tuple, then the same with the gender written as the dictionary may
    write it for that form (see features.SPELLINGS)."""
    out = [tags]
    for i, t in enumerate(tags):
        for alt in SPELLINGS.get(t, ()):
            if alt != t:
                out.append(tags[:i] + (alt,) + tags[i + 1:])
        if t in SPELLINGS and "pl" in tags:  # a plural participle has no gender tag
            out.append(tags[:i] + tags[i + 1:])
    return out


@cache
def written_forms() -> dict[str, str]:
    """Spoken forms the generator prefers ("vårat") and the written form to offer
    (resources/grammar/written_forms.yaml); empty when the file cannot be read."""
    path = RESOURCES / "grammar" / "written_forms.yaml"
    try:
        data = read_yaml(path)
    except (OSError, yaml_loader.YAMLError) as exc:
        logging.getLogger(__name__).warning("%s kunde inte läsas: %s", path, exc)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _written(form: str) -> str:
    return written_forms().get(form, form)


def generate_form(generate: Generate, reading: Reading, wanted: Iterable[str]) -> str | None:
    # A particle verb's lemma may carry the analyser's multiword mark ("bli# av").
    lemma = reading.lemma.replace("#", "")
    head, _, particle = lemma.partition(" ")
    for tags in _spellings(retag(reading.tags, wanted)):
        forms = generate(lemma, tags)
        if forms:
            return _written(forms[0])
        if particle:  # "bli av": the verb inflects, the particle stays
            forms = generate(head, tags)
            if forms:
                return f"{_written(forms[0])} {particle}"
    return None


def target_tags(match: Match, like: int | None, features: Sequence[str],
                to: Sequence[str]) -> list[str] | None:
    """The tags the token should get: `like`'s value in each feature it decides
    (an open value, as the gender of "de", leaves the token's own), then `to`."""
    wanted: list[str] = []
    if like is not None:
        got = match.token(like)
        if got is None or not got[1]:
            return None
        model = got[1][0].tags
        for feat in features:
            vals = values(model, feat)
            if vals is not None and len(vals) == 1:
                wanted.append(next(iter(vals)))
    wanted.extend(to)
    return wanted


def suggestions(match: Match, paragraph: str, generate: Generate,
                respell: Respell | None = None) -> list[str]:
    """The rule's suggestions for the marked span, best first, without repeats and
    without the span's own text. A `respell` suggestion needs `respell` (without a
    speller it offers nothing)."""
    start, end = match.span()
    flagged = paragraph[start:end]
    out: list[str] = []
    for s in match.rule.suggestions:
        if s.respell is not None:
            for fix in _respelled_span(match, paragraph, s.respell, s.respell_tags,
                                       s.respell_not, respell):
                if fix not in out and fix != flagged:
                    out.append(fix)
            continue
        if s.text is not None:
            text = _PLACEHOLDER.sub(
                lambda m: _element_text(match, paragraph, int(m.group(1)), m.group(2)), s.text)
            # An optional element that is absent leaves no double space ("{0} är {1} {2}").
            text = " ".join(text.split())
            fix: str | None = match_case(flagged, text) if text else text
        else:
            fix = _inflected_span(match, paragraph, s.inflect, s.like, s.features, s.to,
                                  generate, s.as_tags, s.lemma, s.alone)
        if fix is not None and fix not in out and fix != flagged:
            out.append(fix)
    return out


def _respelled_span(match: Match, paragraph: str, element: int,
                    tags: tuple[frozenset[str], ...], refused: tuple[frozenset[str], ...],
                    respell: Respell | None) -> list[str]:
    """The span with the element's token replaced by each respelling that fits."""
    got = match.token(element)
    if respell is None or got is None:
        return []
    token = match.tokens[got[0]]
    start, end = match.span()
    return [paragraph[start:token.start] + match_case(token.text, word) + paragraph[token.end:end]
            for word in respell(token.text.lower(), tags, refused)]


def _element_text(match: Match, paragraph: str, element: int, part: str | None = None) -> str:
    """The text of the element; with `part` "verb" or "particle", of a particle verb
    that the analyser read as one token ("tycker om", lemma "tycka om"; "tar hand
    om") its first word or the rest, so that a rule can put the subject or a
    sentence adverb between them as Swedish does ("tycker jag om", "tycker inte
    om"; SAG 2, partikelverb). Any other element is all verb and no particle. With
    "lemma", the lemma of the element's first token as the rule matched it."""
    hits = match.elements[element]
    if not hits:
        return ""
    tokens = match.tokens
    text = paragraph[tokens[hits[0][0]].start:tokens[hits[-1][0]].end]
    if part is None:
        return text
    if part == "lemma":
        # a noun's lemma is its indefinite singular ("kommunen" -> "kommun"), in the
        # text's case
        readings = hits[0][1]
        return match_case(text, readings[0].lemma.replace("#", "")) if readings else text
    verb, particle = text, ""
    if len(hits) == 1 and hits[0][1]:
        lemma = hits[0][1][0].lemma.replace("#", "")
        words = text.split(maxsplit=1)
        if " " in lemma.strip() and len(words) == 2:
            verb, particle = words
    return verb if part == "verb" else particle


def _inflected_span(match: Match, paragraph: str, element: int | None, like: int | None,
                    features: Sequence[str], to: Sequence[str], generate: Generate,
                    as_tags: Sequence[str] = (), lemma: str = "",
                    alone: bool = False) -> str | None:
    if element is None:
        return None
    got = match.token(element)
    wanted = target_tags(match, like, features, to)
    if got is None or wanted is None or not got[1]:
        return None
    index, readings = got
    if as_tags:  # another word class of the same lemma: exactly these tags
        form = generate_form(generate, _Retagged(readings[0].lemma, tuple(as_tags)), ())
    elif lemma:  # another word in the same form: "tog" -> "begick"
        form = generate_form(generate, _Retagged(lemma, readings[0].tags), wanted)
    else:
        form = generate_form(generate, readings[0], wanted)
    if form is None:
        return None
    token = match.tokens[index]
    start, end = match.span()
    if not (start <= token.start and token.end <= end):
        return None
    if alone:  # the one word in place of the span ("mer lång" -> "längre")
        return match_case(paragraph[start:end], form)
    model = token.text
    if ("prn" in readings[0].tags and model[1:].islower() and model[:1].isupper()
            and not starts_sentence(paragraph, token.start)):
        model = model.lower()  # "med Hon" -> "henne": the pronoun's capital is a slip too
    return (paragraph[start:token.start] + match_case(model, form)
            + paragraph[token.end:end])
