"""The extractor: accuracy against the hand annotations (as floors), offsets, canonical
entities, user patterns and aliases, and the `extract` API."""

from __future__ import annotations

import pickle
import unicodedata

import pandas as pd
import pytest

import congress_corpus as cc
from congress_corpus.evaluate import score
from conftest import SEEDS, load_gold

# Floors just under the level reached when this test was written (micro 0.993, ORG 0.976, every
# other label 1.0, values 53/53): a change that loses accuracy fails.
MICRO_F1_FLOOR = 0.985
LABEL_F1_FLOOR = {"PERSON": 0.98, "ORG": 0.97, "GPE": 0.98, "EVENT": 0.98, "LAW": 0.98, "NORP": 0.98,
                  "DATE": 0.98, "CARDINAL": 0.98, "ORDINAL": 0.98, "FAC": 0.98}
VALUE_ACCURACY_FLOOR = 0.98


@pytest.fixture(scope="module")
def scores(seeds_corpus):
    return score(seeds_corpus.mentions, load_gold(), seeds_corpus.roles)


def test_micro_f1_floor(scores):
    p, r, f, n = scores.prf()
    assert n > 250
    assert f >= MICRO_F1_FLOOR, (p, r, f)


@pytest.mark.parametrize("label", sorted(LABEL_F1_FLOOR))
def test_label_f1_floor(scores, label):
    assert scores.prf(label)[2] >= LABEL_F1_FLOOR[label], scores.prf(label)


def test_value_accuracy_floor(scores):
    assert scores.value_n >= 50
    assert scores.value_accuracy >= VALUE_ACCURACY_FLOOR, [e for e in scores.errors if e[1] == "value"]


# Paragraphs written for this test in the styles of other outlets (not from the seeds); the
# expected mentions were read off the text by hand.
OTHER_OUTLETS = {
    "reuters": ("2026-01-23", "HANOI, Jan 23 (Reuters) - Vietnam's ruling Communist Party on Friday re-elected To Lam as its "
                "general secretary, cementing his grip on power after a congress in Hanoi. Lam, 68, has led an "
                "anti-corruption campaign. Prime Minister Pham Minh Chinh was not re-elected to the Politburo. "
                "Investors including Samsung Electronics have poured $25 billion into the country since 2021."),
    "xinhua": ("2026-01-23", "BEIJING, Jan. 23 (Xinhua) -- Chinese President Xi Jinping on Friday sent a congratulatory "
               "message to To Lam on his re-election as general secretary of the Communist Party of Vietnam (CPV) Central "
               "Committee. Chinese Foreign Ministry spokesperson Mao Ning said Beijing stands ready to work with Hanoi."),
    "vna": ("2026-01-25", "Vientiane (VNA) - Lao President Thongloun Sisoulith on January 24 received Vietnamese Ambassador "
            "to Laos Nguyen Minh Tam. The Lao People's Revolutionary Party (LPRP) will hold its 12th National Congress in "
            "February. Trade reached 2.2 billion USD in 2025, up 15 percent."),
}
EXPECTED = {
    "reuters": {("Vietnam", "GPE", None), ("Communist Party", "ORG", None), ("Friday", "DATE", "2026-01-23"),
                ("To Lam", "PERSON", None), ("Lam", "PERSON", None), ("Hanoi", "GPE", None), ("68", "CARDINAL", "68"),
                ("Pham Minh Chinh", "PERSON", None), ("Politburo", "ORG", None), ("Samsung Electronics", "ORG", None),
                ("$25 billion", "MONEY", "25000000000"), ("2021", "DATE", "2021")},
    "xinhua": {("Chinese", "NORP", None), ("Xi Jinping", "PERSON", None), ("Friday", "DATE", "2026-01-23"),
               ("To Lam", "PERSON", None), ("Communist Party of Vietnam (CPV) Central Committee", "ORG", None),
               ("Foreign Ministry", "ORG", None), ("Mao Ning", "PERSON", None), ("Beijing", "GPE", None), ("Hanoi", "GPE", None)},
    "vna": {("Lao", "NORP", None), ("Thongloun Sisoulith", "PERSON", None), ("January 24", "DATE", "2026-01-24"),
            ("Vietnamese", "NORP", None), ("Laos", "GPE", None), ("Nguyen Minh Tam", "PERSON", None),
            ("Lao People's Revolutionary Party", "ORG", None), ("LPRP", "ORG", None), ("12th National Congress", "EVENT", None),
            ("February", "DATE", "2026-02"), ("2.2 billion USD", "MONEY", "2200000000"), ("2025", "DATE", "2025"),
            ("15 percent", "PERCENT", "15")},
}


