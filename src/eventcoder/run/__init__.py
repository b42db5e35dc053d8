"""The batch runner: shards, the resumable work folder, and the local and dask engines."""

from eventcoder.run.runner import CodeSummary, code_corpus

__all__ = ["CodeSummary", "code_corpus"]
