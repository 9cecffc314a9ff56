#!/usr/bin/env python3
"""Turn GUM documents into article texts with gold name mentions, in the gold format score.py reads.

  gum_gold.py SOURCES_DIR OUT_DIR

SOURCES_DIR holds GUM's `not-to-release/sources/*.conllu` (entity types and coreference in the MISC
column). OUT_DIR gets two folders, `fit/` and `heldout/`, of NAME.txt + NAME.gold.json. Every genre is
used except news (`GUM_news_*` is held out of everything: it is never read). Of the rest, sorted by
name, every fifth document goes to `heldout/`: the weights are fitted on `fit/` only and reported on
`heldout/`.

A gold mention is a GUM mention whose syntactic head is a proper noun: its span is the run of proper
nouns around the head inside the mention (with "of", "the", "and", "&" and hyphens between them),
as news names are usually marked. A person's name starts after its last title ("Pennsylvania
Senator Rick Santorum" gives "Rick Santorum"), and a title alone ("the President") is optional.
Any other name also runs over capitalised adjectives, verbs, nouns and numbers and keeps its title
words ("United States", "European Union", "St. Louis"): UD tags such words by their part of
speech, and news NER conventions count them in the name. Person, organization and place map to
PERSON, ORG and PLACE; named mentions of other kinds (events, works, objects) are optional,
neither rewarded nor punished. A mention inside another gold mention is dropped, so the outermost
name counts, once. `person_chains` lists every mention of a person (pronouns and descriptions too)
with its coreference chain, for fitting the pronoun resolver.
"""
import json
import os
import re
import sys

TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
          "president", "senator", "sen", "governor", "gov", "king", "queen", "prince", "princess",
          "pope", "saint", "st", "general", "gen", "captain", "capt", "colonel", "col", "judge",
          "justice", "mayor", "minister", "secretary", "chancellor", "rev", "reverend", "father",
          "uncle", "aunt", "sister", "brother", "emperor", "empress", "duke", "count", "sergeant",
          "officer", "detective", "chief", "coach", "representative", "rep", "senior", "junior",
          "vice", "speaker"}
CONNECTORS = {"of", "the", "&", "-", "de", "du", "von", "van", "der", "la", "le", "for"}
# Parts of speech that, capitalised, belong to the name of an organisation or a place: UD tags
# the words of a name by what they are ("New" ADJ, "United" VERB, "Science" NOUN).
NAME_WORD_POS = {"ADJ", "NOUN", "NUM", "VERB"}


def parse_entity_field(value):
    """The opening (id, attributes) and closing ids of GUM's `Entity=` field, in order."""
    events, i = [], 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            attrs = value[i + 1:j]
            events.append(("open", attrs.split("-")[0], attrs))
            if j < len(value) and value[j] == ")":
                events.append(("close", attrs.split("-")[0], None))
                j += 1
            i = j
        elif value[i].isdigit():
            j = i
            while j < len(value) and value[j].isdigit():
                j += 1
            events.append(("close", value[i:j], None))
            i = j + 1
        else:
            i += 1
    return events


def misc_field(misc, key):
    for part in misc.split("|"):
        if part.startswith(key + "="):
            return part[len(key) + 1:]
    return None


class Doc:
    """A GUM document read into one text with word offsets, sentences and mentions."""

    def __init__(self, name):
        self.name = name
        self.text = ""
        self.words = []  # dicts: start, end, form, upos, head (global index or None), sent
        self.mentions = []  # dicts: first, last (word indexes), etype, identity

    def add_text(self, s):
        self.text += s


