"""`python -m proofer dict ...`: the admin command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from proofer.cli import main
from proofer.names.loader import load_file
from proofer.names.model import Entry
from proofer.names.proposals import ProposalQueue
from proofer.settings import PROJECT_ROOT, Settings


@pytest.fixture
def dfile(tmp_path: Path) -> Path:
    p = tmp_path / "d.yaml"
    p.write_text("# behåll mig\nentries:\n  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    return p


def test_add_edit_remove(dfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dict", "add", "Sara Nyberg", "--kind", "person", "--title", "kommunalråd",
                 "--party", "V", "--alias", "Nyberg", "--file", str(dfile)]) == 0
    assert main(["dict", "edit", "Sara Nyberg", "--party", "MP", "--file", str(dfile)]) == 0
    (bo, sara) = load_file(dfile).entries
    assert (sara.name, sara.titles, sara.party, sara.aliases) == \
        ("Sara Nyberg", ("kommunalråd",), "MP", ("Nyberg",))
    assert main(["dict", "remove", "Bo Ek", "--file", str(dfile)]) == 0
    assert [e.name for e in load_file(dfile).entries] == ["Sara Nyberg"]
    assert dfile.read_text(encoding="utf-8").startswith("# behåll mig\n")
    assert main(["dict", "remove", "Finns Ej", "--file", str(dfile)]) == 1
    assert "finns inte" in capsys.readouterr().err


def test_add_refuses_a_bad_kind_and_a_duplicate(dfile: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dict", "add", "Bo Ek", "--kind", "person", "--file", str(dfile)]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert main(["dict", "add", "X", "--kind", "banan", "--file", str(dfile)]) == 2


def test_add_defaults_to_the_users_own_dictionary() -> None:
    assert main(["dict", "add", "Egen Person", "--kind", "person"]) == 0
    own = Settings.load().user_dictionary_path
    assert [e.name for e in load_file(own).entries] == ["Egen Person"]


def test_list_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dict", "search", "hallberg"]) == 0
    out = capsys.readouterr().out
    assert "Anna Hallberg\tperson" in out and "utrikeshandelsminister" in out
    assert main(["dict", "list", "--kind", "title", "minister"]) == 0
    out = capsys.readouterr().out
    assert "statsminister\ttitle" in out and "Anna Hallberg" not in out


def test_validate_reports_file_line_and_reason(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - name: A\n    kind: banan\n", encoding="utf-8")
    assert main(["dict", "validate", str(bad)]) == 1
    assert f"{bad}:2: okänd sort 'banan'" in capsys.readouterr().out
    assert main(["dict", "validate"]) == 0  # the shipped dictionaries are clean


def test_csv_round_trip(dfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,kind,titles,party,aliases\n"
                   "Sara Nyberg,person,kommunalråd;partiledare,V,Nyberg\n"
                   ",person,,,\n"
                   "Bo Ek,person,,S,\n", encoding="utf-8")
    assert main(["dict", "import-csv", str(src), "--file", str(dfile)]) == 1  # one bad row
    out = capsys.readouterr().out
    assert f"{src}:3: namn saknas" in out and "'Bo Ek' finns redan" in out
    assert main(["dict", "import-csv", str(src), "--file", str(dfile), "--update"]) == 1
    entries = {e.name: e for e in load_file(dfile).entries}
    assert entries["Sara Nyberg"].titles == ("kommunalråd", "partiledare")
    assert entries["Bo Ek"].party == "S"
    out_csv = tmp_path / "ut.csv"
    assert main(["dict", "export-csv", "--file", str(dfile), "-o", str(out_csv)]) == 0
    lines = out_csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "name,kind,titles,party,aliases,wrong,note"
    assert "Sara Nyberg,person,kommunalråd;partiledare,V,Nyberg,," in lines


def test_proposals_approve_and_reject(dfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    q = ProposalQueue(Settings.load().proposals_path)
    keep = q.propose(Entry("Ny Person", "person"), "redaktör")
    drop = q.propose(Entry("Fel Person", "person"), "redaktör")
    assert main(["dict", "proposals"]) == 0
    assert "Ny Person" in capsys.readouterr().out
    assert main(["dict", "approve", keep, "--file", str(dfile)]) == 0
    assert main(["dict", "reject", drop]) == 0
    assert [e.name for e in load_file(dfile).entries] == ["Bo Ek", "Ny Person"]
    assert q.pending() == []


def test_the_real_command_runs(dfile: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "proofer", "dict", "validate", str(dfile)],
                       cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "1 giltiga poster" in r.stderr


def test_a_file_changed_by_someone_else_meanwhile_gets_the_change_redone_on_top(
        dfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from proofer.names import admin_cli

    attempts: list[int] = []

    def change(df) -> str:  # type: ignore[no-untyped-def]
        attempts.append(len(df.entries))
        if len(attempts) == 1:
            # Another editor saves while this command is between reading and writing.
            dfile.write_text(dfile.read_text(encoding="utf-8")
                             + "  - name: Annan Person\n    kind: person\n", encoding="utf-8")
        df.add(Entry("Min Person", "person"))
        return "klart"

    assert admin_cli._edit_file(dfile, change) == 0
    assert capsys.readouterr().out.strip() == "klart"
    assert attempts == [1, 2]  # refused once, then redone on the file with their entry
    names = [e.name for e in load_file(dfile).entries]
    assert names == ["Bo Ek", "Annan Person", "Min Person"]


def test_a_file_that_cannot_be_written_is_said_in_swedish_not_as_an_internal_error(
        dfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file where a folder should be (as a write-protected folder or a full disk):
    the admin's mistake or the machine's state, not a bug: one Swedish line naming
    the file, the usual "nothing saved" code, never "internt fel"."""
    (tmp_path / "inte-en-mapp").write_text("", encoding="utf-8")
    target = tmp_path / "inte-en-mapp" / "namn.yaml"
    assert main(["dict", "add", "Olle Ny", "--kind", "person", "--file", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == (f"proofer dict: {target}: en del av sökvägen är ingen katalog"
                   " – ingenting sparades\n")
    out = tmp_path / "inte-en-mapp" / "ut.csv"
    assert main(["dict", "export-csv", "--file", str(dfile), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"proofer dict: {out}: en del av sökvägen är ingen katalog – ingenting skrevs\n")


def test_a_queue_file_of_another_shape_is_one_line_not_an_internal_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    queue = tmp_path / "forslag.yaml"
    queue.write_text("entries:\n  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    monkeypatch.setattr("proofer.names.admin_cli._settings",
                        lambda: Settings(proposals_file=str(queue)))
    for argv in (["dict", "proposals"], ["dict", "reject", "abc"]):
        assert main(argv) == 1
        assert capsys.readouterr().err == (
            f"proofer dict: {queue}: förslagsfilen ska ha en lista 'proposals' med förslag; "
            "den ändrades inte\n")


@pytest.mark.parametrize("content", ["entries:\n  name: Anna\n", 'entries: "text"\n'])
def test_entries_that_are_no_list_are_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    path = tmp_path / "namn.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["dict", "add", "Olle Ny", "--kind", "person", "--file", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"proofer dict: {path}: 'entries' ska vara en lista med poster; "
        "filen ändrades inte\n")
    assert path.read_text(encoding="utf-8") == content


BROKEN = ("entries:\n"
          "  - name: Anna Hallberg\n    kind: person\n    titles: 5\n"
          "  - name: Fel Sort\n    kind: persn\n"
          "  - name: Bo Ek\n    kind: person\n")


@pytest.mark.parametrize("name", ["Fel Sort", "Anna Hallberg"])
def test_remove_takes_out_a_broken_entry(tmp_path: Path, name: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A broken entry is still in the file; removing it is how an admin fixes it."""
    path = tmp_path / "d.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["dict", "remove", name, "--file", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert f"name: {name}\n" not in text
    assert text.count("name: ") == 2 and "name: Bo Ek\n" in text
    assert (tmp_path / "d.yaml.bak").read_text(encoding="utf-8") == BROKEN


def test_edit_of_a_broken_entry_says_where_and_why(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["dict", "edit", "Fel Sort", "--party", "S", "--file", str(path)]) == 1
    err = capsys.readouterr().err
    assert "'Fel Sort' kan inte läsas – rad 5: okänd sort 'persn'" in err
    assert "dict remove" in err and "finns inte" not in err
    assert path.read_text(encoding="utf-8") == BROKEN


def test_a_refused_remove_leaves_no_folder_behind(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ny" / "mapp" / "d.yaml"
    assert main(["dict", "remove", "Finns Ej", "--file", str(target)]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
