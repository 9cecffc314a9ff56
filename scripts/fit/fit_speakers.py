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
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from features import MIN_COUNT, design_matrix, vocabulary  # noqa: E402

REGULARISATION = 1.0
# How much one of our gold quotations counts beside one of GUM's: GUM has far fewer labelled
# quotations (about a hundred) and they are the real text the model must hold on.
OURS_WEIGHT = 0.5
HEADER = "# Weights of the speaker choice (src/analysis/speaker_model.rs): feature, weight.\n"


def overlaps(a, b):
    return min(a[1], b[1]) > max(a[0], b[0])


def dump(binary, path):
    out = subprocess.run([binary, "analyze", "--speaker-features", path], capture_output=True,
                         check=True, stdin=subprocess.DEVNULL).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


def documents(folder):
    for n in sorted(os.listdir(folder)):
        if n.endswith(".gold.json"):
            name = n[: -len(".gold.json")]
            gold = json.load(open(os.path.join(folder, n), encoding="utf-8"))
            yield name, os.path.join(folder, name + ".txt"), gold


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


def name_words(s):
    return [w for w in re.findall(r"[\w’'-]+", s.lower().replace("’", "'")) if len(w) > 1]


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


def fit(train, c, ours_weight):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    rows = [dict(cand, ours=case.get("ours", False)) for case in train
            if any(x["right"] for x in case["candidates"]) for cand in case["candidates"]]
    vocab, index = vocabulary(rows)
    x = design_matrix(rows, index)
    y = np.array([1 if r["right"] else 0 for r in rows])
    sample_weight = np.array([ours_weight if r.get("ours") else 1.0 for r in rows])
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    model.fit(x, y, sample_weight=sample_weight)
    return {f: float(model.coef_[0][i]) for i, f in enumerate(vocab)}, len(rows)


def accuracy(cases_, pick):
    resolvable = [c for c in cases_ if any(x["right"] for x in c["candidates"])]
    right = sum(1 for c in resolvable if pick(c))
    return right / len(resolvable) if resolvable else 0.0, len(resolvable)


def by_rules(case):
    return any(x["right"] and x["entity"] == case["by_rules"] for x in case["candidates"])


def by_weights(weights):
    def pick(case):
        scores = [sum(weights.get(f, 0.0) for f in x["features"]) for x in case["candidates"]]
        # The first best wins, as in the binary.
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        return case["candidates"][best]["right"]
    return pick


def write(path, weights, n_rows, c, ours_weight):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write("# Written by scripts/fit/fit_speakers.py; do not edit by hand. Fitted on %d candidate\n" % n_rows)
        fh.write("# speakers of GUM's quotations (every genre but news, four documents in five, labelled by\n")
        fh.write("# scripts/gum/gum_gold.py) and of tests/gold's quotations (each weighing %s);\n" % ours_weight)
        fh.write("# logistic regression (scikit-learn), L2, C=%s, features seen %d times or more.\n" % (c, MIN_COUNT))
        for f in sorted(weights):
            if f == "b:" or abs(weights[f]) >= 0.005:
                fh.write(f"{f}\t{weights[f]:.3f}\n")


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
    work = a.work or tempfile.mkdtemp(prefix="gum-gold-")
    if not os.path.isdir(os.path.join(work, "fit")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gum", "gum_gold.py"), a.gum, work],
                       check=True)
    ours = os.path.join(ROOT, "tests", "gold")
    train = gum_cases(a.bin, os.path.join(work, "fit")) + our_cases(a.bin, ours)
    weights, n_rows = fit(train, a.c, a.ours_weight)
    write(a.out, weights, n_rows, a.c, a.ours_weight)
    print(f"{len(weights)} features fitted on {n_rows} candidates of {len(train)} quotations; written to {a.out}")
    parts = [("GUM fit", gum_cases(a.bin, os.path.join(work, "fit"))),
             ("GUM heldout", gum_cases(a.bin, os.path.join(work, "heldout"))),
             ("tests/gold", our_cases(a.bin, ours))]
    parts += [(c, our_cases(a.bin, c)) for c in a.check]
    for part, test in parts:
        rules, n = accuracy(test, by_rules)
        fitted, _ = accuracy(test, by_weights(weights))
        print(f"{part}: right speaker for {n} quotations: rules {rules:.3f} -> fitted {fitted:.3f}")


if __name__ == "__main__":
    main()