def read_doc(path):
    doc = Doc(os.path.basename(path)[: -len(".conllu")])
    open_mentions = {}
    chains_seen = set()
    sent_words = []
    new_par = True
    mwt_end, mwt_span, mwt_space, mwt_at = -1, None, True, 0

    def finish_sentence():
        base = len(doc.words)
        for w in sent_words:
            w["head"] = base + w["head_local"] - 1 if w["head_local"] > 0 else None
        doc.words.extend(sent_words)
        sent_words.clear()

    sent_no = 0
    par_no = 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newpar"):
            if line.strip() in ("# newpar",) or line.startswith("# newpar_block"):
                new_par = True
            continue
        if line.startswith("#"):
            continue
        if not line:
            if sent_words:
                finish_sentence()
                sent_no += 1
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        tid, form, lemma, upos, xpos, head, deprel, misc = (cols[0], cols[1], cols[2], cols[3], cols[4],
                                                            cols[6], cols[7], cols[9])
        if "." in tid:
            continue
        if not sent_words and mwt_end < 0:
            if doc.text:
                doc.text = doc.text.rstrip(" ")
                doc.add_text("\n\n" if new_par else " ")
                par_no += new_par
            new_par = False
        if "-" in tid:
            lo, hi = tid.split("-")
            mwt_end = int(hi)
            start = len(doc.text)
            doc.add_text(form)
            mwt_span = (start, len(doc.text))
            mwt_space = misc_field(misc, "SpaceAfter") != "No"
            mwt_at = start
            continue
        index = int(tid)
        if mwt_span is not None and index <= mwt_end:
            start, end = mwt_span
            # A part that spells the start of what is left ("Daniel" of "Daniel's") gets its own span.
            if doc.text.startswith(form, mwt_at) and mwt_at + len(form) <= end:
                start, end = mwt_at, mwt_at + len(form)
                mwt_at = end
            elif index == mwt_end and mwt_at < end:
                start = mwt_at
            space = mwt_space if index == mwt_end else False
            if index == mwt_end:
                mwt_end, mwt_span = -1, None
        else:
            start = len(doc.text)
            doc.add_text(form)
            end = len(doc.text)
            space = misc_field(misc, "SpaceAfter") != "No"
        word = {"start": start, "end": end, "form": form, "upos": upos, "xpos": xpos,
                "lemma": lemma, "deprel": deprel, "par": par_no,
                "head_local": int(head) if head.isdigit() else 0, "sent": sent_no}
        global_index = len(doc.words) + len(sent_words)
        sent_words.append(word)
        entity = misc_field(misc, "Entity")
        if entity:
            for kind, eid, attrs in parse_entity_field(entity):
                if kind == "open":
                    parts = attrs.split("-")
                    etype = parts[1] if len(parts) > 1 else ""
                    identity = parts[7] if len(parts) > 7 else None
                    open_mentions.setdefault(eid, []).append((global_index, etype, identity))
                    chains_seen.add(eid)
                elif open_mentions.get(eid):
                    first, etype, identity = open_mentions[eid].pop()
                    doc.mentions.append({"first": first, "last": global_index, "etype": etype,
                                         "identity": identity, "chain": eid})
        if space and mwt_span is None:
            doc.add_text(" ")
    if sent_words:
        finish_sentence()
    doc.text = re.sub(r" +\n", "\n", doc.text).rstrip() + "\n"
    return doc


def head_of(doc, first, last):
    for i in range(first, last + 1):
        h = doc.words[i]["head"]
        if h is None or h < first or h > last:
            return i
    return first


def name_span(doc, first, last, head, compound=False):
    """The run of proper nouns around the head, inside the mention, a person's titles left out.

    With `compound` (any name but a person's: organisations, places, and the events and works
    scored as neither), the name also runs over capitalised adjectives, verbs, common nouns and
    numbers, which UD tags by their part of speech ("New York", "United States", "International
    Computer Science Institute"), as news NER conventions count them in the name; so "27th Moscow
    International Film Festival", an event the scores leave open, holds "Moscow" as news NER
    would, instead of leaving it a place of its own. A person is only proper nouns ("Fatos Nano",
    not "Albanian Fatos Nano")."""
    def is_name_word(i):
        w = doc.words[i]
        if w["upos"] == "PROPN":
            return True
        return compound and w["upos"] in NAME_WORD_POS and w["form"][:1].isupper()

    lo = hi = head
    while lo > first:
        w = doc.words[lo - 1]
        if is_name_word(lo - 1):
            lo -= 1
        elif w["form"].lower() in CONNECTORS and lo - 2 >= first and is_name_word(lo - 2):
            lo -= 2
        else:
            break
    while hi < last:
        w = doc.words[hi + 1]
        if is_name_word(hi + 1):
            hi += 1
        elif w["form"].lower() in CONNECTORS and hi + 2 <= last and is_name_word(hi + 2):
            hi += 2
        else:
            break
    if not compound:
        # "Pennsylvania Senator Rick Santorum": a person's name starts after the last title. Other
        # names keep theirs: "St. Louis", "General Motors", "King's College".
        lo = max([lo] + [i + 1 for i in range(lo, hi) if is_title(doc, i)])
    return doc.words[lo]["start"], doc.words[hi]["end"]


