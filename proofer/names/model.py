"""One dictionary entry (the CONTRACT schema) and the rules that make it valid.

Kept free of YAML and files so the loader, the editing API, the GUI and the CSV
import all agree on what a valid entry is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

KINDS = ("person", "organization", "place", "title", "term")
KNOWN_KEYS = ("name", "kind", "titles", "party", "aliases", "wrong", "note")
LIST_KEYS = ("titles", "aliases", "wrong")


def has_letter(text: str) -> bool:
    """The rule for what a dictionary entry may be (docs/names.md): at least one
    letter. "2024", "–" or "#123" can never be written wrong the way a name can, and
    the checker finds names by their words; "3M" and "#metoo" pass (the checker
    then leaves them alone, as the text's tokenizer reads them as a number and a
    hashtag, not as words)."""
    return any(c.isalpha() for c in text)


class EntryError(ValueError):
    """An entry that breaks the schema; the message is in Swedish, for users."""


def _strings(value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        raise EntryError(f"'{key}' ska vara en lista med texter")
    out = []
    for item in value:
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise EntryError(f"'{key}' ska bara innehålla texter")
        text = str(item).strip()
        if text:
            out.append(text)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Entry:
    """A name, title or term as it must be written, plus what we know about it.

    Immutable so that an entry shared by the store, an undo stack and the GUI can
    never change under one of them; use `dataclasses.replace` to edit.
    """

    name: str
    kind: str = "person"
    titles: tuple[str, ...] = ()
    party: str = ""
    aliases: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    note: str = ""
    # Where it came from ("file.yaml:12"); not part of equality or of the YAML.
    origin: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        for key in LIST_KEYS:
            value = getattr(self, key)
            if not isinstance(value, tuple):
                object.__setattr__(self, key, _strings(value, key))

    def validate(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise EntryError("namn saknas ('name')")
        if self.kind not in KINDS:
            raise EntryError(f"okänd sort '{self.kind}' (tillåtna: {', '.join(KINDS)})")
        if self.name != self.name.strip() or "  " in self.name:
            raise EntryError(f"namnet '{self.name}' har extra mellanslag")
        for title in self.titles:  # "titles: 5": a number where the titles belong
            if not has_letter(title):
                raise EntryError(f"titeln '{title}' har ingen bokstav: 'titles' ska vara en "
                                 "lista med titlar, t.ex. titles: [kommunalråd]")
        for text in (self.name, *self.aliases, *self.wrong):
            if not has_letter(text):
                raise EntryError(f"'{text}' har ingen bokstav: ett namn, alias eller en "
                                 "felstavning måste ha minst en bokstav (se docs/names.md)")

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], origin: str = "") -> Entry:
        """Build and validate an entry from parsed YAML/CSV data; EntryError if broken."""
        if not isinstance(data, Mapping):
            raise EntryError("posten ska vara en mappning med minst 'name' och 'kind'")
        unknown = [k for k in data if k not in KNOWN_KEYS]
        if unknown:
            raise EntryError(f"okänd nyckel '{unknown[0]}' (tillåtna: {', '.join(KNOWN_KEYS)})")
        name = data.get("name")
        if name is None or (isinstance(name, str) and not name.strip()):
            raise EntryError("namn saknas ('name')")
        if not isinstance(name, str | int):
            raise EntryError("'name' ska vara en text")
        kind = data.get("kind")
        if kind is None:
            raise EntryError(f"sort saknas ('kind') för '{name}'")
        party = data.get("party") or ""
        note = data.get("note") or ""
        if not isinstance(party, str) or not isinstance(note, str):
            raise EntryError("'party' och 'note' ska vara texter")
        entry = cls(
            name=str(name).strip(),
            kind=str(kind).strip(),
            titles=_strings(data.get("titles"), "titles"),
            party=party.strip(),
            aliases=_strings(data.get("aliases"), "aliases"),
            wrong=_strings(data.get("wrong"), "wrong"),
            note=note.strip(),
            origin=origin,
        )
        entry.validate()
        return entry

    def to_mapping(self) -> dict[str, object]:
        """The YAML form: only the keys that carry something, in schema order."""
        out: dict[str, object] = {"name": self.name, "kind": self.kind}
        if self.titles:
            out["titles"] = list(self.titles)
        if self.party:
            out["party"] = self.party
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.wrong:
            out["wrong"] = list(self.wrong)
        if self.note:
            out["note"] = self.note
        return out

    def same_data(self, other: Entry) -> bool:
        return self.to_mapping() == other.to_mapping()

    def forms(self) -> Iterable[str]:
        """Every correct written form: the name and its aliases."""
        yield self.name
        yield from self.aliases
