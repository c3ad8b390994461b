"""The quotes table: one quote form per test on hand-made texts, the contract's columns and
offsets, and a floor on the hand-annotated seeds (tests/data/gold_quotes_seeds.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import congress_corpus as cc
from congress_corpus import quotes_eval

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
COLUMNS = ["doc_id", "sentence", "start", "end", "text", "kind", "speaker_entity_id", "speaker",
           "speaker_start", "speaker_end", "cue"]


def quotes(text: str) -> pd.DataFrame:
    q = cc.extract_tables([text], doc_ids=["d"])["quotes"]
    # Every row's offsets index the text, for the words and for the speaker.
    for r in q.itertuples():
        assert text[r.start:r.end] == r.text
    return q


def rows(text: str) -> list[tuple]:
    q = quotes(text)
    spans = [text[s:e] if not pd.isna(s) else None for s, e in zip(q.speaker_start, q.speaker_end)]
    return list(zip(q.speaker, q.text, q.kind, q.cue, spans))


def test_direct_quote_typographic_marks():
    text = "Nguyễn Văn Nam spoke to reporters. “We will finish the road by 2027,” Nam said."
    assert rows(text) == [("Nguyễn Văn Nam", "We will finish the road by 2027,", "direct", "said", "Nam")]


def test_direct_quote_straight_marks_speaker_before():
    text = 'Deputy Minister Trần Quốc Phương said: "Growth must reach 8 percent this year."'
    assert rows(text) == [("Trần Quốc Phương", "Growth must reach 8 percent this year.", "direct", "said", "Trần Quốc Phương")]


def test_direct_quote_over_several_paragraphs():
    text = ("Nguyễn Văn Nam said: “The first stage is finished.\n\n"
            "“The second stage starts in March and ends in December.”")
    (who, words, kind, cue, _), = rows(text)
    assert (who, kind, cue) == ("Nguyễn Văn Nam", "direct", "said")
    assert words == "The first stage is finished.\n\n“The second stage starts in March and ends in December."


def test_quote_that_goes_on_in_the_next_sentence_keeps_its_speaker():
    text = ('"The two sides were very happy," Nguyễn Văn Nam said. '
            '"We toasted each other and went on our way."')
    r = rows(text)
    assert [x[:3] for x in r] == [("Nguyễn Văn Nam", "The two sides were very happy,", "direct"),
                                  ("Nguyễn Văn Nam", "We toasted each other and went on our way.", "direct")]
    # Named in an earlier sentence: no speaker span in this one.
    assert r[1][4] is None


def test_x_said_that():
    text = "Foreign Minister Lê Hoài Trung said that the two countries would sign three agreements."
    assert rows(text) == [("Lê Hoài Trung", "the two countries would sign three agreements", "indirect", "said", "Lê Hoài Trung")]


def test_x_stressed_without_that():
    text = "Lê Hoài Trung stressed the need to step up cooperation in trade and investment."
    assert rows(text)[0][:4] == ("Lê Hoài Trung", "the need to step up cooperation in trade and investment", "indirect", "stressed")


def test_statement_then_x_said():
    text = "Lê Hoài Trung arrived on Monday. The talks were productive and frank, Trung said."
    assert rows(text) == [("Lê Hoài Trung", "The talks were productive and frank", "indirect", "said", "Trung")]


def test_statement_then_said_x():
    text = "Exports rose by 9 percent in the first quarter, said Deputy Minister Trần Quốc Phương."
    assert rows(text)[0][:4] == ("Trần Quốc Phương", "Exports rose by 9 percent in the first quarter", "indirect", "said")


def test_according_to_x():
    text = "According to the Ministry of Finance, revenue rose by 9 percent in 2025."
    (who, words, kind, cue, span), = rows(text)
    assert (words, kind, cue) == ("revenue rose by 9 percent in 2025", "indirect", "According to")
    assert quotes(text).speaker_entity_id[0].startswith("ORG:")
    assert span == "Ministry of Finance"


def test_statement_according_to_x():
    text = "Revenue rose by 9 percent in 2025, according to Lê Hoài Trung."
    assert rows(text)[0][:3] == ("Lê Hoài Trung", "Revenue rose by 9 percent in 2025", "indirect")


def test_pronoun_resolves_to_the_nearest_person_named_before():
    text = ("Lê Hoài Trung met Liu Haixing on Friday. Phạm Minh Chính joined them later.\n\n"
            "He said the meeting had been useful for both sides.")
    (who, words, _, cue, span), = rows(text)
    assert (who, words, cue, span) == ("Phạm Minh Chính", "the meeting had been useful for both sides", "said", "He")


def test_she_in_the_same_sentence():
    text = "Pauline Tamesis visited the province, and she noted that poverty had fallen sharply."
    assert rows(text)[0][0] == "Pauline Tamesis"


def test_title_refers_back_to_the_person_who_holds_it():
    text = ("Minister of Foreign Affairs Lê Hoài Trung held talks with Liu Haixing.\n\n"
            "The minister emphasised that the congress had set clear goals for foreign affairs.")
    (who, words, _, cue, span), = rows(text)
    assert (who, cue, span) == ("Lê Hoài Trung", "emphasised", "The minister")
    assert words == "the congress had set clear goals for foreign affairs"


def test_organisation_speaks():
    text = ("The Ministry of Public Security arrested two men on Monday.\n\n"
            "The ministry said the men had violated the law on cyber security.")
    q = quotes(text)
    assert q.speaker_entity_id.tolist() == ["ORG:ministry of public security"]
    assert q.text.tolist() == ["the men had violated the law on cyber security"]


def test_country_speaks():
    q = quotes("China said the talks with Vietnam had been constructive and useful.")
    assert q.speaker_entity_id.str.startswith("GPE:").tolist() == [True]


def test_speaker_who_is_no_entity_is_kept_as_written():
    q = quotes("Rights groups say the trial fell short of international standards.")
    assert (q.speaker.tolist(), q.speaker_entity_id.isna().tolist()) == (["Rights groups"], [True])


def test_scare_quotes_and_titles_in_marks_are_not_statements():
    assert quotes("The plan moves from “studying and disseminating” to “deep understanding”.").empty
    assert quotes("Nguyễn Thị Thu Hà chaired a briefing entitled “Rapid briefing on the outcomes of the congress”, highlighting new points.").text.tolist() == ["new points"]


def test_passive_has_no_speaker_to_quote():
    assert quotes("The ministries were urged to act quickly on the plan.").empty


def test_table_follows_the_contract():
    corpus = cc.load(cc.SAMPLE)
    q = corpus.quotes
    assert q.columns.tolist() == COLUMNS
    assert str(q.speaker_start.dtype) == "Int32" and str(q.start.dtype) == "int32"
    texts = dict(zip(corpus.documents.doc_id, corpus.documents.text))
    for r in q.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text
        if not pd.isna(r.speaker_start):
            assert r.speaker_start >= 0 and r.speaker_end > r.speaker_start
    assert set(q.kind) <= {"direct", "indirect"}


def test_same_quotes_on_one_or_two_threads():
    one = cc.load(cc.SAMPLE, n_threads=1).quotes
    two = cc.load(cc.SAMPLE, n_threads=2).quotes
    pd.testing.assert_frame_equal(one, two)


def test_load_without_quotes_leaves_the_table_out_and_the_rest_alone():
    with_q, without = cc.load(cc.SAMPLE), cc.load(cc.SAMPLE, quotes=False)
    assert "quotes" in with_q.table_names and len(with_q.quotes) > 20
    assert "quotes" not in without.table_names
    with pytest.raises(AttributeError, match="quotes=False"):
        without.quotes
    pd.testing.assert_frame_equal(with_q.mentions, without.mentions)
    pd.testing.assert_frame_equal(with_q.roles, without.roles)


def test_extract_without_quotes_in_the_text_gives_an_empty_table_with_the_columns():
    q = cc.extract_tables(["Tô Lâm visited Hà Nội."])["quotes"]
    assert q.empty and q.columns.tolist() == COLUMNS


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds/ not present")
def test_seeds_gold_floor():
    res = quotes_eval.evaluate(HERE / "data" / "gold_quotes_seeds.jsonl", SEEDS)
    assert res["gold"] == 43 and not res["not_located"]
    # Measured 1.000 and 1.000 when written: the floor leaves room for rule changes elsewhere.
    assert res["span_f1"] >= 0.9, res["span_f1"]
    assert res["speaker_accuracy"] >= 0.9, res["speaker_accuracy"]


def test_words_in_marks_inside_reported_speech_are_a_direct_quote_of_the_same_speaker():
    text = 'Nguyễn Phú Trọng said the framework will create "favorable conditions" for both countries.'
    assert [x[:4] for x in rows(text)] == [
        ("Nguyễn Phú Trọng", 'the framework will create "favorable conditions" for both countries', "indirect", "said"),
        ("Nguyễn Phú Trọng", "favorable conditions", "direct", "said"),
    ]


def test_honorific_and_family_name_after_a_quote():
    text = ("Nguyễn Quốc Hùng chairs the fund.\n\n"
            "“We hope the state will keep supporting the community,” Mr. Hùng emphasised.")
    assert rows(text)[0][:4] == ("Nguyễn Quốc Hùng", "We hope the state will keep supporting the community,", "direct", "emphasised")
