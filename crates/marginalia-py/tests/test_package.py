"""The Python package gives what the command line gives."""

import gc
import itertools
import json
import subprocess

import pytest

import marginalia


def cli_json(binary, *args):
    out = subprocess.run([str(binary), *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def test_analyze_file_equals_the_command_line(binary, archive):
    for path in sorted(archive.rglob("*.*")):
        assert marginalia.analyze_file(path) == cli_json(binary, "analyze", str(path), "--json")


def test_analyze_text_finds_quotes_speakers_and_figures():
    text = (
        "Budget Vote Delayed in Capital\n"
        "\u201cWe need more time,\u201d said Maria Lopez, a spokeswoman for the Finance Ministry.\n"
        "The council has 12 members.\n"
    )
    got = marginalia.analyze(text)
    assert got["file"] == "<text>"
    assert got["chars"] == len(text)
    assert got["quotes"][0]["text"] == "\u201cWe need more time,\u201d"
    assert got["quotes"][0]["speaker"]["name"] == "Maria Lopez"
    assert any(f["value"] == 12 for f in got["figures"])


def test_analyze_many_keeps_order_and_equals_one_by_one(archive):
    texts = [p.read_text(encoding="utf-8") for p in sorted(archive.rglob("*.txt"))]
    many = marginalia.analyze_many(texts, jobs=2)
    assert many == [marginalia.analyze(t) for t in texts]
    assert marginalia.analyze_many(texts) == many


def test_analyze_each_reads_only_what_is_taken_and_equals_analyze_many(archive):
    texts = [p.read_text(encoding="utf-8") for p in sorted(archive.rglob("*.txt"))]
    assert list(marginalia.analyze_each(texts, jobs=2, batch=2)) == marginalia.analyze_many(texts)
    read = []

    def endless():
        for i in itertools.count():
            read.append(i)
            yield texts[i % len(texts)]

    taken = list(itertools.islice(marginalia.analyze_each(endless(), batch=3), 4))
    assert taken == [marginalia.analyze(texts[i % len(texts)]) for i in range(4)]
    # Two batches of three were read for four results, not the endless rest.
    assert len(read) == 6


def test_analyze_many_leaves_the_cycle_collector_as_it_found_it(archive):
    texts = [p.read_text(encoding="utf-8") for p in sorted(archive.rglob("*.txt"))][:2]
    assert gc.isenabled()
    marginalia.analyze_many(texts)
    assert gc.isenabled()
    gc.disable()
    try:
        marginalia.analyze_many(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        marginalia.analyze_many([texts[0], 42])
    assert gc.isenabled()


def test_a_bad_file_raises_an_error_naming_it(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x9f\x92\x96\x00\x00\x01")
    with pytest.raises(OSError, match="broken.txt"):
        marginalia.analyze_file(bad)


def test_voices_merged_in_any_grouping_equal_the_command_line(binary, archive):
    files = sorted(str(p) for p in archive.rglob("*.*"))
    tables = [marginalia.voices_of_file(f) for f in files]
    halves = [marginalia.merge_voices(tables[::2]), marginalia.merge_voices(tables[1::2])]
    report = marginalia.voices_report(marginalia.merge_voices(halves))
    assert report == cli_json(binary, "voices", str(archive), "--json")
    assert report["quotes"] > 0 and report["speakers"]
