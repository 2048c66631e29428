"""A name suggestion fits the span it replaces: accepting it never doubles a name."""

from __future__ import annotations

from tests.ui.conftest import wait_checked


def test_accepting_a_surname_form_keeps_one_first_name(qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    settings.user_dictionary_path.parent.mkdir(parents=True, exist_ok=True)
    settings.user_dictionary_path.write_text(
        "entries:\n  - {name: Karin Wanngård, kind: person, party: S, wrong: [Wangård]}\n",
        encoding="utf-8")
    window.reload_dictionaries()
    path = tmp_path / "t.txt"
    path.write_text("Det säger Karin Wangård (S) i dag.\n", encoding="utf-8")
    window.open_path(path)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.text == "Wangård")
    window.accept(item.id)
    assert window.editor_text() == "Det säger Karin Wanngård (S) i dag.\n"
    # Typed twice by hand, the first name is flagged.
    cur = window.editor.textCursor()
    cur.setPosition(len("Det säger "))
    cur.insertText("Karin ")
    wait_checked(qtbot, window)
    assert any(i.finding.text == "Karin Karin" and i.finding.suggestions[0] == "Karin"
               for i in window.store.visible())
