#!/usr/bin/env python3
"""Extract the list of common English words in assets/knowledge/ from the SCOWL word lists.

    apt-get install -y wbritish wamerican
    python3 scripts/extract_words.py assets/knowledge

Debian's wbritish and wamerican packages hold Kevin Atkinson's SCOWL lists (permissive licence,
see assets/knowledge/english_words.LICENSE). Only words written wholly in lower case are kept:
those are the common nouns, verbs and adjectives, so a capitalised word whose lower-case form is
listed may owe its capital to the sentence start. Output: one word per line, sorted, UTF-8.
"""
import sys
from pathlib import Path

SOURCES = ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/knowledge")
    words = set()
    for src in SOURCES:
        for line in Path(src).read_text(encoding="utf-8").splitlines():
            w = line.strip()
            if w and w.isalpha() and w.islower() and w.isascii():
                words.add(w)
    path = out / "english_words.txt"
    path.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{path}: {len(words)} words")


if __name__ == "__main__":
    main()