@pytest.mark.parametrize("outlet", sorted(OTHER_OUTLETS))
def test_other_outlets_styles(outlet):
    date, text = OTHER_OUTLETS[outlet]
    t = cc.extract_tables([text], dates=[date])
    got = {(r.text, str(r.label), None if pd.isna(r.value) else r.value) for r in t["mentions"].itertuples()}
    assert EXPECTED[outlet] <= got, EXPECTED[outlet] - got
    if outlet == "reuters":
        m = t["mentions"]
        assert m[m.text == "Lam"].entity_id.tolist() == m[m.text == "To Lam"].entity_id.tolist()[:1]
        assert ("Pham Minh Chinh", "Prime Minister") in set(zip(t["roles"].person, t["roles"].role))


def test_offsets_are_python_string_indices(seeds_corpus):
    texts = dict(zip(seeds_corpus.documents.doc_id, seeds_corpus.documents.text))
    m = seeds_corpus.mentions
    assert len(m) > 200
    for row in m.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_mentions_sorted_with_sentences(seeds_corpus):
    for _, g in seeds_corpus.mentions.groupby("doc_id"):
        assert list(g.start) == sorted(g.start)
        assert list(g.sentence) == sorted(g.sentence)
    n_sent = dict(zip(seeds_corpus.documents.doc_id, seeds_corpus.documents.n_sentences))
    assert all(0 <= r.sentence < n_sent[r.doc_id] for r in seeds_corpus.mentions.itertuples())


def test_nfd_and_emoji_text():
    text = unicodedata.normalize("NFD", "🇻🇳🎉 Tô Lâm gặp Lê Hoài Trung tại Hà Nội.")
    m = cc.extract([text])
    assert list(m.label) == ["PERSON", "PERSON", "GPE"]
    for row in m.itertuples():
        assert text[row.start:row.end] == row.text
    nfc = cc.extract([unicodedata.normalize("NFC", text)])
    assert list(m.entity_id) == list(nfc.entity_id)


def test_spellings_are_one_entity():
    m = cc.extract(["Tô Lâm spoke in Hà Nội.", "To Lam spoke in Hanoi.", "TO LAM visited Ha Noi."], doc_ids=["a", "b", "c"])
    people = m[m.label == "PERSON"]
    places = m[m.label == "GPE"]
    assert people.entity_id.nunique() == 1 and places.entity_id.nunique() == 1
    # The display name prefers the form with diacritics.
    assert set(people.canonical) == {"Tô Lâm"}
    assert set(places.canonical) == {"Hà Nội"}


def test_short_names_join_full_names(seeds_corpus):
    m = seeds_corpus.mentions
    trung = m[(m.doc_id == "000_b223d5d76dda60ac") & (m.text == "Trung")]
    assert len(trung) >= 1
    assert set(trung.canonical) == {"Lê Hoài Trung"}
    liu = m[(m.doc_id == "001_2a7f6e7a51b55cc4") & (m.text == "Liu")]
    assert set(liu.canonical) == {"Liu Haixing"}


def test_entity_ids_do_not_depend_on_what_else_is_loaded(seeds_corpus):
    one = cc.load(SEEDS / "001_2a7f6e7a51b55cc4.txt").mentions
    all_ = seeds_corpus.mentions
    sub = all_[all_.doc_id == "001_2a7f6e7a51b55cc4"].reset_index(drop=True)
    assert list(one.entity_id) == list(sub.entity_id)


def test_abbreviation_defined_in_text_joins_full_name():
    # A body no gazetteer knows: the abbreviation is learnt from the text.
    m = cc.extract(["The Hanoi Association of Rice Exporters (HARE) said so. HARE added more."])
    orgs = m[m.label == "ORG"]
    assert orgs.text.tolist() == ["Hanoi Association of Rice Exporters", "HARE", "HARE"], orgs
    assert orgs.entity_id.nunique() == 1
    # A shipped abbreviation joins its full name without being defined.
    m = cc.extract(["The Communist Party of Vietnam met. The CPV agreed."])
    assert m[m.label == "ORG"].entity_id.nunique() == 1


