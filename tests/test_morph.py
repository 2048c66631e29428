"""Apertium morphology on real Swedish sentences, its stream format and its process.

These run the installed Debian packages (scripts/setup.sh installs them): a test
that faked the analyser would not tell whether the grammar rules can rely on it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.morph import TaggedToken, get_morphology
from proofer.morph.apertium import ApertiumMorphology, find_data
from proofer.morph.stream import RESERVED, escape, parse


def tok(tokens: list[TaggedToken], text: str) -> TaggedToken:
    return next(t for t in tokens if t.text == text)


def test_noun_phrase_gender(morph: ApertiumMorphology) -> None:
    tokens = morph.analyse("Ett mörk kväll.")
    assert [t.text for t in tokens] == ["Ett", "mörk", "kväll", "."]
    assert tok(tokens, "Ett").has("det", "nt", "sg")
    assert tok(tokens, "mörk").has("adj", "ut", "sg", "ind")
    assert tok(tokens, "kväll").has("n", "ut", "sg", "ind")
    assert tok(tokens, ".").has("sent")


def test_predicative(morph: ApertiumMorphology) -> None:
    tokens = morph.analyse("Huset är stor.")
    assert tok(tokens, "Huset").reading.lemma == "hus"
    assert tok(tokens, "Huset").has("n", "nt", "sg", "def")
    assert tok(tokens, "är").reading.lemma == "vara"  # homonym mark "vara¹" removed
    assert tok(tokens, "stor").has("adj", "ut", "sg")


def test_tagger_choice_first_alternatives_kept(morph: ApertiumMorphology) -> None:
    # (Not after a fronted phrase and before a subject pronoun, "Idag åker jag hem":
    # there our disambiguation removes the noun, see swedish.cg3.)
    tokens = morph.analyse("Bilen åker fort.")
    aker = tok(tokens, "åker")
    assert aker.has("vblex", "pres")
    assert any(r.has("n") for r in aker.readings[1:])  # the noun "åker" is still there
    assert tok(morph.analyse("Idag åker jag hem."), "jag").has("prn", "nom")


def test_genitive_and_definite(morph: ApertiumMorphology) -> None:
    tokens = morph.analyse("Sveriges regeringen")
    assert tok(tokens, "Sveriges").has("np", "gen")
    assert tok(tokens, "regeringen").has("n", "sg", "def")


def test_inflected_forms(morph: ApertiumMorphology) -> None:
    assert tok(morph.analyse("bilarna"), "bilarna").readings[0].tags[:4] == ("n", "ut", "pl",
                                                                            "def")
    akte = tok(morph.analyse("åkte"), "åkte")
    assert akte.reading.lemma == "åka" and akte.has("vblex", "past")


def test_generation(morph: ApertiumMorphology) -> None:
    assert morph.generate("mörk", ("adj", "pst", "nt", "sg", "ind")) == ["mörkt"]
    assert morph.generate("mörk", ("adj", "sint", "pst", "nt", "sg", "ind")) == ["mörkt"]
    assert morph.generate("vara", ("vblex", "past", "actv")) == ["var"]
    assert morph.generate("bil", ("n", "ut", "pl", "def")) == ["bilarna"]
    assert morph.generate("komma", ("vblex", "supn", "actv")) == ["kommit"]
    assert morph.generate("han", ("prn", "pers", "p3", "m", "sg", "acc")) == ["honom"]
    assert morph.generate("qzxvw", ("n", "ut", "pl", "def")) == []


def test_compound_last_part_decides(morph: ApertiumMorphology) -> None:
    t = tok(morph.analyse("Höjd flyktinginvandring."), "flyktinginvandring")
    assert t.source == "compound" and not t.known
    assert t.reading.lemma == "flyktinginvandring"
    assert t.has("n", "ut", "sg", "ind")
    assert morph.generate("flyktinginvandring", ("n", "ut", "pl", "def")) == [
        "flyktinginvandringarna"]


def test_compound_with_several_analyses_keeps_the_whole_word(morph: ApertiumMorphology) -> None:
    # The tagger's -f output garbles these ("val<cmp>/val<cmp>+/utgång"); ours does not.
    t = tok(morph.analyse("Valutgången blev jämn."), "Valutgången")
    assert t.source == "compound"
    assert {r.lemma for r in t.readings} == {"valutgång"}
    assert t.has("n", "ut", "sg", "def")


def test_hunspell_compound_fallback(morph: ApertiumMorphology) -> None:
    """Words lt-proc cannot decompound, that Hunspell accepts: the last part decides."""
    tokens = morph.analyse("Regeringen vill ha likabehandling och fler integrationsutmaningar.")
    t = tok(tokens, "likabehandling")
    assert t.source == "compound" and t.reading.lemma == "likabehandling"
    assert t.has("n", "ut", "sg", "ind")
    t = tok(tokens, "integrationsutmaningar")
    assert t.has("n", "ut", "pl", "ind")
    assert t.reading.lemma == "integrationsutmaning"


def test_no_guess_for_a_misspelling(morph: ApertiumMorphology) -> None:
    t = tok(morph.analyse("Den höga flyktinginvandrnig kostar."), "flyktinginvandrnig")
    assert t.source == "unknown" and t.readings == () and not t.known


def test_no_decompounding_of_a_misspelling(morph: ApertiumMorphology) -> None:
    # lt-proc -e alone would read "freds|för|dag"; Hunspell rejects the word.
    t = tok(morph.analyse("Det var ett allmänt fredsfördag."), "fredsfördag")
    assert t.source == "unknown" and t.readings == ()


def test_derivational_suffix_is_not_a_last_part(morph: ApertiumMorphology) -> None:
    # "misstänksam|het" is not an adjective "het" (hot).
    t = tok(morph.analyse("Det väckte misstänksamhet hos många."), "misstänksamhet")
    assert not any(r.has("adj") for r in t.readings)


def test_sentence_start_capital_is_not_a_name(morph: ApertiumMorphology) -> None:
    tokens = morph.analyse("Sedan han gick hem. De ska åka. \u201dHan kom.\u201d Sverige vann.")
    assert tok(tokens, "Sedan").has("adv")
    assert tok(tokens, "De").has("prn")
    assert tok(tokens, "Han").has("prn")
    assert tok(tokens, "Han").readings[-1].has("np")  # the name is still an alternative
    assert tok(tokens, "Sverige").has("np")


def test_sentence_start_tagger_chooses_among_function_words(morph: ApertiumMorphology) -> None:
    """The name reading is taken out before tagging, so the tagger decides between
    determiner and pronoun from the context, not a fixed preference."""
    tokens = morph.analyse("Den starka ökningen märktes. Den kom i går. En bra hållning är viktig.")
    first, second = [t for t in tokens if t.text == "Den"]
    assert first.has("det")
    assert second.has("prn")
    assert tok(tokens, "En").has("det")


def test_analyse_many_equals_analyse(morph: ApertiumMorphology) -> None:
    paragraphs = ["Ett mörk kväll.", "Huset är stor.", "", "Ett mörk kväll.", "kl. 13.00"]
    fresh = ApertiumMorphology()
    try:
        assert fresh.analyse_many(paragraphs) == [morph.analyse(p) for p in paragraphs]
    finally:
        fresh.close()


def test_offsets_with_reserved_characters(morph: ApertiumMorphology) -> None:
    text = "Han sa <b>hej</b> ^x$ a/b [c] {d} \\ * # ~ @ + 12,5 % kl. 13.00 «mörk» natt"
    tokens = morph.analyse(text)
    for t in tokens:
        assert text[t.start:t.end] == t.text
    words = [t.text for t in tokens]
    for w in ("Han", "sa", "hej", "b", "natt", "mörk", "kl.", "13.00"):
        assert w in words
    assert tok(tokens, "natt").has("n", "ut")


def test_cache_returns_same_tokens(morph: ApertiumMorphology) -> None:
    a = morph.analyse("Barnen blev glad.")
    assert morph.analyse("Barnen blev glad.") == a


def test_restarts_after_a_crash(morph: ApertiumMorphology) -> None:
    morph.analyse("Först en mening.")
    for p in morph._analyser._procs:  # the tools die under us
        p.kill()
        p.wait()
    tokens = morph.analyse("Sedan en annan mening.")
    assert tok(tokens, "mening").has("n")


def test_unavailable_says_why_and_still_tokenises() -> None:
    m = ApertiumMorphology("saknar Apertiums svenska data (Debian-paketet apertium-swe-nor)")
    assert m.status.startswith("unavailable: saknar")
    tokens = m.analyse("Ett mörk kväll.")
    assert [t.text for t in tokens] == ["Ett", "mörk", "kväll", "."]
    assert all(not t.readings and t.source == "unknown" for t in tokens)
    assert m.generate("mörk", ("adj", "pst", "nt", "sg", "ind")) == []


def test_find_data_reports_missing_files(tmp_path) -> None:
    from proofer.morph.apertium import DataFiles

    files = DataFiles(*(tmp_path / n for n in ("a.bin", "b.rlx", "c.prob", "d.bin")))
    assert "apertium-swe-nor" in find_data([files])


def test_shared_instance() -> None:
    assert get_morphology() is get_morphology()


def test_escape_every_reserved_character() -> None:
    for c in RESERVED:
        assert escape(c) == "\\" + c
    assert escape("a\0b") == "a b"


def test_parse_units() -> None:
    units = parse(r"^a\/b/a\/b<n>$ [\]x] ^x/*x$^f/fly<n><cmp>+/ting<n><ut>/ting<vblex>$")
    assert units[0].surface == "a/b" and units[0].analyses[0][0].lemma == "a/b"
    assert units[1].surface == "x" and units[1].analyses == ()
    assert [p.lemma for p in units[2].analyses[0]] == ["fly", "ting"]
    assert units[2].analyses[1][0].tags == ("vblex",)


_ANALYSES = [
    ("hus", "hus<n><nt><sg><ind>/hus<n><nt><pl><ind>/hus<n><nt><sg><ind><gen>"),
    ("Lars", "Lars<np><al><sg><nom>/Lars<np><al><sg><gen>"),
    ("vara", "vara¹<vblex><inf><actv>/vara²<n><ut><sg><ind>/vara¹<vblex><inf><actv>"),
    ("a", "a<alphabet><n>/a<alphabet><n>"),
    ("fars", "far<n><ut><sg><ind><gen>/fars<n><ut><sg><ind>/fars<n><ut><sg><ind><gen>"),
    ("och", "och<cnjcoo>"), ("xyz", "*xyz"), ("x", ""), ("ok", "ok"), ("ok", "ok<"),
    ("y", "y<n>/"), ("z", "/z<adj><pos>//z<adj><pos>"),
]


@pytest.mark.parametrize(("text", "rest"), _ANALYSES)
def test_plain_analyses_read_as_the_parser_reads_them(text: str, rest: str) -> None:
    """Analyses without escapes or "+" are read straight into readings (the common
    case, for speed): the same readings, known and source as parsing them."""
    from proofer.morph import apertium

    assert apertium._plain_readings(text, rest) == apertium._parsed_readings(text, rest)


_PIECES = st.sampled_from([
    "Huset", "är", "stor", "flyktinginvandring", "kl.", "13.00", "12,5 %", "t.ex", "bl.a.",
    "^", "$", "@", "/", "<", ">", "{", "}", "[", "]", "\\", "*", "#", "~", "+", "\n", "\t",
    "\u00a0", "😀", "e\u0301", "İ", "ß", "ﬁ", "\ufeff", "\u200b", "\x00", "«", "–", "...",
])
_TEXT = st.one_of(
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_offsets_survive_any_text(text: str) -> None:
    m = get_morphology()
    tokens = m.analyse(text)
    last = 0
    for t in tokens:
        assert t.text == text[t.start:t.end]
        assert last <= t.start < t.end
        last = t.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_no_text_lost(text: str) -> None:
    """Every letter and digit is in some token: nothing the analyser drops vanishes."""
    covered = set()
    for t in get_morphology().analyse(text):
        covered.update(range(t.start, t.end))
    assert all(i in covered for i, c in enumerate(text) if c.isalnum())


def test_a_hanging_tool_times_out_and_is_restarted() -> None:
    from proofer.morph.process import NullFlushPipeline, PipelineError

    hanging = NullFlushPipeline([["sleep", "60"]], timeout=0.3)
    with pytest.raises(PipelineError, match="inget svar"):
        hanging.run("text")
    assert hanging.restarts == 1  # killed and started again once before giving up
    hanging.close()
    assert hanging._procs == []


def test_a_missing_tool_is_an_error_not_a_crash() -> None:
    from proofer.morph.process import NullFlushPipeline, PipelineError

    with pytest.raises(PipelineError):
        NullFlushPipeline([["/nonexistent/lt-proc"]]).run("text")


def test_a_long_paragraph_does_not_deadlock(morph: ApertiumMorphology) -> None:
    """Far more output than a pipe holds: written and read at the same time."""
    text = "Huset är stort och bilarna åkte hem. " * 3000
    tokens = morph.analyse(text)
    assert len(tokens) == 8 * 3000
    assert tokens[-1].text == "." and tokens[-1].end == len(text.rstrip())


def test_cli_without_apertium_says_why_and_checks_the_rest(tmp_path) -> None:
    """No Apertium tools on PATH: the grammar engine reports why, in Swedish, and
    spelling still runs (CLI JSON `engines`)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    draft = tmp_path / "utkast.txt"
    draft.write_text("Regeringen sgäer att det var ett mörk kväll.\n", encoding="utf-8")
    env = dict(os.environ, PATH=str(tmp_path))  # lt-proc, cg-proc, apertium-tagger absent
    run = subprocess.run(
        [sys.executable, "-m", "proofer", "check", "--format", "json", "--languagetool", "off",
         str(draft)],
        env=env, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
        timeout=300)
    report = json.loads(run.stdout)["files"][0]
    assert report["engines"]["grammar"].startswith("unavailable: saknar lt-proc")
    assert "Debian-paketen" in report["engines"]["grammar"]
    assert [f["text"] for f in report["findings"] if f["category"] == "spelling"] == ["sgäer"]


