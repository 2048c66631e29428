"""The seed article as an HTML page (paragraphs, lines within them joined by <br>)
gives the findings the .txt gives: an empty "Publicerad:" field before a <br>, the
icon text on a line of its own, and the double space the writer typed (HTML source
spaces read as typed; only a run with a line break is layout)."""

from __future__ import annotations

import html
from pathlib import Path

from tests.ui.conftest import SEED, wait_checked


def seed_as_html(target: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n"))
                     + "</p>" for p in paragraphs)
    target.write_text(f"<!DOCTYPE html>\n<html lang='sv'><head><meta charset='utf-8'>"
                      f"<title>Artikel</title></head>\n<body>\n{body}\n</body></html>\n",
                      encoding="utf-8")
    return target


def _found(qtbot, win, path: Path) -> list[tuple[str, str]]:  # noqa: ANN001
    assert win.open_path(path)
    wait_checked(qtbot, win)
    return sorted((i.finding.rule, i.finding.text) for i in win.store.items)


def test_seed_as_html_gives_the_findings_of_the_text(qtbot, window, seed, tmp_path) -> None:  # noqa: ANN001
    as_text = _found(qtbot, window, seed)
    as_html = _found(qtbot, window, seed_as_html(tmp_path / "artikel.html"))
    assert as_html == as_text
    texts = [t for _r, t in as_html]
    assert texts.count("Publicerad:") == 2
    assert "Ikon för telefonnummer" in texts
    assert ("style.double-space", "  ") in as_html


def test_removing_a_line_before_a_br_takes_the_br(qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    # "Publicerad:" with nothing after it stands on a line of its own before a <br>:
    # "(ta bort)" removes the line and its break, in the editor and in the saved page.
    path = seed_as_html(tmp_path / "artikel.html")
    assert window.open_path(path)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.text == "Publicerad:"
                and "Frderik" in i.paragraph)
    assert list(item.finding.suggestions) == [""]
    window.accept(item.id)
    assert "\u2028Frderik" not in window.editor_text()
    assert "\nFrderik Johanssomn" in window.editor_text()
    window.save()
    saved = path.read_text(encoding="utf-8")
    assert "<p>Frderik Johanssomn" in saved
    assert "<p><br>" not in saved and "<p>Publicerad:<br>\nFrderik" not in saved
