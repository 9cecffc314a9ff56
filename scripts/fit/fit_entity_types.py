#!/usr/bin/env python3
"""Fit the name typer's weights (assets/models/entity_types.tsv) on annotated text.

  pip install scikit-learn
  python3 scripts/fit/fit_entity_types.py --gum GUM_SOURCES [--bin target/release/marginalia]

GUM_SOURCES is the `not-to-release/sources` folder of the GUM corpus
(https://github.com/UniversalDependencies/UD_English-GUM; annotations CC BY 4.0). The script turns
it into gold folders with scripts/gum/gum_gold.py (news left out; every fifth other document held
out), asks the binary for every entity mention's features (`analyze --typer-features`), labels each
mention with the gold type it matches (or "not a name" where no gold name overlaps it), fits a
multinomial logistic regression on GUM's fitting documents and this repository's tests/gold
articles, and writes the weights. It then scores the held-out documents the way the binary will
(each entity takes the class with the best mean score over its mentions; "not a name" drops it),
before and after, so the effect is known before the binary is rebuilt.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from features import MIN_COUNT, design_matrix, documents, gum_gold_folders, overlaps, vocabulary  # noqa: E402

CLASSES = ["PERSON", "ORG", "PLACE", "NONE"]
RULE_CLASS = {"rule:Person": 0, "rule:Org": 1, "rule:Place": 2}
# The inverse L2 strengths tried; the one with the best entity F1 in cross-validation over the
# GUM fitting documents (FOLDS folds, by document) is used.
REGULARISATION_GRID = (0.3, 1.0, 3.0, 10.0)
FOLDS = 4
# Our own articles are news, the genre the typer is for; GUM's genres are many.
OURS_WEIGHT = 3.0
# How many of an entity's first mentions decide its type: JUDGED_MENTIONS in src/analysis/typer.
JUDGED_MENTIONS = 16


def mention_rows(binary, path):
    out = subprocess.run([binary, "analyze", "--typer-features", path], capture_output=True,
                         check=True, stdin=subprocess.DEVNULL).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def label(row, gold):
    """The class of a mention by the gold names, or None to leave it out of the fitting."""
    span = (row["start"], row["end"])
    for g in gold["entities"]:
        gs = (g["start"], g["end"])
        if g["optional"] and overlaps(span, gs):
            return None
        if not g["optional"] and gs == span:
            return CLASSES.index(g["type"])
    for g in gold["entities"]:
        if overlaps(span, (g["start"], g["end"])):
            return CLASSES.index(g["type"])
    return CLASSES.index("NONE")


def collect(binary, folders, ours=None):
    rows = []
    for folder in folders:
        for name, path, gold in documents(folder):
            for row in mention_rows(binary, path):
                row["doc"] = name
                row["ours"] = folder == ours
                row["label"] = label(row, gold)
                rows.append(row)
    return rows


def fit(rows, ours_weight, c):
    from sklearn.linear_model import LogisticRegression
    vocab, index = vocabulary(rows)
    train = [r for r in rows if r["label"] is not None]
    import numpy as np
    x = design_matrix(train, index)
    y = np.array([r["label"] for r in train])
    sample_weight = np.array([ours_weight if r["ours"] else 1.0 for r in train])
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    model.fit(x, y, sample_weight=sample_weight)
    weights = {}
    for i, f in enumerate(vocab):
        w = [0.0] * len(CLASSES)
        for row, cls in enumerate(model.classes_):
            w[cls] = float(model.coef_[row][i])
        weights[f] = w
    return weights, len(train)


def decide(rows, weights):
    """Each entity's class as the binary decides it: the best mean score over its first mentions."""
    by_entity = collections.defaultdict(list)
    for r in rows:
        by_entity[(r["doc"], r["entity"])].append(r)
    out = {}
    for key, mentions in by_entity.items():
        scores = [0.0] * len(CLASSES)
        for r in mentions[:JUDGED_MENTIONS]:
            for f in r["features"]:
                for c, w in enumerate(weights.get(f, ())):
                    scores[c] += w
        best = max(range(len(CLASSES)), key=lambda c: scores[c])
        out[key] = best
    return out


def rule_decision(rows):
    out = {}
    for r in rows:
        cls = next((RULE_CLASS[f] for f in r["features"] if f in RULE_CLASS), None)
        out[(r["doc"], r["entity"])] = cls
    return out


