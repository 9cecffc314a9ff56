#!/usr/bin/env python3
"""Writes the small hostile files of this folder (run from the project root:
`python3 tests/hostile/make_corpus.py`). The large and special cases (a 60 MB sidecar, 300,000
notes, 100,000 nested <div>s, FIFOs, devices, folders) are made by tests/hostile_inputs.rs at run
time instead of being kept here.

sidecars/NAME.json are annotation files for `story.txt`, the sample article; articles/NAME.EXT are
article files. Each name says what is wrong with it."""
import json
import os
import random
import subprocess

ROOT = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(ROOT, "..", "..", "samples", "haiti-kenya.txt")
TEXT = open(SAMPLE, encoding="utf-8").read().replace("\r\n", "\n")
rng = random.Random(7)


def note(i, start, end, **kw):
    a = {"id": f"00000000-0000-4000-8000-{i:012d}", "created": "2026-11-28T21:04:05Z",
         "modified": "2026-11-28T21:04:05Z", "author": "Amina",
         "target": {"start": start, "end": end, "exact": TEXT[start:end],
                    "prefix": TEXT[max(0, start - 32):start], "suffix": TEXT[end:end + 32]},
         "note": f"note {i}", "tags": ["t"], "color": "#f2b138", "status": "none",
         "replies": [], "deleted": False}
    a.update(kw)
    return a


def base(**extra):
    s = {"format": "marginalia.annotations", "version": 1,
         "article": {"file": "story.txt", "sha256": "", "chars": len(TEXT), "title": ""},
         "annotations": [note(i, 100 * i + 10, 100 * i + 30) for i in range(5)]}
    s.update(extra)
    return s


def dumps(obj):
    return json.dumps(obj, indent=1, ensure_ascii=False).encode()


def with_field(path, value):
    s = base()
    o = s
    for k in path[:-1]:
        o = o[k]
    if value is DEL:
        del o[path[-1]]
    else:
        o[path[-1]] = value
    return dumps(s)


