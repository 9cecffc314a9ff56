"""Fixtures shared by the package's tests: the repository's articles and the built binary."""

import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def binary() -> pathlib.Path:
    """The command-line binary, built in debug unless MARGINALIA_BIN names one."""
    named = os.environ.get("MARGINALIA_BIN")
    if named:
        return pathlib.Path(named)
    subprocess.run(["cargo", "build", "--quiet", "--bin", "marginalia"], cwd=ROOT, check=True)
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "marginalia"


@pytest.fixture()
def archive(tmp_path) -> pathlib.Path:
    """A folder of real articles (the gold set and the sample), some nested, one as Markdown."""
    sources = sorted((ROOT / "tests" / "gold").glob("*.txt"))[:12]
    sources.append(ROOT / "samples" / "haiti-kenya.txt")
    for i, src in enumerate(sources):
        sub = tmp_path / ("" if i % 3 == 0 else f"year-{i % 3}")
        sub.mkdir(exist_ok=True)
        name = src.name if i % 4 else src.with_suffix(".md").name
        shutil.copy(src, sub / name)
    return tmp_path