def is_title(doc, i):
    """Whether word `i` is a title or rank ("Senator", "Vice", "Dr.")."""
    return doc.words[i]["form"].lower().rstrip(".") in TITLES


def gold_entities(doc):
    found = {}
    for m in doc.mentions:
        head = head_of(doc, m["first"], m["last"])
        if doc.words[head]["upos"] != "PROPN":
            continue
        typ = TYPES.get(m["etype"])
        start, end = name_span(doc, m["first"], m["last"], head, compound=typ != "PERSON")
        if typ == "PERSON" and doc.words[head]["xpos"] == "NNPS":
            typ = None  # a group named by a plural ("the Huguenots") is not one person
        only_head = (start, end) == (doc.words[head]["start"], doc.words[head]["end"])
        if typ == "PERSON" and only_head and is_title(doc, head):
            typ = None  # "the President" alone: a title, which news NER leaves unnamed
        name = (m["identity"] or doc.text[start:end]).replace("_", " ")
        span = (start, end)
        if span in found and found[span]["type"] is not None:
            continue
        found[span] = {"start": start, "end": end, "text": doc.text[start:end], "type": typ,
                       "name": name}
    spans = sorted(found, key=lambda s: (s[0], -s[1]))
    kept = []
    for s in spans:
        if any(k[0] <= s[0] and s[1] <= k[1] for k in kept):
            continue
        kept.append(s)
    out = []
    for s in kept:
        e = found[s]
        optional = e["type"] is None
        out.append({**e, "type": e["type"] or "MISC", "optional": optional})
    return out


def person_chains(doc):
    """Every mention of a person, pronouns included, with its coreference chain: what the
    pronoun resolver is fitted on (`[start, end, chain]`, chars)."""
    return [[doc.words[m["first"]]["start"], doc.words[m["last"]]["end"], int(m["chain"])]
            for m in doc.mentions if m["etype"] == "person"]


# Verbs that report speech, by lemma: a quotation whose clause hangs on one of them (or that one
# hangs on) is attributed to the verb's subject.
SPEECH_LEMMAS = {
    "say", "tell", "ask", "add", "reply", "answer", "respond", "explain", "shout", "yell", "cry",
    "call", "whisper", "murmur", "mutter", "exclaim", "declare", "state", "announce", "admit",
    "argue", "claim", "insist", "suggest", "warn", "note", "continue", "write", "laugh", "sigh",
    "scream", "snap", "repeat", "agree", "protest", "observe", "remark", "recall", "report",
    "tweet", "post", "comment", "demand", "beg", "plead", "promise", "assure", "confirm", "deny",
    "joke", "concede", "acknowledge", "wonder", "whine", "groan", "hiss", "growl", "interrupt",
    "begin", "offer", "point", "describe", "put", "chime", "quip", "retort", "stammer", "breathe",
}
OPENING = {"\u201c", "``"}
CLOSING = {"\u201d", "''"}


def quotations(doc):
    """(first, last) word indexes inside each quotation: curly marks pair as written, straight
    ones alternate within a paragraph."""
    out, open_at, par = [], None, None
    for i, w in enumerate(doc.words):
        if w["par"] != par:
            open_at, par = None, w["par"]
        f = w["form"]
        if f in OPENING or (f == '"' and open_at is None):
            open_at = i
        elif (f in CLOSING or f == '"') and open_at is not None:
            if i - open_at > 1:
                out.append((open_at + 1, i - 1))
            open_at = None
    return out


def children(doc):
    kids = [[] for _ in doc.words]
    for i, w in enumerate(doc.words):
        if w["head"] is not None:
            kids[w["head"]].append(i)
    return kids