# Our CG-3 rules (resources/grammar/disambiguation/swedish.cg3), one example each.
@pytest.mark.parametrize(("sentence", "word", "tags"), [
    ("Han åt middag med oss.", "åt", ("vblex", "past")),
    ("Sedan åt vi tio bullar.", "åt", ("vblex", "past")),
    ("Vi hade åt middag.", "åt", ("vblex", "past")),
    ("Innan vi åkte åt vi frukost.", "åt", ("vblex", "past")),
    ("När vi kom hem åt vi middag.", "åt", ("vblex", "past")),
    ("Vi bor här sedan länge.", "bor", ("vblex", "pres")),
    ("De som kom fick mat.", "De", ("prn",)),
    ("Vi köper det som behövs.", "det", ("prn",)),
    ("Jag vet när han kommer.", "när", ("cnjadv",)),
    ("Jag träffade mina barn.", "mina", ("det", "pos")),
    ("De vistas olagligt i Sverige.", "i", ("pr",)),
    ("Allt i övrigt ska de lära sig.", "i", ("pr",)),
    ("Den har minskat kraftigt sedan 70-talet.", "sedan", ("adv",)),
    ("Han famlar runt ensam genom huset.", "genom", ("pr",)),
    ("Jag känner mig glad här.", "här", ("adv",)),
    ("Låt mig veta om du kommer.", "Låt", ("vblex", "imp")),
    ("Jag har bor i staden nu i ett år.", "bor", ("vblex", "pres")),
    ("Det är svårt att bor här.", "bor", ("vblex", "pres")),
    ("Jag kommer att åker i morgon.", "åker", ("vblex", "pres")),
    ("De hade åker till stan.", "åker", ("vblex", "pres")),
    ("Först kör man rakt, sedan man sväng vänster.", "sväng", ("vblex", "imp")),
    ("Vi bodde i det gamla hus vid sjön.", "hus", ("n", "sg")),
    ("Han fick en bra betyg i svenska.", "betyg", ("n", "sg")),
    ("Har du några fråga?", "fråga", ("n", "sg")),
    ("Flera skola har stängt i år.", "skola", ("n", "sg")),
    ("Eftersom mina barn är sjuka bor vi nära skolan.", "bor", ("vblex", "pres")),
    ("Vi ska ändrade reglerna.", "ändrade", ("vblex", "past")),
    ("Vi kunde inte hittade vägen.", "hittade", ("vblex", "past")),
    ("Det var svårt att hittade jobbet.", "hittade", ("vblex", "past")),
    ("Var vänlig och visa legitimation.", "visa", ("vblex",)),
    ("Jag vet att hon gilla glass.", "gilla", ("vblex", "inf")),
    ("Jag köpte ny kläder.", "kläder", ("n", "pl")),
    ("Jag har två stort problem.", "problem", ("n", "pl")),
    ("Hjälp mig att bär väskan.", "bär", ("vblex", "pres")),
    ("Boken är intressanta.", "intressanta", ("adj", "pl", "ind")),
    ("Han är inte glada.", "glada", ("adj", "pl", "ind")),
    ("Boken var lätta att läsa.", "lätta", ("adj", "pl", "ind")),
    ("Vädret var så varmt att vi badade.", "var", ("vblex", "past")),
    ("Han var så trött.", "så", ("adv",)),
    ("Alla vet var deras barn är.", "var", ("adv",)),
    ("Bussen var försenad.", "Bussen", ("n", "def")),
    ("– Parken stängs i kväll, säger hon.", "Parken", ("n", "def")),
    ("Vi bodde på en lugn och grön plats.", "lugn", ("adj",)),
    ("Grannen lagade taket.", "lagade", ("vblex", "past")),
    ("Forskare intervjuade 500 patienter.", "intervjuade", ("vblex", "past")),
    ("Pensionärerna går där varje morgon.", "där", ("adv",)),
    ("De gick dit, men han blev kvar där.", "där", ("adv",)),
    ("Vi försökte rädda honom.", "rädda", ("vblex", "inf")),
    ("Han lovade att stödja och rädda bolaget.", "rädda", ("vblex", "inf")),
    ("Hellre springa än rädda sig själv.", "rädda", ("vblex", "inf")),
    ("Vi kan lära oss av andra länder.", "andra", ("det",)),
    ("Ju fler desto bättre skydd får vi.", "får", ("vblex", "pres")),
    ("Boken hon ville läsa var slut.", "var", ("vblex", "past")),
    ("Platsen vi valde var för liten.", "var", ("vblex", "past")),
    ("Han säger att han gjort rätt.", "gjort", ("vblex", "supn")),
    ("Det var många skadade, flera allvarligt.", "skadade", ("adj", "pp", "pl")),
    ("Han dricker ett glas vin om dagen.", "om", ("pr",)),
    ("Han är dubbelt så gammal som sin fru.", "så", ("adv",)),
    ("Man ska inte tro allt man läser.", "man", ("prn",)),
    ("De skadade fördes till sjukhus.", "skadade", ("adj", "pp", "pl")),
    ("Vi vill ha låga skatter.", "låga", ("adj",)),
    ("De har döda vinklar i korsningen.", "döda", ("adj",)),
    ("Det blev en resa genom ett Norden i förvandling.", "Norden", ("np",)),
    ("Hans vilja att kompromissa har minskat.", "vilja", ("n",)),
    ("Denna fråga har diskuterats länge.", "fråga", ("n",)),
    ("Tre döda i trafikolycka utanför Luleå", "döda", ("adj", "pl")),
    ("De sjuka får vänta allt längre på vård.", "får", ("vblex", "pres")),
    ("De sårade vårdas på sjukhus.", "sårade", ("adj", "pp", "pl")),
])
def test_our_disambiguation_rules(morph: ApertiumMorphology, sentence: str, word: str,
                                  tags: tuple[str, ...]) -> None:
    assert tok(morph.analyse(sentence), word).has(*tags)


