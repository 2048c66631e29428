"""Editing dictionary files: comments and order kept, atomic with backup, and a
save refused when someone else saved in between (tested with real processes)."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from proofer.names.editing import DictionaryFile
from proofer.names.loader import load_file
from proofer.names.model import Entry, EntryError
from proofer.names.proposals import ProposalQueue, add_for_editor
from proofer.safe_write import ChangedOnDisk, backup_path

ORIGINAL = """\
# Redaktionens namn – kommentaren ska finnas kvar.
entries:
  # Regionen
  - name: Kristina Jonäng   # C
    kind: person
    titles: [regionråd]
    party: C
  - name: Borås Stad
    kind: organization
  - name: Bijan Zainali
    kind: person
"""


@pytest.fixture
def dict_path(tmp_path: Path) -> Path:
    p = tmp_path / "delad.yaml"
    p.write_text(ORIGINAL, encoding="utf-8")
    return p


def test_add_update_remove_keep_comments_and_order(dict_path: Path) -> None:
    df = DictionaryFile.load(dict_path)
    assert [e.name for e in df.entries] == ["Kristina Jonäng", "Borås Stad", "Bijan Zainali"]
    df.add(Entry("Anna Hallberg", "person", titles=("utrikeshandelsminister",), party="S"))
    df.update("Borås Stad", Entry("Borås Stad", "organization", aliases=("Borås stad",)))
    df.remove("Bijan Zainali")
    df.save()
    text = dict_path.read_text(encoding="utf-8")
    assert text.startswith("# Redaktionens namn – kommentaren ska finnas kvar.\n")
    assert "  # Regionen\n  - name: Kristina Jonäng   # C\n" in text
    assert "Bijan" not in text
    assert text.index("Kristina") < text.index("Borås Stad") < text.index("Anna Hallberg")
    assert "aliases: [Borås stad]" in text
    assert backup_path(dict_path).read_text(encoding="utf-8") == ORIGINAL
    res = load_file(dict_path)
    assert res.problems == []
    assert [e.name for e in res.entries] == ["Kristina Jonäng", "Borås Stad", "Anna Hallberg"]


def test_invalid_or_duplicate_entries_are_refused(dict_path: Path) -> None:
    df = DictionaryFile.load(dict_path)
    with pytest.raises(EntryError):
        df.add(Entry("Borås Stad", "organization"))
    with pytest.raises(EntryError):
        df.add(Entry("X", "banan"))
    with pytest.raises(EntryError):
        df.update("Borås Stad", Entry("Bijan Zainali", "person"))


def test_a_missing_file_is_created_on_save(tmp_path: Path) -> None:
    p = tmp_path / "egna.yaml"
    df = DictionaryFile.load(p)
    assert df.entries == []
    df.add(Entry("Bo Ek", "person"))
    df.save()
    assert [e.name for e in load_file(p).entries] == ["Bo Ek"]


def test_an_unparsable_file_is_not_opened_for_editing(tmp_path: Path) -> None:
    p = tmp_path / "trasig.yaml"
    p.write_text("entries:\n  - name: [oj\n", encoding="utf-8")
    with pytest.raises(EntryError, match="trasig.yaml:"):
        DictionaryFile.load(p)
    assert p.read_text(encoding="utf-8") == "entries:\n  - name: [oj\n"


def test_save_is_refused_when_the_file_changed_on_disk(dict_path: Path) -> None:
    mine = DictionaryFile.load(dict_path)
    theirs = DictionaryFile.load(dict_path)
    theirs.add(Entry("Eva Lund", "person"))
    theirs.save()
    mine.add(Entry("Bo Ek", "person"))
    with pytest.raises(ChangedOnDisk):
        mine.save()
    assert [e.name for e in load_file(dict_path).entries][-1] == "Eva Lund"


def _editor(path: str, name: str, loaded: mp.Event, go: mp.Event, done: mp.Event,
            results: mp.Queue) -> None:
    """One editor in its own process: load, wait for its turn, add, save."""
    df = DictionaryFile.load(path)
    loaded.set()
    go.wait(30)
    df.add(Entry(name, "person"))
    try:
        df.save()
        results.put((name, "saved"))
    except ChangedOnDisk as exc:
        results.put((name, f"refused: {exc}"))
        # The loser reloads and redoes the edit: nothing is lost.
        df = DictionaryFile.load(path)
        df.add(Entry(name, "person"))
        df.save()
        results.put((name, "saved after reload"))
    done.set()


def test_two_processes_editing_at_once_lose_nothing_and_the_loser_is_refused(
        dict_path: Path) -> None:
    ctx = mp.get_context("spawn")
    ev = {k: ctx.Event() for k in ("a_loaded", "b_loaded", "a_go", "b_go", "a_done", "b_done")}
    results: mp.Queue = ctx.Queue()
    a = ctx.Process(target=_editor, args=(str(dict_path), "Anna Andersson", ev["a_loaded"],
                                          ev["a_go"], ev["a_done"], results))
    b = ctx.Process(target=_editor, args=(str(dict_path), "Bertil Bengtsson", ev["b_loaded"],
                                          ev["b_go"], ev["b_done"], results))
    a.start()
    b.start()
    assert ev["a_loaded"].wait(60) and ev["b_loaded"].wait(60)  # both read the same file
    ev["a_go"].set()
    assert ev["a_done"].wait(60)
    ev["b_go"].set()
    assert ev["b_done"].wait(60)
    a.join(30)
    b.join(30)
    got = [results.get(timeout=10) for _ in range(3)]
    assert got[0] == ("Anna Andersson", "saved")
    assert got[1][0] == "Bertil Bengtsson" and got[1][1].startswith("refused: ")
    assert "ändrats på disk" in got[1][1]
    assert got[2] == ("Bertil Bengtsson", "saved after reload")
    names = [e.name for e in load_file(dict_path).entries]
    assert names == ["Kristina Jonäng", "Borås Stad", "Bijan Zainali", "Anna Andersson",
                     "Bertil Bengtsson"]


def _proposer(path: str, tag: str, n: int) -> None:
    q = ProposalQueue(path)
    for i in range(n):
        q.propose(Entry(f"Person {tag}{chr(65 + i)}", "person"), tag)


def test_concurrent_proposals_are_all_kept(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    path = tmp_path / "forslag.yaml"
    procs = [ctx.Process(target=_proposer, args=(str(path), tag, 5)) for tag in "XY"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    names = sorted(p.entry.name for p in ProposalQueue(path).pending())
    assert names == sorted(f"Person {t}{c}" for t in "XY" for c in "ABCDE")


def test_editor_addition_lands_in_own_dictionary_and_is_only_proposed_for_shared(
        tmp_path: Path, dict_path: Path) -> None:
    own = tmp_path / "egna.yaml"
    queue = ProposalQueue(tmp_path / "forslag.yaml")
    pid = add_for_editor(Entry("Sara Nyberg", "person", titles=("kommunalråd",)), own, queue,
                         "redaktör")
    assert [e.name for e in load_file(own).entries] == ["Sara Nyberg"]
    assert "Sara Nyberg" not in dict_path.read_text(encoding="utf-8")
    (pending,) = queue.pending()
    assert pending.id == pid and pending.proposed_by == "redaktör"
    assert pending.entry.titles == ("kommunalråd",)
    queue.approve(pid, dict_path)
    assert queue.pending() == []
    assert "Sara Nyberg" in [e.name for e in load_file(dict_path).entries]
    assert "# Regionen" in dict_path.read_text(encoding="utf-8")


def test_rejected_proposals_go_nowhere(tmp_path: Path, dict_path: Path) -> None:
    queue = ProposalQueue(tmp_path / "forslag.yaml")
    pid = queue.propose(Entry("Fel Namn", "person"), "x")
    queue.reject(pid)
    assert queue.pending() == []
    assert "Fel Namn" not in dict_path.read_text(encoding="utf-8")
    with pytest.raises(KeyError):
        queue.reject(pid)