DEL = object()
valid = dumps(base())
sidecars = {
    "truncated-half": valid[: len(valid) // 2],
    "truncated-end": valid[:-3],
    "empty-file": b"",
    "bom-then-json": b"\xef\xbb\xbf" + valid,
    "binary-noise": bytes(rng.randrange(256) for _ in range(5000)),
    "deep-array-50k": b'{"format":"marginalia.annotations","version":1,"article":{"file":"story.txt"},'
                      b'"annotations":[],"x-deep":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    "deep-object-20k": b'{"format":"marginalia.annotations","version":1,"article":{"file":"story.txt"},'
                       b'"annotations":[],"x-deep":' + b'{"a":' * 20_000 + b"1" + b"}" * 20_000 + b"}",
    "deep-bare-50k": b"[" * 50_000,
    "type-version-string": with_field(["version"], "1"),
    "type-version-negative": with_field(["version"], -1),
    "type-version-float": with_field(["version"], 1.5),
    "type-annotations-object": with_field(["annotations"], {"a": 1}),
    "type-annotations-null": with_field(["annotations"], None),
    "type-article-string": with_field(["article"], "story.txt"),
    "type-article-missing": with_field(["article"], DEL),
    "type-format-missing": with_field(["format"], DEL),
    "type-format-other": with_field(["format"], "something.else"),
    "type-start-string": with_field(["annotations", 0, "target", "start"], "5"),
    "type-exact-number": with_field(["annotations", 0, "target", "exact"], 5),
    "type-tags-string": with_field(["annotations", 0, "tags"], "fact-check"),
    "type-status-unknown": with_field(["annotations", 0, "status"], "wrong"),
    "type-id-number": with_field(["annotations", 0, "id"], 12),
    "type-modified-junk": with_field(["annotations", 0, "modified"], "<img src=x onerror=alert(1)>"),
    "type-chars-negative": with_field(["article", "chars"], -4),
    "version-2": with_field(["version"], 2),
    "version-huge": with_field(["version"], 2**64 - 1),
    "version-over-u64": with_field(["version"], 2**70),
    "version-0": with_field(["version"], 0),
    "nan": valid.replace(b'"version": 1', b'"version": 1, "x-n": NaN', 1),
    "inf-1e999-extra": valid.replace(b'"version": 1', b'"version": 1, "x-n": 1e999', 1),
    "float-start": valid.replace(b'"start": ', b'"start": 5.0, "x-was": ', 1),
    "lone-surrogate-note": valid.replace(b'"note": "note 0"', b'"note": "\\ud800 lone"', 1),
    "invalid-utf8-bytes": valid.replace(b'"note": "note 0"', b'"note": "\xff\xfe\xc3("', 1),
    "escaped-nul-note": valid.replace(b'"note": "note 0"', b'"note": "a\\u0000b"', 1),
    "dup-keys": valid.replace(b'"version": 1', b'"version": 1, "version": 7', 1),
}
for name, (s, e) in {"off-huge": (10**18, 10**18 + 5), "off-u64max": (2**64 - 1, 2**64 - 1),
                     "off-over-u64": (2**64, 2**64 + 1), "off-reversed": (200, 100),
                     "off-past-end": (len(TEXT) + 10, len(TEXT) + 40),
                     "off-end-past-end": (len(TEXT) - 5, len(TEXT) + 1000)}.items():
    sc = base()
    sc["annotations"][0]["target"]["start"] = s
    sc["annotations"][0]["target"]["end"] = e
    sidecars[name] = dumps(sc)
sc = base()
sc["annotations"][1]["id"] = sc["annotations"][0]["id"]
sc["annotations"][1]["note"] = "the other copy"
sidecars["dup-ids"] = dumps(sc)
sc = base()
for a in sc["annotations"]:
    a["id"] = ""
sidecars["empty-ids"] = dumps(sc)
for name, target in {"article-dotdot": "../outside/secret.txt", "article-absolute": "/etc/passwd",
                     "article-empty": "", "article-nul": "story.txt\u0000.x",
                     "article-missing": "not-here.txt"}.items():
    sc = base()
    sc["article"]["file"] = target
    sidecars[name] = dumps(sc)
payload = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n=HYPERLINK(\"x\") ＝1+1"
sc = base()
for a in sc["annotations"]:
    a.update(author=payload, note=payload, tags=[payload, " =1+1"], created=payload,
             color="red;}</style><script>alert(1)</script>",
             replies=[{"id": "r", "created": payload, "author": payload, "note": payload}])
sidecars["injection-everywhere"] = dumps(sc)
# Unknown fields with numbers no float can hold: kept digit for digit.
sc = base(**{"x-top": {"keep": [1, 2, {"deep": True}]}})
sc["article"]["x-art"] = "art-extra"
sc["annotations"][0]["x-big-int"] = 123456789012345678901234567890
sc["annotations"][0]["x-u64-plus-1"] = 18446744073709551616
sc["annotations"][0]["x-exp"] = 0.5
sidecars["unknown-numbers"] = dumps(sc).replace(b"0.5", b"1E+2", 1)

articles = {
    "empty.txt": b"",
    "only-spaces.txt": b" \n\n \t \n",
    "binary.txt": bytes(rng.randrange(256) for _ in range(4000)),
    "nul-in-text.txt": b"Headline\n\nText with a \x00 NUL byte.",
    "bad-utf8.txt": "Caf\u00e9 ".encode("latin-1") * 200 + b"\n\n\xff\xfe\xfd broken \x80\x81",
    "utf16-le.txt": "\ufeffHeadline\n\n\u201cIt works,\u201d she said.".encode("utf-16-le"),
    "utf16-be.txt": "\ufeffHeadline\n\n\u201cIt works,\u201d she said.".encode("utf-16-be"),
    "deep-quote.md": b"> " * 5000 + b"deep\n",
    "deep-list.md": b"".join(b"  " * i + b"- item\n" for i in range(300)),
    "unclosed-tags.html": b"<html><body><article>" + b"<b><i><span>" * 3000 + b"<p>text</p></article>",
    "script-heavy.html": b"<html><body><script>" + b"var a='<div>';" * 20000 + b"</script><p>Para.</p></body></html>",
    "many-quotes.txt": ("Head\n\n" + "\u201c" * 50000 + " said.").encode(),
    "tweet-markup.txt": b'Head\n\n<tweet tweet-id="785842546878578688">Some text</tweet> "Quote," he said.',
}

for folder, files, ext in (("sidecars", sidecars, ".json"), ("articles", articles, "")):
    d = os.path.join(ROOT, folder)
    os.makedirs(d, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(d, name + ext), "wb") as f:
            f.write(data)
print(f"{len(sidecars)} sidecars, {len(articles)} articles")
