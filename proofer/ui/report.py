"""The proofing report for the editor and the reporter, as one HTML page: what the
copy desk changed (before → after), what it looked at and left as it was, and the
findings still open."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape

from proofer.finding import Category, Finding, Severity
from proofer.ui.changelog import Change
from proofer.ui.ignored_log import Ignored
from proofer.ui.style import COLOURS, LABELS


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _label(category: str) -> str:
    try:
        return LABELS[Category(category)]
    except ValueError:
        return category


def _shown(s: str) -> str:
    """Removed text or a change of spaces only, made visible."""
    if not s:
        return "<i>(borttaget)</i>"
    return escape(s.replace(" ", "␣").replace("\u00a0", "⍽") if not s.strip() else s)


def _decided_sections(changes: list[Change], ignored: list[Ignored]) -> str:
    changed = _section(
        f"Ändrat ({len(changes)})", ("Rad", "Kategori", "Före → efter", "Regel"),
        [(str(c.line), escape(_label(c.category)),
          f"<del>{_shown(c.before)}</del> → <ins>{_shown(c.after)}</ins>",
          f"<code>{escape(c.rule)}</code>") for c in changes],
        "Inget ändrades.")
    kept = _section(
        f"Ignorerat ({len(ignored)})", ("Rad", "Kategori", "Text", "Meddelande", "Ignorerat"),
        [(str(i.line), escape(_label(i.category)), f"<b>{_shown(i.text)}</b>",
          escape(i.message), "överallt" if i.everywhere else "här") for i in ignored],
        "Inget ignorerades.")
    return changed + "\n" + kept


def _section(heading: str, headers: tuple[str, ...], rows: list[tuple[str, ...]],
             empty: str) -> str:
    """A heading and its table of ready-escaped cells, or a sentence when empty."""
    if not rows:
        return f"<h2>{heading}</h2><p>{empty}</p>"
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h2>{heading}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(title: str, text: str, findings: list[Finding], engines: dict[str, str],
                now: datetime | None = None, changes: list[Change] | None = None,
                ignored: list[Ignored] | None = None) -> str:
    """`changes`: the accepted changes still in the text (undone ones left out);
    `ignored`: the findings the copy desk decided to keep as they are."""
    now = now or datetime.now()
    changes = changes or []
    ignored = ignored or []
    claims = [f for f in findings if f.severity is not Severity.INFO]
    counts = Counter(f.category for f in claims)
    hints = len(findings) - len(claims)
    summary = ", ".join(f"{LABELS[c]}: {n}" for c, n in sorted(counts.items())) or "inga fel"
    rows = []
    for f in findings:
        line, col = line_col(text, f.start)
        sug = ", ".join(escape(s) if s else "<i>(ta bort)</i>" for s in f.suggestions) or "–"
        kind = LABELS[f.category] + (" (tips)" if f.severity is Severity.INFO else "")
        rows.append(
            f"<tr><td>{line}:{col}</td>"
            f"<td style='color:{COLOURS[f.category]}'>{escape(kind)}</td>"
            f"<td><b>{escape(f.text)}</b></td><td>{escape(f.message)}</td>"
            f"<td>{sug}</td><td><code>{escape(f.rule)}</code></td></tr>")
    engine_list = "".join(f"<li>{escape(k)}: {escape(v)}</li>" for k, v in engines.items())
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Granskningsrapport – {escape(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left;
          vertical-align: top; }}
th {{ background: #f4f4f4; }}
del {{ color: #b00020; }}
ins {{ color: #1b5e20; text-decoration: none; font-weight: bold; }}
</style></head><body>
<h1>Granskningsrapport: {escape(title)}</h1>
<p>Skapad {now.strftime("%Y-%m-%d %H:%M")}. Ändrat: {len(changes)}, ignorerat: {len(ignored)}.
Återstående fynd: {len(claims)} ({escape(summary)}), tips att kontrollera: {hints}.</p>
<p>Kontrollmotorer:</p><ul>{engine_list}</ul>
{_decided_sections(changes, ignored)}
<h2>Återstående fynd ({len(findings)})</h2>
<table><thead><tr><th>Rad:kol</th><th>Kategori</th><th>Text</th><th>Meddelande</th>
<th>Förslag</th><th>Regel</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
