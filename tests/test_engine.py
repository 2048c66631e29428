from __future__ import annotations

from proofer.checkers.base import DocumentChecker, ParagraphChecker
from proofer.document import Paragraph
from proofer.engine import Engine, merge
from proofer.finding import Category, Finding, Severity


def _f(start: int, end: int, text: str, cat: Category, sugg: tuple[str, ...] = (),
       sev: Severity = Severity.ERROR) -> Finding:
    return Finding(start, end, text, cat, f"{cat}.x", "m", sugg, sev)


class _Counting(ParagraphChecker):
    name = "counting"
    engine = "test"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def check_paragraph(self, text: str) -> list[Finding]:
        self.seen.append(text)
        i = text.find("fel")
        return [_f(i, i + 3, "fel", Category.SPELLING, ("rätt",))] if i >= 0 else []


class _WholeDoc(DocumentChecker):
    name = "whole"
    engine = "test"

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        return [_f(0, 1, text[0], Category.STYLE)] if text else []


def test_findings_are_mapped_to_document_offsets() -> None:
    text = "ett\nhär är fel\n\noch fel igen"
    report = Engine([_Counting()]).check(text)
    assert [(f.start, f.text) for f in report.findings] == [(11, "fel"), (20, "fel")]
    assert all(text[f.start:f.end] == f.text for f in report.findings)


def test_recheck_after_edit_only_runs_changed_paragraph() -> None:
    checker = _Counting()
    engine = Engine([checker])
    engine.check("a fel\nb\nc")
    checker.seen.clear()
    report = engine.check("a fel\nb ändrad\nc")
    assert checker.seen == ["b ändrad"]
    assert [f.start for f in report.findings] == [2]


def test_document_checkers_run_on_whole_text() -> None:
    report = Engine([_WholeDoc()]).check("X y\nz")
    assert [(f.start, f.text) for f in report.findings] == [(0, "X")]
    assert report.engines == {"test": "ok"}


def test_skipped_checkers_do_not_run() -> None:
    # The app's first pass over a new draft leaves the slow checkers out.
    counting, whole = _Counting(), _WholeDoc()
    engine = Engine([counting, whole])
    report = engine.check("X fel", skip=frozenset({"counting"}))
    assert counting.seen == []
    assert [f.text for f in report.findings] == ["X"]
    report = engine.check("X fel", skip=frozenset({"whole"}))
    assert counting.seen == ["X fel"]
    assert [f.text for f in report.findings] == ["fel"]


def test_merge_same_span_keeps_more_specific_and_unions_suggestions() -> None:
    spelling = _f(0, 7, "Frderik", Category.SPELLING, ("Frederik", "Fredrik"))
    name = _f(0, 7, "Frderik", Category.NAME, ("Fredrik",))
    [kept] = merge([spelling, name])
    assert kept.category is Category.NAME
    assert kept.suggestions == ("Fredrik", "Frederik")


def test_merge_drops_finding_inside_a_more_specific_one() -> None:
    name = _f(0, 18, "Frderik Johanssomn", Category.NAME, ("Fredrik Johansson",))
    spelling = _f(8, 18, "Johanssomn", Category.SPELLING, ("Johansson",))
    assert merge([spelling, name]) == [name]


def test_merge_prefers_a_claim_over_a_hint() -> None:
    hint = _f(0, 5, "Borås", Category.NAME, (), Severity.INFO)
    claim = _f(0, 5, "Borås", Category.SPELLING, ("Boras",))
    [kept] = merge([hint, claim])
    assert kept.severity is Severity.ERROR


def test_merge_keeps_an_error_inside_a_warning_of_its_category() -> None:
    """A split compound over two words (a warning) must not hide a grammar error in
    one of them; a hint inside a warning still goes."""
    warning = _f(0, 16, "jätte stora hus", Category.GRAMMAR, ("jättestora",), Severity.WARNING)
    error = _f(6, 11, "stora", Category.GRAMMAR, ("stort",))
    hint = _f(12, 15, "hus", Category.GRAMMAR, (), Severity.INFO)
    assert merge([warning, error, hint]) == [warning, error]


def test_engine_drops_findings_whose_text_does_not_match() -> None:
    class Broken(ParagraphChecker):
        name = "broken"
        engine = "test"

        def check_paragraph(self, text: str) -> list[Finding]:
            return [_f(0, 3, "zzz", Category.SPELLING)]

    assert Engine([Broken()]).check("abc").findings == []


def test_a_late_checker_runs_after_the_others_and_keeps_its_place() -> None:
    """A checker that reads a few paragraphs' analyses (runs_late) runs after the
    other paragraph checkers of the block, so that it finds them done; its
    findings still come where the registry puts it (the merge settles ties by
    that order)."""
    ran: list[str] = []

    class Named(ParagraphChecker):
        engine = "test"

        def __init__(self, name: str) -> None:
            self.name = name  # type: ignore[misc]

        def check_paragraph(self, text: str) -> list[Finding]:
            ran.append(self.name)
            return [Finding(0, 3, text[:3], Category.SPELLING, f"{self.name}.x", "m", (),
                            Severity.ERROR)]

    class Late(Named):
        runs_late = True

    engine = Engine([Named("first"), Late("late"), Named("last")])
    found = engine.raw_findings("fel\nfem")
    assert ran == ["first", "first", "last", "last", "late", "late"]
    assert [f.rule for f in found] == ["first.x", "first.x", "late.x", "late.x",
                                       "last.x", "last.x"]
    ran.clear()
    shared = engine.paragraph_findings(["sex"])
    assert ran == ["first", "last", "late"] and set(shared) == {"first", "late", "last"}


def test_merge_of_many_touching_findings_keeps_them_all() -> None:
    """Thousands of one-character findings side by side are one run of touching
    spans; nothing is merged, and it must not compare each with each."""
    from proofer import engine as engine_module

    many = [_f(i, i + 1, "(", Category.STYLE) for i in range(2_000)]
    assert engine_module._merge_cluster(many) is many  # no pairwise pass at all
    assert merge(list(reversed(many))) == many
    nested = [_f(0, 3, "(((", Category.STYLE), _f(1, 2, "(", Category.STYLE)]
    assert engine_module._merge_cluster(nested) == nested[:1]  # the pairwise pass
