#!/usr/bin/env python3
"""How often the analyser gives a quotation to the right speaker, on GUM's quotations.

  speakers.py --gold DIR [--gold DIR ...] [--bin target/release/marginalia] [--errors N]

DIR is a folder written by gum_gold.py. Its `quote_speakers` are the quotations whose speech verb
(by GUM's dependency trees) has a subject in a coreference chain of a person or an organisation
whose chain holds a proper name somewhere, so a reader that marks names could name it. A quotation
counts as found when one of the analyser's quotes overlaps it; its speaker is right when one of the
speaker entity's mentions overlaps a mention of the gold chain. Scores are split by how the subject
of the speech verb is written: a name ("Pete said"), a third-person pronoun ("he said"), a noun
("the judge said") or the first person ("I said", a narrator's), as the real-news measures split
them.
"""
import argparse
import collections
import json
import os
import subprocess


def overlaps(a, b):
    return min(a[1], b[1]) > max(a[0], b[0])


def analyses(binary, folder):
    out = subprocess.run([binary, "analyze", "--jsonl", folder], capture_output=True, check=True,
                         stdin=subprocess.DEVNULL).stdout.decode("utf-8")
    by_name = {}
    for line in out.splitlines():
        a = json.loads(line)
        by_name[os.path.basename(a["file"])[: -len(".txt")]] = a
    return by_name


def judge(gold, pred):
    """(cue, found, right, detail) for each attributable gold quotation of one document."""
    chains = collections.defaultdict(list)
    for start, end, chain in gold.get("speaker_chains", []):
        chains[chain].append((start, end))
    ents = {e["id"]: e for e in pred.get("entities", [])}
    for q in gold.get("quote_speakers", []):
        if not q["named"]:
            continue
        span = (q["start"], q["end"])
        mine = [p for p in pred.get("quotes", []) if overlaps(span, (p["start"], p["end"]))]
        if not mine:
            yield q["cue"], False, False, (q, None)
            continue
        right = False
        for p in mine:
            sp = p.get("speaker") or {}
            ent = ents.get(sp.get("entity"))
            if ent and any(overlaps((m["start"], m["end"]), c) for m in ent["mentions"]
                           for c in chains[q["chain"]]):
                right = True
        yield q["cue"], True, right, (q, mine[0].get("speaker"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", required=True)
    ap.add_argument("--bin", default=os.path.join("target", "release", "marginalia"))
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong speakers")
    a = ap.parse_args()
    tally = collections.defaultdict(lambda: [0, 0, 0])
    wrong = []
    for folder in a.gold:
        preds = analyses(a.bin, folder)
        for n in sorted(f for f in os.listdir(folder) if f.endswith(".gold.json")):
            name = n[: -len(".gold.json")]
            gold = json.load(open(os.path.join(folder, n), encoding="utf-8"))
            text = open(os.path.join(folder, name + ".txt"), encoding="utf-8").read()
            for cue, found, right, (q, said) in judge(gold, preds.get(name, {})):
                for key in (cue, "all"):
                    t = tally[key]
                    t[0] += 1
                    t[1] += found
                    t[2] += right
                if found and not right:
                    wrong.append((name, cue, q["subject"], q["verb"], (said or {}).get("name"),
                                  text[q["start"]:q["end"]][:60]))
    print(f"{'cue':8} {'quotes':>6} {'found':>6} {'right':>6} {'right/found':>11}")
    for key in ("name", "pronoun", "noun", "first", "all"):
        n, found, right = tally[key]
        if n:
            print(f"{key:8} {n:6d} {found:6d} {right:6d} {right / found if found else 0:11.3f}")
    for w in wrong[: a.errors]:
        print("  wrong:", w)


if __name__ == "__main__":
    main()
