#!/usr/bin/env python3
"""Per-type entity scores of an analyser on a gold folder, by the rules of score.py.

  evaluate.py --gold DIR --cmd 'marginalia analyze --json {}' [--name NAME] [--errors N]

A mention counts when its span and type are exactly the gold's (PERSON, ORG, PLACE); gold mentions
marked optional, and predictions overlapping them, are left out. Prints precision, recall and F1 per
type and over all, and how often each gold type was given another type (the confusion table).
"""
import argparse
import collections
import json
import os
import shlex
import subprocess

TYPE_MAP = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG",
            "ORGANISATION": "ORG", "PLACE": "PLACE", "GPE": "PLACE", "LOC": "PLACE",
            "LOCATION": "PLACE", "FAC": "PLACE", "FACILITY": "PLACE"}
KINDS = ("PERSON", "ORG", "PLACE")


def overlaps(a, b):
    return min(a[1], b[1]) > max(a[0], b[0])


def predicted_mentions(pred):
    out = {}
    for ent in pred.get("entities", []):
        typ = TYPE_MAP.get(str(ent.get("type", "")).upper())
        if typ is None:
            continue
        for m in ent.get("mentions", []):
            out.setdefault((m["start"], m["end"]), typ)
    return out


def score(gold, pred, tally, confusion, errors, name, text):
    gm = {(g["start"], g["end"]): g["type"] for g in gold["entities"] if not g["optional"]}
    opt = [(g["start"], g["end"]) for g in gold["entities"] if g["optional"]]
    pm = {s: t for s, t in predicted_mentions(pred).items() if not any(overlaps(s, o) for o in opt)}
    for span, typ in gm.items():
        got = pm.get(span)
        confusion[(typ, got or "none")] += 1
        if got == typ:
            tally[typ]["tp"] += 1
        else:
            tally[typ]["fn"] += 1
            errors.append((name, "missed" if got is None else f"typed {got}", typ, text[span[0]:span[1]]))
            if got is not None:
                tally[got]["fp"] += 1
    for span, typ in pm.items():
        if span not in gm:
            tally[typ]["fp"] += 1
            confusion[("none", typ)] += 1
            errors.append((name, "extra", typ, text[span[0]:span[1]]))


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--name", default="analyser")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    tally = collections.defaultdict(lambda: collections.Counter())
    confusion = collections.Counter()
    errors = []
    names = sorted(n[: -len(".gold.json")] for n in os.listdir(a.gold) if n.endswith(".gold.json"))
    for name in names:
        gold = json.load(open(os.path.join(a.gold, name + ".gold.json"), encoding="utf-8"))
        path = os.path.join(a.gold, name + ".txt")
        text = open(path, encoding="utf-8").read()
        cmd = [w.replace("{}", path) for w in shlex.split(a.cmd)]
        out = subprocess.run(cmd, capture_output=True, check=True, stdin=subprocess.DEVNULL).stdout
        score(gold, json.loads(out), tally, confusion, errors, name, text)
    total = collections.Counter()
    print(f"{a.name} on {a.gold} ({len(names)} documents)")
    print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for k in KINDS:
        total.update(tally[k])
        p, r, f = prf(tally[k])
        print(f"{k:8} {p:6.3f} {r:6.3f} {f:6.3f} {tally[k]['tp'] + tally[k]['fn']:6d}")
    p, r, f = prf(total)
    print(f"{'all':8} {p:6.3f} {r:6.3f} {f:6.3f} {total['tp'] + total['fn']:6d}")
    print("confusion (gold -> predicted): " + ", ".join(
        f"{g}->{p} {n}" for (g, p), n in sorted(confusion.items()) if g != p))
    for e in errors[: a.errors]:
        print("  " + " | ".join(e))


if __name__ == "__main__":
    main()
