"""What both fitting scripts share: the feature vocabulary and the sparse design matrix."""
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
