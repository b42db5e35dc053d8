"""Engines run shards: in this process, in local worker processes, or on a dask.distributed cluster.

Each keeps at most ``2 x workers`` shards in flight, so a corpus of any size streams through in
constant memory, and yields results as they finish (the runner commits them by shard index, so the
order does not change the output).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from eventcoder.run.shards import RunConfig, Shard, ShardResult, process_shard


def run_in_process(shards: Iterable[Shard], config: RunConfig) -> Iterator[ShardResult]:
    for shard in shards:
        yield process_shard(shard, config)


def run_local(shards: Iterable[Shard], config: RunConfig, workers: int) -> Iterator[ShardResult]:
    """``workers`` spawned processes; each loads Stanza and the dictionaries once."""
    if workers <= 1:
        yield from run_in_process(shards, config)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        pending: list[Any] = []
        iterator = iter(shards)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * workers:
                shard = next(iterator, None)
                if shard is None:
                    exhausted = True
                else:
                    pending.append(pool.apply_async(process_shard, (shard, config)))
            if not pending:
                break
            ready = next((p for p in pending if p.ready()), None)
            if ready is None:
                pending[0].wait(0.05)
                continue
            pending.remove(ready)
            yield ready.get()


def run_dask(shards: Iterable[Shard], config: RunConfig, workers: int, scheduler: str | None) -> Iterator[ShardResult]:
    """On the dask.distributed cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        iterator = iter(shards)
        futures = as_completed()
        for in_flight, shard in enumerate(iterator, start=1):
            futures.add(client.submit(process_shard, shard, config, pure=False))
            if in_flight >= window:
                break
        for future in futures:
            result = future.result()
            future.release()
            yield result
            shard = next(iterator, None)
            if shard is not None:
                futures.add(client.submit(process_shard, shard, config, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
