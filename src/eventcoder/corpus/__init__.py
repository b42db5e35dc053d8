"""Corpus input: readers for JSONL, CSV, Parquet and directories of .txt files, and the rejects ledger."""

from eventcoder.corpus.document import Document, Rejection
from eventcoder.corpus.readers import FieldMap, ReaderOptions, read_corpus
from eventcoder.corpus.rejects import RejectsWriter

__all__ = ["Document", "FieldMap", "ReaderOptions", "Rejection", "RejectsWriter", "read_corpus"]
