#!/usr/bin/env python3
"""Extract the given-name and surname lists in assets/knowledge/ from the PyPI package Faker (MIT).

    pip install faker
    python3 scripts/extract_names.py assets/knowledge

Faker's person providers hold name lists for some sixty locales. Only Latin-script names are kept
(news text in English spells names that way). Words the hand-written lists already give another
meaning (titles, sentence openers, organisation and place endings) are left out so a name list
never outvotes them. Output: one name per line, sorted, UTF-8.
"""
import importlib
import pkgutil
import sys
from pathlib import Path

import faker.providers.person as person


def latin(s):
    return (
        isinstance(s, str)
        and len(s) >= 2
        and s[0].isupper()
        and all(c.isascii() and (c.isalpha() or c in "-'") or c.isalpha() and ord(c) < 0x250 for c in s)
    )


def names_of(provider, attr):
    v = provider.__dict__.get(attr)
    if isinstance(v, dict):
        return list(v.keys())
    if isinstance(v, (list, tuple, set)):
        return list(v)
    return []


def words(path):
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().rstrip("*")
        if line and not line.startswith("#"):
            out.add(line)
            out.add(line[:1].upper() + line[1:])
    return out


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/knowledge")
    reserved = set()
    for name in ["common_words.txt", "titles.txt", "title_modifiers.txt", "org_words.txt",
                 "place_words.txt", "place_heads.txt", "role_nouns.txt"]:
        reserved |= words(out / name)
    given, family = set(), set()
    female, male = set(), set()
    for m in pkgutil.iter_modules(person.__path__):
        try:
            mod = importlib.import_module(f"{person.__name__}.{m.name}")
        except ImportError:
            continue
        provider = getattr(mod, "Provider", None)
        if provider is None:
            continue
        # Japanese and Chinese providers also give their names in Latin letters.
        for attr in ["first_names", "first_names_male", "first_names_female",
                     "first_romanized_names", "first_romanized_names_male",
                     "first_romanized_names_female"]:
            given.update(n for n in names_of(provider, attr) if latin(n))
        for attr in ["last_names", "last_romanized_names"]:
            family.update(n for n in names_of(provider, attr) if latin(n))
        for attr in ["first_names_female", "first_romanized_names_female"]:
            female.update(n for n in names_of(provider, attr) if latin(n))
        for attr in ["first_names_male", "first_romanized_names_male"]:
            male.update(n for n in names_of(provider, attr) if latin(n))
    # A name given to both girls and boys somewhere says nothing about gender.
    only_female, only_male = female - male, male - female
    for path, names in [(out / "given_names.txt", given), (out / "surnames.txt", family),
                        (out / "female_names.txt", only_female),
                        (out / "male_names.txt", only_male)]:
        lines = sorted(n for n in names if n not in reserved)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path}: {len(lines)} names")


if __name__ == "__main__":
    main()
