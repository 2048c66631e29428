"""What the analyser's tags say about agreement features, and when two readings agree.

Apertium's Swedish analyser writes one tag per feature value ("ut", "pl", "def"),
and some tags stand for more than one value: "un" and "fn" leave the gender open
("stora" in "den stora bilen" and "det stora huset"), "m" is the masculine form
of the common gender ("förre", "honom"), "sp" is singular or plural ("hus").
A reading without any tag of a feature leaves that feature open too. Two readings
agree in a feature when the values they allow overlap: an open value never makes
a disagreement, so a rule can only fire on what the analyser actually said.
"""

from __future__ import annotations

from collections.abc import Iterable

#: feature -> tag -> the values that tag allows
FEATURES: dict[str, dict[str, frozenset[str]]] = {
    "gender": {"ut": frozenset({"ut"}), "m": frozenset({"ut"}), "f": frozenset({"ut"}),
               "nt": frozenset({"nt"}), "un": frozenset({"ut", "nt"}),
               "fn": frozenset({"ut", "nt"})},
    "number": {"sg": frozenset({"sg"}), "pl": frozenset({"pl"}),
               "sp": frozenset({"sg", "pl"})},
    "definiteness": {"ind": frozenset({"ind"}), "def": frozenset({"def"})},
    "case": {"nom": frozenset({"nom"}), "acc": frozenset({"acc"}), "gen": frozenset({"gen"})},
    "person": {"p1": frozenset({"p1"}), "p2": frozenset({"p2"}), "p3": frozenset({"p3"})},
    "vform": {t: frozenset({t}) for t in ("pres", "past", "inf", "supn", "imp", "pp")},
    "degree": {t: frozenset({t}) for t in ("pst", "comp", "sup")},
    "voice": {"actv": frozenset({"actv"}), "pasv": frozenset({"pasv"})},
}

#: tag -> its feature
FEATURE_OF: dict[str, str] = {tag: feat for feat, tags in FEATURES.items() for tag in tags}

#: Tags the generator accepts for a value, in the order to try: the analyser writes
#: an open gender as "fn" on a definite singular and "un" on a plural, the masculine
#: "m" on "förre"; asking for "ut" where the dictionary says "fn" generates nothing.
SPELLINGS: dict[str, tuple[str, ...]] = {
    "ut": ("ut", "fn", "un", "m"),
    "nt": ("nt", "fn", "un"),
    # a plural adjective made singular for a subject of open gender ("man är
    # rasistiska" -> "rasistisk"): the common gender, as for a person
    "un": ("un", "ut"),
}


def values(tags: Iterable[str], feature: str) -> frozenset[str] | None:
    """The values of `feature` the tags allow; None when they leave it open."""
    table = FEATURES[feature]
    found: frozenset[str] | None = None
    for t in tags:
        v = table.get(t)
        if v is not None:
            found = v if found is None else found | v
    return found


def agree(a: Iterable[str], b: Iterable[str], features: Iterable[str]) -> bool:
    a, b = tuple(a), tuple(b)
    for feat in features:
        va, vb = values(a, feat), values(b, feat)
        if va is not None and vb is not None and not va & vb:
            return False
    return True


#: Features of the token's text, not of its tags: "word" (the same word, in any
#: case) is how a rule sees a word written twice ("att att").
TEXT_FEATURES = frozenset({"word"})


def check_feature(name: str) -> str:
    if name not in FEATURES and name not in TEXT_FEATURES:
        known = ", ".join([*FEATURES, *sorted(TEXT_FEATURES)])
        raise ValueError(f"okänt särdrag {name!r} (kända: {known})")
    return name
