"""The proofing report for the editor: the findings still open, as one HTML page."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape

from proofer.finding import Finding, Severity
from proofer.ui.style import COLOURS, LABELS


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def report_html(title: str, text: str, findings: list[Finding], engines: dict[str, str],
                now: datetime | None = None) -> str:
    now = now or datetime.now()
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
</style></head><body>
<h1>Granskningsrapport: {escape(title)}</h1>
<p>Skapad {now.strftime("%Y-%m-%d %H:%M")}. Återstående fynd: {len(claims)} ({escape(summary)}),
tips att kontrollera: {hints}.</p>
<p>Kontrollmotorer:</p><ul>{engine_list}</ul>
<table><thead><tr><th>Rad:kol</th><th>Kategori</th><th>Text</th><th>Meddelande</th>
<th>Förslag</th><th>Regel</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