def test_entities_table_agrees_with_mentions(seeds_corpus):
    e = seeds_corpus.entities
    m = seeds_corpus.mentions
    counts = m.groupby("entity_id").size()
    assert set(e.entity_id) == set(m.entity_id)
    for row in e.itertuples():
        assert row.n_mentions == counts[row.entity_id]
        assert row.n_docs == m[m.entity_id == row.entity_id].doc_id.nunique()
        assert set(row.aliases) <= set(m[m.entity_id == row.entity_id].text.str.replace(r"^(the|The) ", "", regex=True).str.replace(r"['’]s$", "", regex=True))
    viet = e[e.entity_id == "GPE:viet nam"].iloc[0]
    assert viet.canonical == "Việt Nam" and viet.n_docs == 2  # 000 and 001; the others write it inside names
    assert viet.first_date == pd.Timestamp("2026-01-08")


def test_user_patterns_file_and_aliases(tmp_path):
    p = tmp_path / "patterns.jsonl"
    p.write_text('{"label": "ORG", "pattern": "Saolatek", "id": "saolatek-co"}\n'
                 '{"label": "PRODUCT", "pattern": [{"LOWER": "vinfast"}, {"LOWER": "vf3"}]}\n', encoding="utf-8")
    ex = cc.Extractor(patterns=p, aliases={"Uncle Ho": "Hồ Chí Minh"})
    m = cc.extract(["Saolatek built the VinFast VF3 honouring Uncle Ho and Hồ Chí Minh."], extractor=ex)
    got = dict(zip(m.text, zip(m.label, m.entity_id)))
    assert got["Saolatek"] == ("ORG", "ORG:saolatek-co")
    assert got["VinFast VF3"][0] == "PRODUCT"
    assert got["Uncle Ho"] == got["Hồ Chí Minh"] == ("PERSON", "PERSON:ho chi minh")
    assert cc.extract(["Saolatek grew."]).empty  # the default extractor is unchanged


def test_bad_patterns_raise_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown label"):
        cc.Extractor(patterns=[{"label": "BOGUS", "pattern": "x"}])
    with pytest.raises(ValueError, match="LOWER"):
        cc.Extractor(patterns=[{"label": "ORG", "pattern": [{"POS": "NOUN"}]}])
    with pytest.raises(FileNotFoundError):
        cc.Extractor(patterns=tmp_path / "missing.jsonl")


def test_extractor_pickles_with_identical_behaviour():
    ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Saolatek"}], aliases={"Uncle Ho": "Hồ Chí Minh"})
    ex2 = pickle.loads(pickle.dumps(ex))
    text = ["Uncle Ho and Saolatek met in Hanoi."]
    pd.testing.assert_frame_equal(cc.extract(text, extractor=ex), cc.extract(text, extractor=ex2))


def test_load_with_extractor(tmp_path):
    (tmp_path / "a.txt").write_text("HANOI (VNA) - Saolatek opened an office in Hanoi./.", encoding="utf-8")
    ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Saolatek"}])
    c = cc.load(tmp_path, extractor=ex)
    assert ("Saolatek", "ORG") in set(zip(c.mentions.text, c.mentions.label))


def test_extract_accepts_a_dataframe_column_and_dates():
    df = pd.DataFrame({"id": ["x", "y"], "body": ["Tô Lâm met Lao leaders in Vientiane on Monday.", "No names here."],
                       "date": pd.to_datetime(["2026-02-03", None])})
    m = cc.extract(df.body, doc_ids=df.id, dates=df.date)
    assert set(m.doc_id) == {"x"}
    assert str(m.label.dtype) == "category"
    with pytest.raises(ValueError, match="same length"):
        cc.extract(["a", "b"], doc_ids=["a"])
    with pytest.raises(TypeError):
        cc.extract([1, 2])


def test_load_without_extraction(seeds_corpus):
    c = cc.load(SEEDS, extract=False)
    pd.testing.assert_frame_equal(c.documents, seeds_corpus.documents)
    with pytest.raises(AttributeError, match="extract=False"):
        c.mentions


def test_gold_covers_exactly_the_seeds(gold):
    # The scores above mean nothing if the gold copy in tests/ and the seeds drift apart.
    assert sorted(gold) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for doc_id, g in gold.items():
        text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert g["mentions"], doc_id
        # Gold offsets are into the raw file (date markers and captions included).
        assert all(text[m["start"]:m["end"]] == m["text"] for m in g["mentions"]), doc_id
