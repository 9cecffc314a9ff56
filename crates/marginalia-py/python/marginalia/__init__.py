"""Marginalia's analysis of news articles from Python.

Every result is the same object the command line prints: ``analyze`` and ``analyze_file`` give
what ``marginalia analyze FILE --json`` gives, and ``voices_report`` what ``marginalia voices
--json`` gives. The work runs in Rust with the GIL released, so threads, processes and Dask
workers all run in parallel.

Voices tables are plain dicts that can be pickled and sent between processes: build one per
article with ``voices_of_file``, combine any number with ``merge_voices`` (in any grouping or
order), and turn the result into the report with ``voices_report``.
"""

import contextlib
import gc
import itertools
import json
from typing import Iterable, Iterator, List, Optional

from . import _core

__all__ = [
    "analyze",
    "analyze_file",
    "analyze_many",
    "analyze_each",
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


# How many texts ``analyze_each`` reads and analyses at a time: enough to keep every core busy
# on short articles, few enough that the texts and results of one batch are small.
BATCH = 256


def analyze_many(texts: Iterable[str], jobs: Optional[int] = None) -> List[dict]:
    """The analyses of ``texts``, in order, on ``jobs`` threads (every core by default)."""
    with _collector_paused():
        return list(analyze_each(texts, jobs))


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector paused, then put back as it was. Results are trees of dicts and
    lists with no cycles, and a list of thousands of them would otherwise be walked again at
    every collection while it grows (a third of the time of ``analyze_many`` on 10,000 texts)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyze_each(
    texts: Iterable[str], jobs: Optional[int] = None, batch: int = BATCH
) -> Iterator[dict]:
    """The analyses of ``texts``, in order, one at a time: ``texts`` is read ``batch`` at a time
    and each batch analysed on ``jobs`` threads, so an archive of any size (a generator reading
    files, say) runs in the memory of one batch when the results are written out as they come."""
    it = iter(texts)
    while True:
        chunk = list(itertools.islice(it, max(1, batch)))
        if not chunk:
            return
        for s in _core.analyze_many_json(chunk, jobs):
            yield json.loads(s)


def voices_of_file(path) -> dict:
    """The voices table of one article, ready to merge."""
    return json.loads(_core.voices_of_file_json(str(path)))


def merge_voices(tables: Iterable[dict]) -> dict:
    """Tables of different articles merged into one."""
    return json.loads(_core.merge_voices_json([json.dumps(t) for t in tables]))


def voices_report(table: dict) -> dict:
    """Who is quoted, as ``marginalia voices --json`` prints it."""
    return json.loads(_core.voices_report_json(json.dumps(table)))
