#!/usr/bin/env python3
"""Fit the speaker choice's weights (assets/models/quote_speakers.tsv).

  pip install scikit-learn
  python3 scripts/fit/fit_speakers.py --gum GUM_SOURCES [--bin target/release/marginalia]

For every quotation the rules attribute, the binary lists the people and organisations named
around it with their features (`analyze --speaker-features`). A candidate is right:
- in GUM (every genre but news, four documents in five, as scripts/gum/gum_gold.py splits them),
  when one of its mentions overlaps a mention of the coreference chain of the speech verb's subject
  (the `quote_speakers` gum_gold.py derives from the dependency trees);
- in our gold articles (tests/gold), when its name's words are all words of the gold speaker.
The weights are a logistic regression of right against wrong candidates; the binary picks the
candidate with the best score. The script prints how often the rules and the fitted weights pick a
right candidate on GUM's held-out documents and on any --check folder, where one is among the
candidates. Run it with the shipped weights file emptied to fit from the rules alone (fit_all.sh
does), since the previous quotation's speaker is a feature.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from features import (MIN_COUNT, documents, fit_choice, gum_gold_folders, name_words,  # noqa: E402
                      overlaps, report, write_choice_weights)

REGULARISATION = 1.0
# How much one of our gold quotations counts beside one of GUM's: GUM has far fewer labelled
# quotations (about a hundred) and they are the real text the model must hold on.
OURS_WEIGHT = 0.5
# The binary gives a tie to the first candidate.
TIES_TO_LATER = False


def dump(binary, path):
    out = subprocess.run([binary, "analyze", "--speaker-features", path], capture_output=True,
                         check=True, stdin=subprocess.DEVNULL).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


def gum_cases(binary, folder):
    """GUM quotations whose speaker chain is named, their candidates labelled."""
    out = []
    for name, path, gold in documents(folder):
        labelled = [q for q in gold.get("quote_speakers", []) if q["named"]]
        if not labelled:
            continue
        chains = {}
        for start, end, chain in gold.get("speaker_chains", []):
            chains.setdefault(chain, []).append((start, end))
        for case in dump(binary, path):
            span = (case["start"], case["end"])
            q = next((q for q in labelled if overlaps(span, (q["start"], q["end"]))), None)
            if q is None:
                continue
            gold_spans = chains.get(q["chain"], [])
            for c in case["candidates"]:
                c["right"] = any(overlaps(tuple(m), g) for m in c["mentions"] for g in gold_spans)
            case["doc"] = name
            out.append(case)
    return out


def our_cases(binary, folder):
    """Quotations of our gold articles with a speaker, their candidates labelled by name."""
    out = []
    for name, path, gold in documents(folder):
        quotes = [q for q in gold["quotes"] if not q.get("optional") and q.get("speaker")]
        for case in dump(binary, path):
            span = (case["start"], case["end"])
            q = next((q for q in quotes if overlaps(span, (q["start"], q["end"]))), None)
            if q is None:
                continue
            speaker = set(name_words(q["speaker"]))
            for c in case["candidates"]:
                words = name_words(c["name"])
                c["right"] = bool(words) and all(w in speaker for w in words)
            case["doc"] = name
            case["ours"] = True
            out.append(case)
    return out


def header(n_rows, c, ours_weight):
    return ("# Weights of the speaker choice (src/analysis/speaker_model.rs): feature, weight.\n"
            "# Written by scripts/fit/fit_speakers.py; do not edit by hand. Fitted on %d candidate\n"
            "# speakers of GUM's quotations (every genre but news, four documents in five, labelled by\n"
            "# scripts/gum/gum_gold.py) and of tests/gold's quotations (each weighing %s);\n"
            "# logistic regression (scikit-learn), L2, C=%s, features seen %d times or more.\n"
            % (n_rows, ours_weight, c, MIN_COUNT))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", required=True, help="GUM's not-to-release/sources folder")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marginalia"))
    ap.add_argument("--out", default=os.path.join(ROOT, "assets", "models", "quote_speakers.tsv"))
    ap.add_argument("--check", action="append", default=[],
                    help="another gold folder to report on, e.g. ../shared/gold/dev")
    ap.add_argument("--c", type=float, default=REGULARISATION, help="inverse L2 strength")
    ap.add_argument("--ours-weight", type=float, default=OURS_WEIGHT,
                    help="how much a quotation of tests/gold counts beside one of GUM's")
    ap.add_argument("--work", default=None, help="where the GUM gold folders go (default: a temporary folder)")
    a = ap.parse_args()
    fit_dir, heldout_dir = gum_gold_folders(a.gum, a.work, ROOT)
    ours = os.path.join(ROOT, "tests", "gold")
    gum_fit, mine = gum_cases(a.bin, fit_dir), our_cases(a.bin, ours)
    weights, n_rows = fit_choice(gum_fit + mine, a.c, a.ours_weight)
    write_choice_weights(a.out, header(n_rows, a.c, a.ours_weight), weights)
    print(f"{len(weights)} features fitted on {n_rows} candidates of {len(gum_fit) + len(mine)} quotations; "
          f"written to {a.out}")
    parts = [("GUM fit", gum_fit), ("GUM heldout", gum_cases(a.bin, heldout_dir)), ("tests/gold", mine)]
    parts += [(c, our_cases(a.bin, c)) for c in a.check]
    report(parts, weights, TIES_TO_LATER)


if __name__ == "__main__":
    main()