def test_our_disambiguation_leaves_other_words_alone(morph: ApertiumMorphology) -> None:
    tokens = morph.analyse("Han själv kom. De nya husen brann. Han ofta går.")
    assert tok(tokens, "själv").has("det")
    assert tok(tokens, "De").has("det")  # a determiner before its noun phrase
    assert tok(tokens, "ofta").has("adv")
    assert tok(morph.analyse("Det är en låt dem gillar."), "låt").has("n")
    assert tok(morph.analyse("Han sa att bor är ett grundämne."), "bor").has("n")
    assert tok(morph.analyse("Vi har kör i kyrkan."), "kör").has("n")
    assert tok(morph.analyse("Han log åt hon."), "åt").has("pr")
    assert not tok(morph.analyse("Han stannade hemma för han var trött."), "för").has("vblex")
    assert tok(morph.analyse("Vi kvinnor vill det."), "kvinnor").has("n")
    assert tok(morph.analyse("Det är en låt dem gillar."), "låt").has("n")
    assert tok(morph.analyse("Är det nya hus?"), "hus").has("n", "pl")
    assert tok(morph.analyse("Det enda jag vill är att vinna."), "jag").has("prn")
    assert tok(morph.analyse("Vi behöver utbildade lärare."), "utbildade").has("adj")
    assert tok(morph.analyse("Vi kan köpa målade tavlor."), "målade").has("adj")
    assert tok(morph.analyse("I svensk lag står det så."), "lag").has("n", "sg")
    # the weak adjective before its noun, and the noun reading of "svenska", stay
    assert tok(morph.analyse("Det var den glada flickan."), "glada").has("adj", "def")
    assert any("n" in r.tags for r in tok(morph.analyse("Hon är svenska."), "svenska").readings)
    assert tok(morph.analyse("Jag vet var han bor."), "var").has("adv")
    assert tok(morph.analyse("Hon behöver lugn och ro."), "lugn").has("n")
    assert tok(morph.analyse("Grannens lagade tak läcker."), "lagade").has("adj", "pp")
    assert tok(morph.analyse("Huset där de bodde var litet."), "där").has("cnjsub")
    assert tok(morph.analyse("De rädda barnen gömde sig."), "rädda").has("adj")
    assert tok(morph.analyse("Hon vann för andra gången."), "andra").has("adj", "ord")
    assert tok(morph.analyse("De bästa band vi hört kom därifrån."), "band").has("n")
    assert tok(morph.analyse("De fick betala var för sig."), "var").has("adv")
    assert tok(morph.analyse("Många skadade sig i olyckan."), "skadade").has("vblex", "past")
    assert tok(morph.analyse("En man går in på en bar."), "man").has("n")
    assert tok(morph.analyse("Behöver du hjälp med blanketten?"), "hjälp").has("n")
    assert tok(morph.analyse("Dessa bor i Malmö."), "bor").has("vblex")
    # a capital inside the sentence, or a bare form at its start, is still a name
    assert tok(morph.analyse("Han sa att Parken var stängd."), "Parken").has("np")
    assert any("np" in r.tags for r in tok(morph.analyse("Lund är en stad."), "Lund").readings)


