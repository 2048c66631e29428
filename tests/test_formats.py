"""Every draft format: what its text is, and that saving puts corrections back
into the same file format without losing anything else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from proofer.formats import SUPPORTED_SUFFIXES, LoadError, load_document, save_document
from proofer.formats.edits import LINE_SEP
from proofer.safe_write import ChangedOnDisk, backup_path

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- plain text, Markdown

def test_utf8_txt_keeps_crlf_and_bom_on_save(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "\ufeffHej på dig\r\nRad två – ”citat”\r\n".encode())
    doc = load_document(path)
    assert doc.text == "Hej på dig\nRad två – ”citat”\n"
    assert [p.text for p in doc.paragraphs] == ["Hej på dig", "Rad två – ”citat”"]
    assert doc.notes == []
    save_document(doc, doc.text.replace("dig", "er"))
    assert path.read_bytes() == "\ufeffHej på er\r\nRad två – ”citat”\r\n".encode()
    assert backup_path(path).read_bytes() == "\ufeffHej på dig\r\nRad två – ”citat”\r\n".encode()


def test_classic_mac_line_ends_are_kept_on_save(tmp_path: Path) -> None:
    """A lone CR ends each line (old Mac OS, some mail exports). The text keeps it (the
    contract reads only CRLF as LF); the editor shows each CR as a line break of its
    own, and its text with LF is saved with CR again, not as a file of LF lines."""
    raw = "Rad ett.\rRad två.\r".encode()
    path = _write(tmp_path / "mac.txt", raw)
    doc = load_document(path)
    assert doc.text == "Rad ett.\rRad två.\r"
    save_document(doc, "Rad ett.\nRad tre.\n")  # as the editor gives it back
    assert path.read_bytes() == b"Rad ett.\rRad tre.\r"
    assert backup_path(path).read_bytes() == raw


def test_markdown_is_plain_text_with_its_markup(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.md", b"# Rubrik\n\nEn **fet** rad.\n")
    doc = load_document(path)
    assert doc.format == "md"
    assert doc.text == "# Rubrik\n\nEn **fet** rad.\n"
    save_document(doc, "# Rubrik\n\nEn **fetare** rad.\n")
    assert load_document(path).text == "# Rubrik\n\nEn **fetare** rad.\n"


def test_cp1252_is_guessed_noted_and_written_back_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "gammal.txt"
    path.write_bytes((DRAFTS / "legacy-cp1252.txt").read_bytes())
    doc = load_document(path)
    assert doc.encoding == "cp1252"
    assert doc.notes == ["teckenkodningen gissades: cp1252"]
    assert doc.text.splitlines()[1] == "Räksmörgås kostar 50 kronor – billigt."
    save_document(doc, doc.text.replace("50", "60"))
    assert path.read_bytes() == (DRAFTS / "legacy-cp1252.txt").read_bytes().replace(b"50", b"60")


def test_cp1252_file_that_gets_a_character_cp1252_lacks_is_saved_as_utf8(
        tmp_path: Path) -> None:
    path = _write(tmp_path / "gammal.txt", "Smörgås i Lodz.\n".encode("cp1252"))
    doc = load_document(path)
    save_document(doc, "Smörgås i Łódź.\n")
    assert path.read_bytes() == "Smörgås i Łódź.\n".encode()
    assert any("sparades som UTF-8" in note and "Ł" in note for note in doc.notes)
    assert load_document(path).text == "Smörgås i Łódź.\n"


def test_unknown_extension_that_is_text_loads_as_plain_text(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path / "utkast.nyhet", "Hej då.\n".encode()))
    assert (doc.format, doc.text) == ("txt", "Hej då.\n")


def test_utf16_with_bom_round_trips(tmp_path: Path) -> None:
    data = "\ufeffÅsa läser.\n".encode("utf-16-le")
    path = _write(tmp_path / "u16.txt", data)
    doc = load_document(path)
    assert doc.text == "Åsa läser.\n"
    save_document(doc, "Åsa skriver.\n")
    assert path.read_bytes() == "\ufeffÅsa skriver.\n".encode("utf-16-le")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_said_and_saved_as_it_came(tmp_path: Path,
                                                              encoding: str) -> None:
    """Some Windows and mail tools write UTF-16 without a byte order mark: its NUL
    bytes made it "en binärfil". Read (the guess said), and saved back the same way."""
    raw = "Åsa läser – ”citat”.\r\nRad två.\r\n".encode(encoding)
    path = _write(tmp_path / "u16.txt", raw)
    doc = load_document(path)
    assert doc.text == "Åsa läser – ”citat”.\nRad två.\n"
    assert doc.notes == [f"teckenkodningen gissades: {encoding}"]
    save_document(doc, "Åsa skriver – ”citat”.\nRad två.\n")
    assert path.read_bytes() == "Åsa skriver – ”citat”.\r\nRad två.\r\n".encode(encoding)


@pytest.mark.parametrize("data", [bytes(64), b"\x00\x01\x02\x03data", b"P\x00K\x00\x03\x04",
                                  "Hej".encode("utf-16-le") + b"\x00\x00\x07\x00"])
def test_nul_bytes_that_are_no_utf16_text_are_still_binary(tmp_path: Path,
                                                           data: bytes) -> None:
    with pytest.raises(LoadError, match="är en binärfil, inte text"):
        load_document(_write(tmp_path / "data.txt", data))


def test_save_refuses_to_overwrite_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", b"Ett.\n")
    doc = load_document(path)
    path.write_bytes(b"Kollegans version.\n")
    with pytest.raises(ChangedOnDisk):
        save_document(doc, "Mitt.\n")
    assert path.read_bytes() == b"Kollegans version.\n"


def test_saving_twice_works_and_save_as_leaves_the_original(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", b"Ett.\n")
    doc = load_document(path)
    save_document(doc, "Tv\u00e5.\n")
    save_document(doc, "Tre.\n")
    assert path.read_bytes() == b"Tre.\n"
    other = save_document(doc, "Fyra.\n", tmp_path / "kopia.txt")
    assert (other.read_bytes(), path.read_bytes()) == (b"Fyra.\n", b"Tre.\n")
    assert doc.path == other


def test_supported_suffixes_for_the_open_dialog() -> None:
    assert {".txt", ".md", ".html", ".htm", ".docx"} <= set(SUPPORTED_SUFFIXES)


# ---------------------------------------------------------------- HTML

ARTICLE_LINES = [
    # The headline's source has "Regeringen   presenterar\n          ny budget": the
    # typed spaces are the writer's (a copy desk fixes them), the wrapped line is layout.
    "Regeringen   presenterar ny budget",
    "Finansministern la i dag fram höstbudgeten med stora satsningar.",
    f"Budgeten innehåller tre miljarder till skolan.{LINE_SEP}Oppositionen är kritisk.",
    "Finansministern i riksdagen.",
    "Reformerna ska gälla från & med januari.",
    "Skolan får mer pengar.",
    "Polisen får fler tjänster.",
    "Område", "Miljarder", "Skola", "3",
]


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.html"
    path.write_bytes((DRAFTS / "article.html").read_bytes())
    return path


def test_html_text_is_the_article_without_page_chrome(tmp_path: Path) -> None:
    doc = load_document(_article(tmp_path))
    assert doc.format == "html"
    assert doc.text.split("\n") == ARTICLE_LINES
    for chrome in ("kakor", "webbläsare", "Nyheter", "Läs också", "Dela", "Dold",
                   "dataLayer", "font-weight", "Tidningen", "titel"):
        assert chrome not in doc.text


def test_html_without_article_uses_body_minus_navigation(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.htm", (
        "<html><body><nav>Meny</nav><div role='banner'>Logga</div>"
        "<div>Första stycket med <i>kursiv</i> text.<p>Andra stycket.</p>Tredje.</div>"
        "<footer>Sidfot</footer></body></html>").encode())
    assert load_document(path).text == "Första stycket med kursiv text.\nAndra stycket.\nTredje."


def test_html_save_edits_only_the_text_node_and_keeps_markup(tmp_path: Path) -> None:
    path = _article(tmp_path)
    doc = load_document(path)
    new = (doc.text.replace("presenterar", "lägger fram")
           .replace("stora", "mycket stora")
           .replace("från & med", "från och med")
           .replace("Oppositionen", "Men oppositionen"))
    save_document(doc, new)
    html = path.read_text(encoding="utf-8")
    assert "<h1>Regeringen   lägger fram\n          ny budget</h1>" in html
    assert '<a href="/budget">höstbudgeten</a>' in html
    assert "med mycket <em>stora</em> satsningar" in html  # typed before the emphasis
    assert "från och med januari" in html
    assert "skolan.<br>Men oppositionen är kritisk." in html
    for kept in ('<div id="cookie-consent" class="notice">', "trackPageView();",
                 '<img src="bild.jpg" alt="Finansministern">', "<strong>fler</strong>",
                 '<aside class="related">', '<meta charset="utf-8">'):
        assert kept in html
    assert load_document(path).text == new
    assert backup_path(path).read_bytes() == (DRAFTS / "article.html").read_bytes()


def test_html_save_changes_no_byte_outside_the_corrected_words(tmp_path: Path) -> None:
    path = _article(tmp_path)
    doc = load_document(path)
    save_document(doc, doc.text.replace("tre miljarder", "fyra miljarder")
                  .replace("Polisen får", "Polisen och tullen får"))
    original = (DRAFTS / "article.html").read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == (
        original.replace("tre miljarder", "fyra miljarder")
        .replace("Polisen får", "Polisen och tullen får"))


def test_html_with_end_tags_left_out_is_reserialised(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.html",
                  "<ul><li>Ett fel<li>Två fel</ul><p>Tre &eacute;<p>Fyra".encode())
    doc = load_document(path)
    assert doc.text == "Ett fel\nTvå fel\nTre é\nFyra"
    save_document(doc, "Ett fel\nTvå rätt\nTre é\nFyra\nFem")
    assert load_document(path).text == "Ett fel\nTvå rätt\nTre é\nFyra\nFem"


def test_html_edit_across_inline_markup_replaces_the_element_text(tmp_path: Path) -> None:
    path = _article(tmp_path)
    doc = load_document(path)
    save_document(doc, doc.text.replace("fram höstbudgeten med stora", "fram budgeten med"))
    html = path.read_text(encoding="utf-8")
    assert ('<p class="ingress">Finansministern la i dag fram budgeten med satsningar.</p>'
            in html)


def test_html_unchanged_save_keeps_bytes(tmp_path: Path) -> None:
    path = _article(tmp_path)
    doc = load_document(path)
    save_document(doc, doc.text)
    assert path.read_bytes() == (DRAFTS / "article.html").read_bytes()


def test_html_added_and_removed_lines_map_by_diff(tmp_path: Path) -> None:
    path = _article(tmp_path)
    doc = load_document(path)
    lines = doc.text.split("\n")
    lines.insert(5, "Ett nytt stycke om reformerna.")
    del lines[3]  # the figure caption
    save_document(doc, "\n".join(lines))
    html = path.read_text(encoding="utf-8")
    assert "<figcaption>" not in html and '<img src="bild.jpg"' in html
    assert "<p>Reformerna ska gälla från &amp; med januari.</p>" in html
    assert "<p>Ett nytt stycke om reformerna.</p>" in html
    assert load_document(path).text.split("\n") == lines


def test_html_in_cp1252_without_declaration(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.html", "<p>Hej på dig – välkommen</p>".encode("cp1252"))
    doc = load_document(path)
    assert doc.text == "Hej på dig – välkommen"
    assert doc.notes == ["teckenkodningen gissades: cp1252"]
    save_document(doc, "Hej på er – välkommen")
    assert path.read_bytes() == "<p>Hej på er – välkommen</p>".encode("cp1252")


def test_html_declared_latin1_is_not_a_guess(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.html", ('<meta charset="iso-8859-1"><p>Åsa</p>'
                                        ).encode("latin-1"))
    doc = load_document(path)
    assert (doc.text, doc.notes) == ("Åsa", [])


# ---------------------------------------------------------------- Word

def _make_docx(path: Path) -> Path:
    word = docx.Document()
    word.add_heading("Regeringen presenterar budget", level=1)
    p = word.add_paragraph("Det är ", style="Intense Quote")
    bold = p.add_run("fet")
    bold.bold = True
    p.add_run(" text med fell ord.")
    word.add_paragraph("")
    p = word.add_paragraph("Rad ett")
    p.add_run().add_break()
    p.add_run("rad två\tmed tabb")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell ett"
    table.cell(0, 1).text = "Cell två"
    word.add_paragraph("Sista stycket.", style="Quote")
    word.sections[0].header.paragraphs[0].text = "Sidhuvud"
    word.save(str(path))
    return path


DOCX_LINES = [
    "Regeringen presenterar budget",
    "Det är fet text med fell ord.",
    "",
    f"Rad ett{LINE_SEP}rad två\tmed tabb",
    "Cell ett", "Cell två",
    "Sista stycket.",
]


def _paragraph_xml(path: Path) -> list[bytes]:
    body = docx.Document(str(path)).element.body
    return [etree.tostring(p) for p in body.iter(qn("w:p"))]


def _parts(path: Path) -> dict[str, str]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}


def test_docx_text_is_body_paragraphs_and_table_cells(tmp_path: Path) -> None:
    doc = load_document(_make_docx(tmp_path / "a.docx"))
    assert doc.format == "docx"
    assert doc.text.split("\n") == DOCX_LINES
    assert "Sidhuvud" not in doc.text


def test_docx_save_keeps_styles_runs_and_unchanged_paragraphs(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    before_xml = _paragraph_xml(path)
    before_parts = _parts(path)
    doc = load_document(path)
    save_document(doc, doc.text.replace("fell", "fel").replace("Cell två", "Cell 2"))
    word = docx.Document(str(path))
    assert [p.style.name for p in word.paragraphs] == [
        "Heading 1", "Intense Quote", "Normal", "Normal", "Quote"]
    runs = [(r.text, r.bold) for r in word.paragraphs[1].runs]
    assert runs == [("Det är ", None), ("fet", True), (" text med fel ord.", None)]
    assert word.tables[0].cell(0, 1).text == "Cell 2"
    after_xml = _paragraph_xml(path)
    changed = [i for i, (a, b) in enumerate(zip(before_xml, after_xml, strict=True)) if a != b]
    assert changed == [1, 5]  # the two edited paragraphs; the rest byte-identical
    after_parts = _parts(path)
    assert {n for n in before_parts if before_parts[n] != after_parts[n]} == {
        "word/document.xml"}
    assert word.sections[0].header.paragraphs[0].text == "Sidhuvud"
    assert load_document(path).text == doc.text


def test_docx_edit_across_runs_goes_into_the_first_run(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    doc = load_document(path)
    save_document(doc, doc.text.replace("är fet text", "var text"))
    runs = [r.text for r in docx.Document(str(path)).paragraphs[1].runs]
    assert runs == ["Det var text med fell ord.", "", ""]


def test_docx_line_break_and_tab_survive_an_edit(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    doc = load_document(path)
    save_document(doc, doc.text.replace("rad två", "rad 2"))
    assert load_document(path).text.split("\n")[3] == f"Rad ett{LINE_SEP}rad 2\tmed tabb"


def test_docx_added_and_removed_lines(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    doc = load_document(path)
    lines = doc.text.split("\n")
    lines.insert(6, "Ett nytt citat.")  # before the Quote paragraph: takes its style
    del lines[2]  # the empty paragraph
    save_document(doc, "\n".join(lines))
    word = docx.Document(str(path))
    assert [(p.text, p.style.name) for p in word.paragraphs][-2:] == [
        ("Ett nytt citat.", "Quote"), ("Sista stycket.", "Quote")]
    assert len(word.paragraphs) == 5
    assert load_document(path).text.split("\n") == lines


def test_docx_removing_a_cells_only_paragraph_empties_it(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    doc = load_document(path)
    lines = doc.text.split("\n")
    del lines[4]  # "Cell ett"
    save_document(doc, "\n".join(lines))
    word = docx.Document(str(path))
    assert [c.text for c in word.tables[0].rows[0].cells] == ["", "Cell två"]


def test_docx_unchanged_save_keeps_bytes(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "a.docx")
    original = path.read_bytes()
    doc = load_document(path)
    save_document(doc, doc.text)
    assert path.read_bytes() == original


def test_corrupt_docx_is_a_load_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "trasig.docx", b"PK\x03\x04 inte ett riktigt arkiv")
    with pytest.raises(LoadError, match="ingen giltig Word-fil"):
        load_document(path)


# ---------------------------------------------------------------- line mapping

def test_line_plan_keeps_paragraphs_of_unchanged_and_edited_lines() -> None:
    from proofer.formats.linemap import plan_lines

    old = ["Rubrik", "Första stycket här.", "Andra stycket här.", "Slut."]
    plan = plan_lines(old, ["Ny inledning.", "Rubrik", "Första stycket hör.", "Slut.",
                            "Efterord."])
    assert plan.texts == ["Rubrik", "Första stycket hör.", None, "Slut."]
    assert plan.inserted == {-1: ["Ny inledning."], 3: ["Efterord."]}
    same_count = plan_lines(old, ["Rubrik", "Helt annan text", "Andra stycket här.", "Slut."])
    assert not same_count.structural


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_a_saved_draft_keeps_its_mode_and_its_symlink_in_every_format(
        tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "delat"
    folder.mkdir()
    if kind == "docx":
        real = _make_docx(folder / "utkast.docx")
    elif kind == "html":
        real = folder / "utkast.html"
        real.write_bytes((DRAFTS / "article.html").read_bytes())
    else:
        real = _write(folder / f"utkast.{kind}", "Det är fell ord.\n".encode())
    real.chmod(0o664)
    link = tmp_path / f"länk.{kind}"
    link.symlink_to(real)
    doc = load_document(link)
    save_document(doc, doc.text.replace("fell", "fel").replace("budget", "budgeten")
                  .replace("Skolan", "Skolorna"))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.stat().st_mode & 0o777 == 0o664
    assert real.read_bytes() != backup_path(real).read_bytes()  # the backup is the old one
    save_document(load_document(link), "Ny text.\n", tmp_path / f"ny.{kind}")
    assert (tmp_path / f"ny.{kind}").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_settings_save_keeps_the_files_mode(tmp_path: Path) -> None:
    from proofer.settings import Settings

    path = tmp_path / "settings.json"
    Settings().save(path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    path.chmod(0o640)
    Settings(languagetool_mode="off").save(path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_html_spaces_read_as_typed_and_their_fix_keeps_the_markup(tmp_path: Path) -> None:
    # A CMS writes a typed double space as "&nbsp; " or as two spaces, also around
    # inline markup; a wrapped source line is layout and reads as one space.
    path = _write(tmp_path / "cms.html", (
        b'<html><body><article>\n<p>Han sa  att <em>det</em>&nbsp; var <a href="/x">'
        b'klart</a> .\n      Sedan <b> gick</b> han.</p>\n</article></body></html>'))
    doc = load_document(path)
    assert doc.text == "Han sa  att det\xa0 var klart . Sedan  gick han."
    save_document(doc, doc.text.replace("\xa0 ", " ").replace("  ", " "))
    assert path.read_text(encoding="utf-8") == (
        '<html><body><article>\n<p>Han sa att <em>det</em> var <a href="/x">'
        'klart</a> .\n      Sedan <b>gick</b> han.</p>\n</article></body></html>')
    assert load_document(path).text == "Han sa att det var klart . Sedan gick han."
