#!/usr/bin/env python3
"""Extract the company and club gazetteers in assets/knowledge/ from two public-domain lists.

    git clone https://github.com/datasets/s-and-p-500-companies   # ODC-PDDL 1.0
    git clone https://github.com/openfootball/clubs               # CC0 1.0
    python3 scripts/extract_orgs.py s-and-p-500-companies openfootball-clubs assets/knowledge

Writes `companies.tsv` (the S&P 500's companies, each under its listed name and that name without
its legal ending: "Goldman Sachs Group" and "Goldman Sachs") and `clubs.tsv` (football clubs under
their names and aliases: "Real Madrid", "Bayern Munich"), as `surface<TAB>canonical` lines.

Only surfaces that cannot be read as something else are kept, so the lists add names without
taking any from the other gazetteers:
- one-word surfaces only when they are not an English word in any case ("Apple", "Target"),
  a given name or surname ("Ford"), or a place ("Chelsea", "Liverpool");
- no surface the other gazetteers already hold, and none of two letters or fewer.
"""
import csv
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

LEGAL_ENDINGS = re.compile(
    r"(,?\s+(Inc\.?|Corp\.?|Corporation|Company|Co\.?|Companies|Group|Holdings|plc|PLC|Ltd\.?|"
    r"International|Incorporated|& Co\.?|& Company))+$"
)
SHARE_CLASS = re.compile(r"\s*\((Class|Series) [A-Z]\)$")
LANGUAGE_TAG = re.compile(r"\s*\[[a-z]{2}\]")
CLUB_ENDINGS = re.compile(r"^(FC|AFC|SC|CF|AC|SV|VfB|VfL|1\. FC)\s+|\s+(FC|AFC|SC|CF|F\.C\.)$")


def surfaces_of(path):
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0])
    return out


def taken_elsewhere(knowledge):
    """Every surface and word the other lists hold, and the English words in lower case."""
    names = set()
    for f in ["countries.tsv", "regions.tsv", "cities.tsv", "places_extra.tsv", "demonyms.tsv",
              "groups.tsv", "orgs.tsv"]:
        names |= surfaces_of(knowledge / f)
    words = set()
    for f in ["given_names.txt", "surnames.txt", "common_words.txt"]:
        words |= surfaces_of(knowledge / f)
    english = {w.lower() for w in surfaces_of(knowledge / "english_words.txt")}
    return names, words, english


def keep(surface, names, words, english):
    if len(surface) <= 2 or surface in names:
        return False
    if " " not in surface:
        bare = surface.replace("'s", "")
        return bare not in words and bare.lower() not in english
    return True


def committed_files(repo, suffix):
    """The text of every file of a clone's last commit whose path ends with `suffix`, in path
    order (a checkout or a bare mirror alike)."""
    git = ["git", "-C", str(repo)]
    paths = subprocess.run(git + ["ls-tree", "-r", "HEAD", "--name-only"], capture_output=True,
                           check=True).stdout.decode("utf-8").splitlines()
    for path in sorted(p for p in paths if p.endswith(suffix)):
        yield subprocess.run(git + ["show", "HEAD:" + path], capture_output=True,
                             check=True).stdout.decode("utf-8")


def companies(repo):
    for text in committed_files(repo, "data/constituents.csv"):
        for row in csv.DictReader(text.splitlines()):
            listed = SHARE_CLASS.sub("", row.get("Security") or row.get("Name") or "").strip()
            if not listed:
                continue
            short = LEGAL_ENDINGS.sub("", listed).strip()
            if short.startswith("The "):
                short = short[4:]
            yield listed, short


def clubs(repo):
    """(surface, canonical) for every club line and alias line of openfootball's lists."""
    for text in committed_files(repo, ".clubs.txt"):
        canonical = None
        for raw in text.splitlines():
            line = raw.split("#")[0].rstrip()
            if not line.strip() or line.startswith("="):
                continue
            if line.lstrip().startswith("|"):
                if canonical:
                    for alias in line.split("|"):
                        alias = CLUB_ENDINGS.sub("", LANGUAGE_TAG.sub("", alias).strip()).strip()
                        if alias:
                            yield alias, canonical
                continue
            if line[0].isspace():
                continue
            name = line.split(",")[0].strip()
            canonical = CLUB_ENDINGS.sub("", name).strip()
            if canonical:
                yield canonical, canonical


def latin(s):
    return all(c.isascii() or (c.isalpha() and ord(c) < 0x250) for c in s) and s[:1].isupper()


def ascii_folded(s):
    """"Atlético" as news wires often type it: "Atletico"."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def write(path, header, pairs, names, words, english):
    seen = {}
    for surface, canonical in pairs:
        surface = " ".join(surface.split())
        for spelling in dict.fromkeys([surface, ascii_folded(surface)]):
            if latin(spelling) and keep(spelling, names, words, english):
                seen.setdefault(spelling, canonical)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for surface in sorted(seen):
            fh.write(f"{surface}\t{seen[surface]}\n")
    print(f"{len(seen)} names written to {path}")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sp, football, out = (Path(a) for a in sys.argv[1:])
    names, words, english = taken_elsewhere(out)
    pairs = []
    for listed, short in companies(sp):
        pairs.append((listed, listed))
        if short and short != listed:
            pairs.append((short, listed))
    write(out / "companies.tsv",
          "# Companies of the S&P 500 under their listed names and without their legal endings:\n"
          "# surface<TAB>canonical. Written by scripts/extract_orgs.py; see assets/README.md.\n",
          pairs, names, words, english)
    write(out / "clubs.tsv",
          "# Football clubs under their names and aliases: surface<TAB>canonical.\n"
          "# Written by scripts/extract_orgs.py; see assets/README.md.\n",
          clubs(football), names, words, english)


if __name__ == "__main__":
    main()