def test_a_noun_in_s_has_no_genitive_of_its_own_form(morph: ApertiumMorphology) -> None:
    """"hus" is not read as the genitive of "hus" (written Swedish says "husets");
    a genitive of another word in the same form ("fars" of "far") stays."""
    hus = tok(morph.analyse("Det här hus är gammalt."), "hus")
    assert hus.readings and not any("gen" in r.tags for r in hus.readings)
    fars = tok(morph.analyse("Min fars bil är röd."), "fars")
    assert any(r.lemma == "far" and "gen" in r.tags for r in fars.readings)


def test_engine_prepares_only_uncached_paragraphs() -> None:
    """The engine hands a paragraph checker the paragraphs it will ask about and has
    no findings for, so the grammar can analyse them in one stream."""
    from proofer.checkers.base import ParagraphChecker
    from proofer.engine import Engine

    class Spy(ParagraphChecker):
        name = "spy"
        engine = "spy"

        def __init__(self) -> None:
            self.prepared: list[list[str]] = []

        def prepare(self, texts: list[str]) -> None:
            self.prepared.append(list(texts))

        def check_paragraph(self, text: str) -> list:
            return []

    spy = Spy()
    engine = Engine([spy])
    engine.check("Ett stycke.\n\nEtt annat stycke.\n")
    engine.check("Ett stycke.\n\nEtt ändrat stycke.\n")
    assert spy.prepared == [["Ett stycke.", "Ett annat stycke."], ["Ett ändrat stycke."]]


