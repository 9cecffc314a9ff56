"""The GUM converter's name spans, on a sentence written in GUM's CoNLL-U shape."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gum"))
from gum_gold import gold_entities, read_doc  # noqa: E402

# id, form, upos, head, Entity field ("" for none)
WORDS = [
    (1, "Albanian", "ADJ", 3, "(1-person-new-nnnnn-cf1-3-sgl"),
    (2, "Fatos", "PROPN", 3, ""),
    (3, "Nano", "PROPN", 4, "1)"),
    (4, "praised", "VERB", 0, ""),
    (5, "the", "DET", 7, "(2-organization-new-nnnnn-cf2-3-sgl"),
    (6, "European", "ADJ", 7, ""),
    (7, "Union", "PROPN", 4, "2)"),
    (8, "and", "CCONJ", 10, ""),
    (9, "United", "VERB", 10, "(3-place-new-nnnnn-cf3-2-sgl"),
    (10, "States", "PROPN", 7, "3)"),
    (11, "in", "ADP", 14, ""),
    (12, "the", "DET", 14, "(4-place-new-nnnnn-cf4-3-sgl"),
    (13, "former", "ADJ", 14, ""),
    (14, "Yugoslavia", "PROPN", 4, "4)"),
    (15, ".", "PUNCT", 4, ""),
]


# A person with a place and a title in front, and a title standing alone for a person.
TITLED = [
    (1, "Pennsylvania", "PROPN", 4, "(1-person-new-nnnnn-cf1-4-sgl"),
    (2, "Senator", "PROPN", 4, ""),
    (3, "Rick", "PROPN", 4, ""),
    (4, "Santorum", "PROPN", 5, "1)"),
    (5, "met", "VERB", 0, ""),
    (6, "the", "DET", 7, "(2-person-new-nnnnn-cf2-2-sgl"),
    (7, "President", "PROPN", 5, "2)"),
    (8, ".", "PUNCT", 5, ""),
]

# An event (scored as no type) with a place inside its name.
EVENT = [
    (1, "She", "PRON", 2, ""),
    (2, "won", "VERB", 0, ""),
    (3, "at", "ADP", 8, ""),
    (4, "the", "DET", 8, "(1-event-new-nnnnn-cf1-6-sgl"),
    (5, "Moscow", "PROPN", 8, "(2-place-new-nnnnn-cf2-1-sgl-Moscow)"),
    (6, "International", "ADJ", 8, ""),
    (7, "Film", "PROPN", 8, ""),
    (8, "Festival", "PROPN", 2, "1)"),
    (9, ".", "PUNCT", 2, ""),
]

# Title words opening the names of a place and an organisation.
SAINTS = [
    (1, "St.", "PROPN", 2, "(1-place-new-nnnnn-cf1-2-sgl"),
    (2, "Louis", "PROPN", 5, "1)"),
    (3, "and", "CCONJ", 5, ""),
    (4, "General", "PROPN", 5, "(2-organization-new-nnnnn-cf2-2-sgl"),
    (5, "Motors", "PROPN", 0, "2)"),
    (6, ".", "PUNCT", 5, ""),
]


def conllu(words=WORDS):
    lines = ["# newdoc id = GUM_test_spans", "# newpar", "# sent_id = GUM_test_spans-1",
             "# text = " + " ".join(w[1] for w in words)]
    for wid, form, upos, head, entity in words:
        misc = "Entity=" + entity if entity else "_"
        lines.append("\t".join([str(wid), form, form, upos, "_", "_", str(head), "dep", "_", misc]))
    return "\n".join(lines) + "\n\n"


def gold(tmp_path, words=WORDS):
    path = tmp_path / "GUM_test_spans.conllu"
    path.write_text(conllu(words), encoding="utf-8")
    return gold_entities(read_doc(str(path)))


def spans(tmp_path, words=WORDS):
    return {e["text"]: e["type"] for e in gold(tmp_path, words)}


def test_an_organisation_keeps_its_capitalised_adjective(tmp_path):
    assert spans(tmp_path)["European Union"] == "ORG"


def test_a_place_keeps_the_capitalised_words_of_its_name(tmp_path):
    found = spans(tmp_path)
    assert found["United States"] == "PLACE"
    assert found["Yugoslavia"] == "PLACE"
    assert "States" not in found


def test_a_person_is_only_proper_nouns(tmp_path):
    found = spans(tmp_path)
    assert found["Fatos Nano"] == "PERSON"
    assert not any(t.startswith(("Albanian", "the", "former")) for t in found)


def test_a_persons_name_starts_after_the_last_title(tmp_path):
    found = spans(tmp_path, TITLED)
    assert found["Rick Santorum"] == "PERSON"
    assert not any(t.startswith(("Pennsylvania", "Senator")) for t in found)


def test_a_title_alone_is_optional(tmp_path):
    president = [e for e in gold(tmp_path, TITLED) if e["text"] == "President"]
    assert len(president) == 1 and president[0]["optional"]


def test_a_place_inside_an_events_name_is_left_to_the_event(tmp_path):
    found = {e["text"]: e for e in gold(tmp_path, EVENT)}
    assert found["Moscow International Film Festival"]["optional"]
    assert "Moscow" not in found


def test_places_and_organisations_keep_their_title_words(tmp_path):
    found = spans(tmp_path, SAINTS)
    assert found["St. Louis"] == "PLACE"
    assert found["General Motors"] == "ORG"