def subject_of(doc, kids, v):
    """The subject of verb `v`, or of the verb it is joined to by "and"."""
    for _ in range(3):
        subj = [k for k in kids[v] if doc.words[k]["deprel"] in ("nsubj", "nsubj:outer")]
        if subj:
            return subj[0]
        if doc.words[v]["deprel"] == "conj" and doc.words[v]["head"] is not None:
            v = doc.words[v]["head"]
        else:
            return None
    return None


def speech_verb(doc, kids, first, last):
    """A speech verb outside the quotation joined to a word inside it, nearest first."""
    inside = range(first, last + 1)
    found = []
    for i in inside:
        h = doc.words[i]["head"]
        if h is not None and not first <= h <= last:
            found.append(h)
        found += [k for k in kids[i] if not first <= k <= last]
    verbs = [v for v in found if doc.words[v]["lemma"].lower() in SPEECH_LEMMAS
             and doc.words[v]["upos"] in ("VERB", "AUX")
             and abs(doc.words[v]["sent"] - doc.words[first]["sent"]) <= 1
             or v in found and doc.words[v]["lemma"].lower() in SPEECH_LEMMAS
             and doc.words[v]["upos"] in ("VERB", "AUX")
             and abs(doc.words[v]["sent"] - doc.words[last]["sent"]) <= 1]
    if not verbs:
        return None
    return min(verbs, key=lambda v: min(abs(v - first), abs(v - last)))


def quote_speakers(doc):
    """Each quotation whose speech verb has a subject in a coreference chain of a person or an
    organisation: `{start, end, chain, cue, named}`. `cue` says how the subject is written
    (`name`, `pronoun`, `first` for "I" and "we", or `noun`); `named` whether the chain has a proper name anywhere, so a
    reader that marks names could give it."""
    kids = children(doc)
    smallest = {}
    for m in doc.mentions:
        for i in range(m["first"], m["last"] + 1):
            old = smallest.get(i)
            if old is None or m["last"] - m["first"] < old["last"] - old["first"]:
                smallest[i] = m
    named_chains = {m["chain"] for m in doc.mentions
                    if doc.words[head_of(doc, m["first"], m["last"])]["upos"] == "PROPN"}
    out = []
    for first, last in quotations(doc):
        v = speech_verb(doc, kids, first, last)
        subj = None if v is None else subject_of(doc, kids, v)
        m = None if subj is None else smallest.get(subj)
        if m is None or m["etype"] not in ("person", "organization"):
            continue
        upos = doc.words[subj]["upos"]
        cue = "name" if upos == "PROPN" else "pronoun" if upos == "PRON" else "noun"
        if cue == "pronoun" and doc.words[subj]["form"].lower() in ("i", "we"):
            cue = "first"  # a narrator or a letter writer, not a reported speaker
        out.append({"start": doc.words[first]["start"], "end": doc.words[last]["end"],
                    "chain": int(m["chain"]), "cue": cue, "named": m["chain"] in named_chains,
                    "subject": doc.words[subj]["form"], "verb": doc.words[v]["form"]})
    return out


def chain_mentions(doc):
    """Every mention of a person or organisation with its chain (`[start, end, chain]`)."""
    return [[doc.words[m["first"]]["start"], doc.words[m["last"]]["end"], int(m["chain"])]
            for m in doc.mentions if m["etype"] in ("person", "organization")]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    names = sorted(f for f in os.listdir(src) if f.endswith(".conllu") and not f.startswith("GUM_news_"))
    counts = {"fit": 0, "heldout": 0}
    for k, f in enumerate(names):
        part = "heldout" if k % 5 == 4 else "fit"
        doc = read_doc(os.path.join(src, f))
        folder = os.path.join(out, part)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, doc.name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(doc.text)
        gold = {"file": doc.name + ".txt", "quotes": [], "figures": [], "entities": gold_entities(doc),
                "person_chains": person_chains(doc), "quote_speakers": quote_speakers(doc),
                "speaker_chains": chain_mentions(doc)}
        with open(os.path.join(folder, doc.name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(gold, fh, ensure_ascii=False, indent=1)
        counts[part] += 1
    print(f"{counts['fit']} documents to fit on, {counts['heldout']} held out, in {out}")


if __name__ == "__main__":
    main()
