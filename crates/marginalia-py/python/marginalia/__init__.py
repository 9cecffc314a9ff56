"""Marginalia's analysis of news articles from Python.

Every result is the same object the command line prints: ``analyze`` and ``analyze_file`` give
what ``marginalia analyze FILE --json`` gives, and ``voices_report`` what ``marginalia voices
--json`` gives. The work runs in Rust with the GIL released, so threads, processes and Dask
workers all run in parallel.

Voices tables are plain dicts that can be pickled and sent between processes: build one per
article with ``voices_of_file``, combine any number with ``merge_voices`` (in any grouping or
order), and turn the result into the report with ``voices_report``.
"""

import json
from typing import Iterable, List, Optional

from . import _core

__all__ = [
    "analyze",
    "analyze_file",
    "analyze_many",
    "voices_of_file",
    "merge_voices",
    "voices_report",
]


def analyze(text: str) -> dict:
    """The analysis of ``text``: quotes with speakers, entities, figures."""
    return json.loads(_core.analyze_json(text))


def analyze_file(path) -> dict:
    """The analysis of the article at ``path`` (.txt, .md, .html); ``OSError`` names a bad file."""
    return json.loads(_core.analyze_file_json(str(path)))


def analyze_many(texts: Iterable[str], jobs: Optional[int] = None) -> List[dict]:
    """The analyses of ``texts``, in order, on ``jobs`` threads (every core by default)."""
    return [json.loads(s) for s in _core.analyze_many_json(list(texts), jobs)]


def voices_of_file(path) -> dict:
    """The voices table of one article, ready to merge."""
    return json.loads(_core.voices_of_file_json(str(path)))


def merge_voices(tables: Iterable[dict]) -> dict:
    """Tables of different articles merged into one."""
    return json.loads(_core.merge_voices_json([json.dumps(t) for t in tables]))


def voices_report(table: dict) -> dict:
    """Who is quoted, as ``marginalia voices --json`` prints it."""
    return json.loads(_core.voices_report_json(json.dumps(table)))
