"""What the fitting scripts share: the feature vocabulary, the sparse design matrix, gold folders and the choice models."""
import collections

# A feature seen fewer times than this in the fitting data gets no weight.
MIN_COUNT = 3
# The bias feature, kept whatever its count.
BIAS = "b:"


def vocabulary(rows):
    """The features of `rows` seen MIN_COUNT times or more, sorted, and each one's column."""
    counts = collections.Counter(f for r in rows for f in r["features"])
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == BIAS)
    return vocab, {f: i for i, f in enumerate(vocab)}


def design_matrix(rows, index):
    """One row per item, a 1 in the column of each of its features that has one."""
    from scipy.sparse import csr_matrix
    data, ri, ci = [], [], []
    for k, r in enumerate(rows):
        for f in r["features"]:
            if f in index:
                ri.append(k)
                ci.append(index[f])
                data.append(1.0)
    return csr_matrix((data, (ri, ci)), shape=(len(rows), len(index)))


# --- What the fitting scripts share besides the matrix: gold folders, spans, and the choice models
# (a pronoun's antecedent, a quotation's speaker) that pick one candidate of several.

def overlaps(a, b):
    """Whether two (start, end) spans share a char."""
    return min(a[1], b[1]) > max(a[0], b[0])


def documents(folder):
    """(name, text path, gold) for each `NAME.gold.json` of `folder`, by name."""
    import json
    import os
    for n in sorted(os.listdir(folder)):
        if n.endswith(".gold.json"):
            name = n[: -len(".gold.json")]
            gold = json.load(open(os.path.join(folder, n), encoding="utf-8"))
            yield name, os.path.join(folder, name + ".txt"), gold


def name_words(s):
    """The lower-case words of a name, longer than one letter, with plain apostrophes."""
    import re
    return [w for w in re.findall(r"[\w’'-]+", s.lower().replace("’", "'")) if len(w) > 1]


def gum_gold_folders(gum, work, root):
    """The `fit` and `heldout` gold folders of GUM under `work` (a new temporary folder when None),
    converted by scripts/gum/gum_gold.py unless they are already there."""
    import os
    import subprocess
    import sys
    import tempfile
    work = work or tempfile.mkdtemp(prefix="gum-gold-")
    if not os.path.isdir(os.path.join(work, "fit")):
        subprocess.run([sys.executable, os.path.join(root, "scripts", "gum", "gum_gold.py"), gum, work],
                       check=True)
    return os.path.join(work, "fit"), os.path.join(work, "heldout")


def fit_choice(train, c, ours_weight):
    """Logistic regression of right against wrong candidates, over the cases with a right one;
    a case marked `ours` weighs `ours_weight`. Returns the weights and the number of candidates."""
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


def accuracy(cases, pick):
    """How often `pick` finds a right candidate where there is one, and over how many cases."""
    resolvable = [c for c in cases if any(x["right"] for x in c["candidates"])]
    right = sum(1 for c in resolvable if pick(c))
    return right / len(resolvable) if resolvable else 0.0, len(resolvable)


def by_rules(case):
    """Whether the rules' own choice is right."""
    return any(x["right"] and x["entity"] == case["by_rules"] for x in case["candidates"])


def by_weights(weights, ties_to_later):
    """Whether the best-scoring candidate is right, ties broken as the binary breaks them."""
    def pick(case):
        scores = [sum(weights.get(f, 0.0) for f in x["features"]) for x in case["candidates"]]
        order = (lambda i: (scores[i], i)) if ties_to_later else (lambda i: (scores[i], -i))
        return case["candidates"][max(range(len(scores)), key=order)]["right"]
    return pick


def write_choice_weights(path, header, weights):
    """The header lines, then `feature<TAB>weight` for each weight that counts."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for f in sorted(weights):
            if f == BIAS or abs(weights[f]) >= 0.005:
                fh.write(f"{f}\t{weights[f]:.3f}\n")


def report(parts, weights, ties_to_later):
    """Prints, for each (label, cases), how often the rules and the weights choose right."""
    for part, cases in parts:
        rules, n = accuracy(cases, by_rules)
        fitted, _ = accuracy(cases, by_weights(weights, ties_to_later))
        print(f"{part}: right for {n} cases: rules {rules:.3f} -> fitted {fitted:.3f}")
