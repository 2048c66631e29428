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
    rows = "".join(
        f"<tr><td>{c.line}</td><td>{escape(_label(c.category))}</td>"
        f"<td><del>{_shown(c.before)}</del> → <ins>{_shown(c.after)}</ins></td>"
        f"<td><code>{escape(c.rule)}</code></td></tr>" for c in changes)
    changed = (f"<h2>Ändrat ({len(changes)})</h2>"
               + ("<table><thead><tr><th>Rad</th><th>Kategori</th><th>Före → efter</th>"
                  f"<th>Regel</th></tr></thead><tbody>{rows}</tbody></table>"
                  if changes else "<p>Inget ändrades.</p>"))
    rows = "".join(
        f"<tr><td>{i.line}</td><td>{escape(_label(i.category))}</td>"
        f"<td><b>{_shown(i.text)}</b></td><td>{escape(i.message)}</td>"
        f"<td>{'överallt' if i.everywhere else 'här'}</td></tr>" for i in ignored)
    kept = (f"<h2>Ignorerat ({len(ignored)})</h2>"
            + ("<table><thead><tr><th>Rad</th><th>Kategori</th><th>Text</th>"
               f"<th>Meddelande</th><th>Ignorerat</th></tr></thead><tbody>{rows}</tbody></table>"
               if ignored else "<p>Inget ignorerades.</p>"))
    return changed + "\n" + kept


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
