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
    # Each process's own messages arrive in order, but a queue does not order two
    # processes' messages by time (each has its own feeder thread): compare per editor.
    anna = [r[1] for r in got if r[0] == "Anna Andersson"]
    bertil = [r[1] for r in got if r[0] == "Bertil Bengtsson"]
    assert anna == ["saved"]
    assert len(bertil) == 2 and bertil[0].startswith("refused: "), bertil
    assert "ändrats på disk" in bertil[0]
    assert bertil[1] == "saved after reload"
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


def test_a_save_between_reading_and_fingerprinting_is_never_lost(
        dict_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another admin saves right after our load read the file: our save must be
    refused (and then redone on top), never silently drop their entry."""
    from proofer.names import editing

    real_read = editing.read_bytes
    state = {"interleaved": False}

    def read_then_someone_saves(self: Path, limit: int) -> bytes:
        data = real_read(self, limit)
        if Path(self) == dict_path and not state["interleaved"]:
            state["interleaved"] = True
            theirs = DictionaryFile.load(dict_path)
            theirs.add(Entry("Eva Lund", "person"))
            theirs.save()
        return data

    monkeypatch.setattr(editing, "read_bytes", read_then_someone_saves)
    mine = DictionaryFile.load(dict_path)
    mine.add(Entry("Bo Ek", "person"))
    with pytest.raises(ChangedOnDisk):
        mine.save()
    DictionaryFile.edit(dict_path, lambda df: df.add(Entry("Bo Ek", "person")))
    names = [e.name for e in load_file(dict_path).entries]
    assert names[-2:] == ["Eva Lund", "Bo Ek"]


def _cli_adds(path: str, tag: str, n: int, codes: mp.Queue) -> None:
    from proofer.cli import main

    for i in range(n):
        codes.put((f"Person {tag}{i:02d}",
                   main(["dict", "add", f"Person {tag}{i:02d}", "--kind", "person",
                         "--file", path])))


def test_concurrent_dict_add_through_the_cli_all_succeed(tmp_path: Path) -> None:
    """Several admins adding at once: every add reports success and is in the file."""
    path = tmp_path / "delad.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    ctx = mp.get_context("fork")
    codes: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=_cli_adds, args=(str(path), tag, 15, codes)) for tag in "XYZ"]
    for p in procs:
        p.start()
    got = [codes.get(timeout=120) for _ in range(45)]
    for p in procs:
        p.join(60)
    assert [name for name, code in got if code != 0] == []
    names = {e.name for e in load_file(path).entries}
    assert {name for name, _ in got} <= names
    assert len(load_file(path).entries) == 3 + 45


def test_concurrent_personal_word_list_additions_are_all_kept(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_add_words, args=(str(tmp_path), tag, 15)) for tag in "XYZ"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    words = (tmp_path / "ord.txt").read_text(encoding="utf-8").split()
    assert sorted(words) == sorted(f"ord{t}{i}" for t in "XYZ" for i in range(15))


def _add_words(folder: str, tag: str, n: int) -> None:
    from proofer.finding import Category, Finding
    from proofer.settings import Settings
    from proofer.ui.words import add_word

    settings = Settings(personal_words=str(Path(folder) / "ord.txt"))
    for i in range(n):
        word = f"ord{tag}{i}"
        add_word(settings, Finding(0, len(word), word, Category.SPELLING, "spelling.test",
                                   "okänt ord"))


@pytest.mark.parametrize("mode", [0o644, 0o664])
def test_dictionary_and_proposal_saves_keep_the_files_mode(tmp_path: Path, dict_path: Path,
                                                           mode: int) -> None:
    dict_path.chmod(mode)
    df = DictionaryFile.load(dict_path)
    df.add(Entry("Eva Lund", "person"))
    df.save()
    assert dict_path.stat().st_mode & 0o777 == mode
    queue_path = tmp_path / "forslag.yaml"
    ProposalQueue(queue_path).propose(Entry("Bo Ek", "person"), "x")
    queue_path.chmod(mode)
    ProposalQueue(queue_path).propose(Entry("Eva Ek", "person"), "x")
    assert queue_path.stat().st_mode & 0o777 == mode


_SLOW_EDIT = """
import sys, time
from pathlib import Path
from proofer.names.editing import DictionaryFile
from proofer.names.model import Entry
tries = []
def change(df):
    tries.append(1)
    print("inläst", flush=True)
    time.sleep(1.5)  # a slow admin: the CLI on a loaded machine
    df.add(Entry("Anna Andersson", "person"))
DictionaryFile.edit(Path(sys.argv[1]), change)
print(len(tries), flush=True)
"""


def test_an_edit_holds_the_lock_from_load_to_save_so_others_queue(dict_path: Path) -> None:
    """A second admin who starts while the first is between load and save waits for
    the first to finish instead of saving in between: the first is never refused (on
    a loaded machine "refused, retry" could repeat until it gave up), and both land."""
    import subprocess
    import sys

    slow = subprocess.Popen([sys.executable, "-c", _SLOW_EDIT, str(dict_path)],
                            stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert slow.stdout is not None and slow.stdout.readline().strip() == "inläst"
    mine: list[int] = []

    def change(df: DictionaryFile) -> None:
        mine.append(1)
        df.add(Entry("Bertil Bengtsson", "person"))

    DictionaryFile.edit(dict_path, change)
    out, _ = slow.communicate(timeout=60)
    assert out.strip() == "1"  # the slow edit loaded once and saved: never refused
    assert mine == [1]
    names = [e.name for e in load_file(dict_path).entries]
    assert names[-2:] == ["Anna Andersson", "Bertil Bengtsson"]  # in the order they began
    assert sorted(f.name for f in dict_path.parent.iterdir()) == ["delad.yaml", "delad.yaml.bak",
                                                                  "delad.yaml.bak.1"]


def test_an_edit_keeps_the_files_line_ends_and_byte_order_mark(tmp_path: Path) -> None:
    """A list kept on Windows (CRLF, a byte order mark): an added entry changes that
    entry, not every line end of the file (a diff of the whole file in the newsroom's
    version control, and mixed line ends for the next editor)."""
    path = tmp_path / "delad.yaml"
    path.write_bytes(b"\xef\xbb\xbf# Delad lista\r\nentries:\r\n  - name: Anna Hallberg\r\n"
                     b"    kind: person\r\n")
    DictionaryFile.edit(path, lambda df: df.add(Entry(name="Olle Ny", kind="person")))
    assert path.read_bytes() == (
        b"\xef\xbb\xbf# Delad lista\r\nentries:\r\n  - name: Anna Hallberg\r\n"
        b"    kind: person\r\n  - name: Olle Ny\r\n    kind: person\r\n")
    assert [e.name for e in DictionaryFile.load(path).entries] == ["Anna Hallberg", "Olle Ny"]


@pytest.mark.parametrize("content", [
    "entries:\n  - name: Anna Hallberg\n    kind: person\n",  # a dictionary, by mistake
    "- name: Anna Hallberg\n  kind: person\n",  # the same as a bare list
    "proposals: inte en lista\n",
    "bara text\n",
])
def test_a_proposals_file_of_another_shape_is_refused_not_wiped(tmp_path: Path,
                                                                 content: str) -> None:
    """The settings name the wrong file as the queue (the shared dictionary itself):
    a proposal must not rewrite it as a queue of one."""
    path = tmp_path / "forslag.yaml"
    path.write_text(content, encoding="utf-8")
    queue = ProposalQueue(path)
    with pytest.raises(EntryError, match="förslagsfilen ska ha en lista 'proposals'"):
        queue.propose(Entry(name="Olle Ny", kind="person"))
    assert path.read_text(encoding="utf-8") == content


def test_an_item_of_the_queue_that_is_no_proposal_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "forslag.yaml"
    path.write_text("proposals:\n- handskriven anteckning\n", encoding="utf-8")
    queue = ProposalQueue(path)
    pid = queue.propose(Entry(name="Olle Ny", kind="person"))
    assert [p.entry.name for p in queue.pending()] == ["Olle Ny"]
    queue.reject(pid)
    assert "handskriven anteckning" in path.read_text(encoding="utf-8")