def test_grammar_checker_prepares_in_the_background() -> None:
    """prepare() hands the paragraphs to a worker thread; check_paragraph then takes
    its analysis instead of sending the paragraph to the tools again."""
    import threading

    from proofer.checkers.grammar import GrammarChecker

    morph = ApertiumMorphology()
    try:
        checker = GrammarChecker(morphology=morph)
        sent: list[tuple[str, list[str]]] = []
        original = morph._analyse_chunks

        def recording(paragraphs: list[str]):
            sent.append((threading.current_thread().name, list(paragraphs)))
            return original(paragraphs)

        morph._analyse_chunks = recording  # type: ignore[method-assign]
        checker.prepare(["Ett mörk kväll.", "", "Huset är stor."])
        found = checker.check_paragraph("Huset är stor.")
        assert [f.text for f in found] == ["stor"]
        assert [p for _, ps in sent for p in ps] == ["Ett mörk kväll.", "Huset är stor."]
        assert {name for name, _ in sent} == {"apertium-analyse"}
    finally:
        morph.close()


def test_a_long_paragraph_goes_in_pieces_with_the_same_offsets() -> None:
    from proofer.morph import apertium

    sentence = "Huset är stort och bilen är röd. "
    text = sentence * 40
    starts = apertium.piece_starts(text, 200)
    assert starts[0] == 0 and all(text[s - 2:s] == ". " for s in starts[1:])
    assert all(b - a <= 200 for a, b in zip(starts, [*starts[1:], len(text)], strict=True))
    morph = ApertiumMorphology()
    try:
        whole = morph.analyse(text)
        old = apertium.PIECE_CHARS
        apertium.PIECE_CHARS = 200
        try:
            morph._cache.clear()
            pieces = morph.analyse(text)
        finally:
            apertium.PIECE_CHARS = old
        assert pieces == whole
        assert all(text[t.start:t.end] == t.text for t in pieces)
    finally:
        morph.close()