def score(rows, golds, decision):
    """Exact span and type F1 over the documents, by the rules of score.py, per type."""
    tally = collections.defaultdict(collections.Counter)
    by_doc = collections.defaultdict(list)
    for r in rows:
        cls = decision.get((r["doc"], r["entity"]))
        if cls is not None and cls < 3:
            by_doc[r["doc"]].append(((r["start"], r["end"]), CLASSES[cls]))
    for doc, gold in golds.items():
        gm = {(g["start"], g["end"]): g["type"] for g in gold["entities"] if not g["optional"]}
        opt = [(g["start"], g["end"]) for g in gold["entities"] if g["optional"]]
        pm = {}
        for span, t in by_doc.get(doc, []):
            if not any(overlaps(span, o) for o in opt):
                pm.setdefault(span, t)
        for span, t in gm.items():
            got = pm.get(span)
            if got == t:
                tally[t]["tp"] += 1
            else:
                tally[t]["fn"] += 1
                if got:
                    tally[got]["fp"] += 1
        for span, t in pm.items():
            if span not in gm:
                tally[t]["fp"] += 1
    result = {}
    total = collections.Counter()
    for t in CLASSES[:3] + ["all"]:
        c = tally[t] if t != "all" else total
        if t != "all":
            total.update(c)
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        result[t] = 2 * p * r / (p + r) if p + r else 0.0
    return result


def choose_c(rows, golds, ours_weight):
    """The strength of REGULARISATION_GRID whose fit scores best on GUM documents it did not
    see, each fold of GUM's fitting documents left out in turn (our own articles always fitted)."""
    docs = sorted({r["doc"] for r in rows if not r["ours"]})
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    best = None
    for c in REGULARISATION_GRID:
        total = 0.0
        for k in range(FOLDS):
            train = [r for r in rows if r["ours"] or fold_of[r["doc"]] != k]
            test = [r for r in rows if not r["ours"] and fold_of[r["doc"]] == k]
            weights, _ = fit(train, ours_weight, c)
            fold_golds = {d: g for d, g in golds.items() if fold_of.get(d) == k}
            total += score(test, fold_golds, decide(test, weights))["all"]
        mean = total / FOLDS
        print(f"C={c}: cross-validated entity F1 {mean:.3f}")
        if best is None or mean > best[1]:
            best = (c, mean)
    return best[0]


def write_weights(path, weights, n_train, sources, c, ours_weight):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Weights of the name typer (src/analysis/typer): feature, then the weight for person,\n")
        fh.write("# organisation, place and not-a-name. Written by scripts/fit/fit_entity_types.py; do not\n")
        fh.write("# edit by hand. Fitted on %d labelled mentions of: %s.\n" % (n_train, sources))
        fh.write("# Multinomial logistic regression (scikit-learn), L2, C=%s; features seen %d times or more;\n"
                 % (c, MIN_COUNT))
        fh.write("# a tests/gold mention weighs %s. Regenerate: see assets/README.md.\n" % ours_weight)
        for f in sorted(weights):
            w = weights[f]
            if f != "b:" and max(abs(v) for v in w) < 0.005:
                continue
            fh.write(f + "\t" + "\t".join(f"{v:.3f}" for v in w) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", required=True, help="GUM's not-to-release/sources folder")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "marginalia"))
    ap.add_argument("--out", default=os.path.join(ROOT, "assets", "models", "entity_types.tsv"))
    ap.add_argument("--ours-weight", type=float, default=OURS_WEIGHT,
                    help="how much a mention of tests/gold counts beside one of GUM (news style is the target)")
    ap.add_argument("--c", type=float, default=None,
                    help="inverse L2 strength (default: chosen by cross-validation on the fitting documents)")
    ap.add_argument("--check", action="append", default=[],
                    help="another gold folder to report on (not fitted on), e.g. ../shared/gold/dev")
    ap.add_argument("--work", default=None, help="where the GUM gold folders go (default: a temporary folder)")
    a = ap.parse_args()
    fit_dir, heldout_dir = gum_gold_folders(a.gum, a.work, ROOT)
    ours = os.path.join(ROOT, "tests", "gold")
    train_rows = collect(a.bin, [fit_dir, ours], ours)
    if a.c is None:
        fit_golds = {name: gold for name, _, gold in documents(fit_dir)}
        a.c = choose_c(train_rows, fit_golds, a.ours_weight)
    weights, n_train = fit(train_rows, a.ours_weight, a.c)
    write_weights(a.out, weights, n_train,
                  "GUM (every genre but news, four documents in five) and tests/gold", a.c, a.ours_weight)
    print(f"{len(weights)} features fitted on {n_train} mentions; written to {a.out}")
    checks = [("GUM heldout", heldout_dir), ("GUM fit", fit_dir),
              ("tests/gold", ours)] + [(c, c) for c in a.check]
    for label_, folder in checks:
        rows = collect(a.bin, [folder])
        golds = {name: gold for name, _, gold in documents(folder)}
        before = score(rows, golds, rule_decision(rows))
        after = score(rows, golds, decide(rows, weights))
        print(f"{label_}: entity F1 rules {before['all']:.3f} -> fitted {after['all']:.3f}  (" + ", ".join(
            f"{t} {before[t]:.3f}->{after[t]:.3f}" for t in CLASSES[:3]) + ")")


if __name__ == "__main__":
    main()
