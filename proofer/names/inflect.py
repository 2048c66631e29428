"""Swedish inflected forms of names and titles.

Dictionaries list base forms ("utrikeshandelsminister", "Anna Hallberg"); articles
write "utrikeshandelsministern", "regionråden", "Hallbergs". The checker must know
those forms as correct and must suggest a near-miss in the inflection the writer
used ("chfeen" -> "chefen"), so it needs the real paradigm, not a bag of suffixes:
"presidentet" is not a word, and offering it would tie with "presidenten".
"""

from __future__ import annotations

# Ending of the (last part of the) title -> (definite sg, plural, definite pl),
# each as (characters to cut, text to add). Longest matching ending wins.
_PARADIGMS: dict[str, tuple[tuple[int, str], tuple[int, str], tuple[int, str]]] = {
    "minister": ((0, "n"), (2, "rar"), (2, "rarna")),
    "mästare": ((0, "n"), (0, ""), (1, "na")),
    "are": ((0, "n"), (0, ""), (1, "na")),
    "ande": ((0, "n"), (0, ""), (0, "na")),
    "ende": ((0, "n"), (0, ""), (0, "na")),
    "råd": ((0, "et"), (0, ""), (0, "en")),
    "ombud": ((0, "et"), (0, ""), (0, "en")),
    "biträde": ((0, "t"), (0, "n"), (0, "na")),
    "man": ((0, "nen"), (3, "män"), (3, "männen")),
    "kvinna": ((1, "an"), (1, "or"), (1, "orna")),
    "person": ((0, "en"), (0, "er"), (0, "erna")),
    "ör": ((0, "en"), (0, "er"), (0, "erna")),
    "ent": ((0, "en"), (0, "er"), (0, "erna")),
    "ant": ((0, "en"), (0, "er"), (0, "erna")),
    "ist": ((0, "en"), (0, "er"), (0, "erna")),
    "at": ((0, "en"), (0, "er"), (0, "erna")),
    "ledamot": ((0, "en"), (-1, "öter"), (-1, "öterna")),  # -> ledamöter (umlaut)
    "kansler": ((0, "n"), (0, "er"), (0, "erna")),
    "chef": ((0, "en"), (0, "er"), (0, "erna")),
    "ef": ((0, "en"), (0, "er"), (0, "erna")),
    "or": ((0, "n"), (0, "er"), (0, "erna")),
    "ing": ((0, "en"), (0, "ar"), (0, "arna")),
    "kung": ((0, "en"), (0, "ar"), (0, "arna")),
    "prins": ((0, "en"), (0, "ar"), (0, "arna")),
    "prinsessa": ((1, "an"), (1, "or"), (1, "orna")),
    "drottning": ((0, "en"), (0, "ar"), (0, "arna")),
    "greve": ((0, "n"), (1, "ar"), (1, "arna")),
    "herre": ((0, "n"), (1, "ar"), (1, "arna")),
    "biskop": ((0, "en"), (0, "ar"), (0, "arna")),
    "kapten": ((0, "en"), (0, "er"), (0, "erna")),
    "general": ((0, "en"), (0, "er"), (0, "erna")),
    "amiral": ((0, "en"), (0, "er"), (0, "erna")),
    "sekreterare": ((0, "n"), (0, ""), (1, "na")),
    "ledare": ((0, "n"), (0, ""), (1, "na")),
    "ordförande": ((0, "n"), (0, ""), (0, "na")),
    "skap": ((0, "et"), (0, ""), (0, "en")),
    "e": ((0, "n"), (1, "ar"), (1, "arna")),
    "a": ((1, "an"), (1, "or"), (1, "orna")),
}
_ENDINGS = sorted(_PARADIGMS, key=len, reverse=True)


def _apply(word: str, rule: tuple[int, str]) -> str:
    cut, add = rule
    if cut < 0:  # ledamot -> ledamöter: the vowel before the last consonant umlauts
        return word[:-2] + "ö" + word[-1:] + add[2:]
    return (word[:-cut] if cut else word) + add


# How much rarer than the base form each inflection is in news text, as a cost in
# the units of keyboard.slip_cost (about five times rarer ~ 0.3). It only decides
# near ties: "finansministrr" is "finansminister", not "finansministrar".
PRIOR = {"base": 0.0, "def": 0.1, "pl": 0.3, "defpl": 0.3, "gen": 0.3}


def labelled_title_forms(title: str) -> list[tuple[str, str]]:
    """(form, label) for the base form, definite, plural, definite plural and the
    genitives; a form shared by two labels keeps the commoner one."""
    head, _, last = title.rpartition(" ")
    prefix = head + " " if head else ""
    lower = last.lower()
    ending = next((e for e in _ENDINGS if lower.endswith(e)), None)
    if ending is not None:
        rest = [_apply(last, r) for r in _PARADIGMS[ending]]
    else:  # a consonant-final word we have no rule for: the commonest paradigm
        rest = [last + "en", last + "er", last + "erna"]
    labelled = list(zip([last, *rest], ("base", "def", "pl", "defpl"), strict=True))
    labelled += [(genitive(f), "gen") for f, _ in labelled]
    seen: dict[str, str] = {}
    for form, label in labelled:
        if form and form not in seen:
            seen[form] = label
    return [(prefix + f, label) for f, label in seen.items()]


def title_forms(title: str) -> list[str]:
    """The base form first, then definite, plural, definite plural and genitives.

    Only the last word of a multi-word title inflects ("vice ordföranden").
    """
    return [f for f, _ in labelled_title_forms(title)]


def genitive(word: str) -> str:
    """Swedish genitive: -s, nothing after s, x or z ("Jonas", "Marx")."""
    if not word or word[-1].lower() in "sxz":
        return word
    return word + "s"


def name_forms(name: str) -> list[str]:
    """A name and its genitive; only the last word takes the -s ("Anna Hallbergs")."""
    return list(dict.fromkeys([name, genitive(name)]))