def test_piece_starts_without_sentence_ends_cut_at_blanks() -> None:
    from proofer.morph.apertium import piece_starts

    text = "ord " * 100
    starts = piece_starts(text, 50)
    assert all(text[s - 1] == " " for s in starts[1:])
    assert piece_starts("x" * 120, 50) == [0, 50, 100]


def test_the_worker_stays_a_bounded_way_ahead_and_serves_who_waits(monkeypatch) -> None:
    """With room for one batch ahead, the worker stops after it until someone takes
    a result or waits for a later paragraph; every paragraph is analysed once."""
    import time

    from proofer.morph import apertium

    monkeypatch.setattr(apertium, "LOOKAHEAD_CHARS", 1)
    monkeypatch.setattr(apertium, "BATCH_CHARS", 1)
    morph = ApertiumMorphology()
    try:
        sent: list[str] = []
        original = morph._analyse_chunks
        morph._analyse_chunks = lambda ps: sent.extend(ps) or original(ps)  # type: ignore
        texts = [f"Huset nummer {i} är stort." for i in range(4)]
        morph.submit(texts)
        time.sleep(1.0)
        assert sent == texts[:1]  # one batch ahead, then it waits
        last = morph.analyse(texts[3])  # waits: the worker goes on to it
        assert [t.text for t in last][:2] == ["Huset", "nummer"]
        assert sent == texts
        assert morph.analyse_many(texts[:3])[0][0].text == "Huset"
        assert sent == texts  # taken from the worker's results, not analysed again
    finally:
        morph.close()


