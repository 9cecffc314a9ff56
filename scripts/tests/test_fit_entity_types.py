"""The typer fitting script decides as the binary does, so its held-out figures are the binary's."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "fit"))
import fit_entity_types as fit  # noqa: E402


def test_it_judges_as_many_mentions_as_the_binary():
    rust = os.path.join(ROOT, "crates", "marginalia-core", "src", "analysis", "typer", "mod.rs")
    with open(rust, encoding="utf-8") as fh:
        found = re.search(r"const JUDGED_MENTIONS: usize = (\d+);", fh.read())
    assert found and int(found.group(1)) == fit.JUDGED_MENTIONS


def test_only_an_entitys_first_mentions_decide():
    weights = {"person": [1.0, 0.0, 0.0, 0.0], "place": [0.0, 0.0, 1.0, 0.0]}
    first = fit.JUDGED_MENTIONS // 2 + 1
    rows = [{"doc": "d", "entity": 0, "features": ["person"]}] * first
    rows += [{"doc": "d", "entity": 0, "features": ["place"]}] * (3 * fit.JUDGED_MENTIONS)
    assert fit.decide(rows, weights)[("d", 0)] == fit.CLASSES.index("PERSON")
