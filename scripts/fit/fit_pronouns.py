#!/usr/bin/env python3
"""Fit the pronoun resolver's weights (assets/models/pronoun_antecedents.tsv) on GUM's coreference.

  pip install scikit-learn
  python3 scripts/fit/fit_pronouns.py --gum GUM_SOURCES [--bin target/release/marginalia]

For every "he", "she", "his", "her"… outside quotes the binary lists the people named in the
sentences before it with their features (`analyze --pronoun-features`). A candidate is right when
the smallest GUM person mention holding it is in the pronoun's own coreference chain. The weights
are a logistic regression of right against wrong over GUM's fitting documents (news left out, every
fifth document held out, as scripts/gum/gum_gold.py splits them); the binary picks the candidate
with the best score. The script prints how often the rules and the fitted weights pick a right
candidate, on the held-out documents, where a right one is among the candidates.
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
                      report, write_choice_weights)

REGULARISATION = 1.0
# A pronoun that says who spoke in our news articles: the case the resolver is for.
OURS_WEIGHT = 2.0
# How far a pronoun may stand from the quote it attributes, in chars.
CUE_GAP = 40
# The binary gives a tie to the later mention.
TIES_TO_LATER = True


def chain_of(span, chains):
    """The chain of the smallest person mention holding `span`, or None."""
    holders = [c for c in chains if c[0] <= span[0] and span[1] <= c[1]]
    if not holders:
        return None
    return min(holders, key=lambda c: c[1] - c[0])[2]


def cases(binary, folder):
    """Each pronoun with a chain, its candidates labelled, for every document of `folder`."""
    out = []
    for name, path, gold in documents(folder):
        chains = gold.get("person_chains", [])
        exact = {(c[0], c[1]): c[2] for c in chains}
        text = subprocess.run([binary, "analyze", "--pronoun-features", path], capture_output=True,
                              check=True, stdin=subprocess.DEVNULL).stdout.decode("utf-8")
        for line in text.splitlines():
            case = json.loads(line)
            chain = exact.get((case["start"], case["end"]))
            if chain is None or not case["candidates"]:
                continue
            for c in case["candidates"]:
                c["right"] = chain_of((c["start"], c["end"]), chains) == chain
            case["doc"] = name
            out.append(case)
    return out


def speaker_cases(binary, folder):
    """Pronouns that attribute a quote in our gold articles ("…,” she said", "He said: “…"),
    their candidates right when their words are among the gold speaker's name."""
    out = []
    for name, path, gold in documents(folder):
        text = open(path, encoding="utf-8").read()
        quotes = [q for q in gold["quotes"] if not q.get("optional") and q.get("speaker")]
        lines = subprocess.run([binary, "analyze", "--pronoun-features", path], capture_output=True,
                               check=True, stdin=subprocess.DEVNULL).stdout.decode("utf-8")
        for line in lines.splitlines():
            case = json.loads(line)
            q = next((q for q in quotes if 0 <= case["start"] - q["end"] <= CUE_GAP
                      or 0 <= q["start"] - case["end"] <= CUE_GAP), None)
            if q is None or not case["candidates"]:
                continue
            speaker = set(name_words(q["speaker"]))
            for c in case["candidates"]:
                words = name_words(text[c["start"]:c["end"]])
                c["right"] = bool(words) and all(w in speaker for w in words)
            case["doc"] = name
            case["ours"] = True
            out.append(case)
    return out


def header(n_rows, c, ours_weight):
    return ("# Weights of the pronoun resolver (src/analysis/antecedents.rs): feature, weight.\n"
            "# Written by scripts/fit/fit_pronouns.py; do not edit by hand. Fitted on %d candidate\n"
            "# mentions of GUM's coreference chains (every genre but news, four documents in five)\n"
            "# and of the pronouns that attribute quotes in tests/gold (each weighing %s);\n"
            "# logistic regression (scikit-learn), L2, C=%s, features seen %d times or more.\n"
            % (n_rows, ours_weight, c, MIN_COUNT))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", required=True, help="GUM's not-to-release/sources folder")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marginalia"))
    ap.add_argument("--out", default=os.path.join(ROOT, "assets", "models", "pronoun_antecedents.tsv"))
    ap.add_argument("--check", action="append", default=[],
                    help="another gold folder whose speaker pronouns to report on, e.g. ../shared/gold/dev")
    ap.add_argument("--c", type=float, default=REGULARISATION, help="inverse L2 strength")
    ap.add_argument("--ours-weight", type=float, default=OURS_WEIGHT,
                    help="how much a speaker pronoun of tests/gold counts beside a GUM pronoun")
    ap.add_argument("--work", default=None, help="where the GUM gold folders go (default: a temporary folder)")
    a = ap.parse_args()
    fit_dir, heldout_dir = gum_gold_folders(a.gum, a.work, ROOT)
    ours = os.path.join(ROOT, "tests", "gold")
    gum_fit, mine = cases(a.bin, fit_dir), speaker_cases(a.bin, ours)
    weights, n_rows = fit_choice(gum_fit + mine, a.c, a.ours_weight)
    write_choice_weights(a.out, header(n_rows, a.c, a.ours_weight), weights)
    print(f"{len(weights)} features fitted on {n_rows} candidates of {len(gum_fit) + len(mine)} pronouns; "
          f"written to {a.out}")
    parts = [("GUM heldout", cases(a.bin, heldout_dir)), ("tests/gold speaker pronouns", mine)]
    parts += [(c, speaker_cases(a.bin, c)) for c in a.check]
    report(parts, weights, TIES_TO_LATER)


if __name__ == "__main__":
    main()