def test_a_hyphen_compound_the_analyser_splits_is_one_unit_with_the_heads_analyses() -> None:
    """"Den nya tv-serien": lt-proc reads "tv", "-", "serien"; the rules must see one
    definite noun, as for the compounds it knows ("EU-landet")."""
    from proofer.morph.stream import join_hyphen_compounds
    lexed = ("^nya/ny<adj><sint><pst><un><pl><def>$ ^tv/tv<n><ut><sg><ind>$^-/-<guio>/-<det>"
             "<qnt><un><pl>$^serien/serie<n><ut><sg><def>$^./.<sent><clb>$")
    assert join_hyphen_compounds(lexed) == (
        "^nya/ny<adj><sint><pst><un><pl><def>$ ^tv-serien/tv-serie<n><ut><sg><def>$"
        "^./.<sent><clb>$")
    # numbers are no compound's first part, a blank after the hyphen is a shared
    # compound ("rut- och"), and an unknown head stays as it was
    for kept in ("^70/70<det><qnt><un><pl>$^-/-<guio>$^80-talet/80-tal<n><nt><sg><def>$",
                 "^tv/tv<n><ut><sg><ind>$^-/-<guio>$ ^och/och<cnjcoo>$",
                 "^tv/tv<n><ut><sg><ind>$^-/-<guio>$^xqzt/*xqzt$"):
        assert join_hyphen_compounds(kept) == kept
