"""The analysis on Dask: a bag over a folder of articles on a two-worker local cluster gives the
same voices table as ``marginalia voices`` on the folder."""

import json
import subprocess

import pytest

import marginalia

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


def test_a_two_worker_cluster_gives_the_voices_of_the_command_line(binary, archive):
    files = sorted(str(p) for p in archive.rglob("*.*"))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        bag = dask_bag.from_sequence(files, npartitions=4)
        table = (
            bag.map(marginalia.voices_of_file)
            .reduction(marginalia.merge_voices, marginalia.merge_voices)
            .compute()
        )
        analyses = bag.map(marginalia.analyze_file).compute()
    report = marginalia.voices_report(table)
    cli = subprocess.run(
        [str(binary), "voices", str(archive), "--json"], check=True, capture_output=True, text=True
    )
    assert report == json.loads(cli.stdout)
    assert report["articles"] == len(files)
    assert report["quotes"] == sum(len(a["quotes"]) for a in analyses)
