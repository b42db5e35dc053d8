"""The parse stage: a Stanza Pipeline built from explicit model paths, never touching the network."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.parse.models import PROCESSORS, ModelSet, transformer_path
from eventcoder.parse.sentence import ParsedSentence, Word
from eventcoder.parse.sentence_splits import join_broken_sentences
from eventcoder.parse.shared_features import share_transformer

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the transformer is loaded from a local folder only
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@dataclass(frozen=True, slots=True)
class BatchSizes:
    """Stanza batch sizes (tokenize: characters; pos, lemma, depparse: words)."""

    tokenize: int = 32
    pos: int = 3000
    lemma: int = 3000
    depparse: int = 3000


def _limit_threads(threads: int) -> None:
    """A worker process uses ``threads`` cores in all: OpenMP/MKL pools sized before torch is imported, no
    tokenizer thread pool (Hugging Face tokenizers), one inter-op thread. Called before torch is imported
    in a fresh worker; in a process that already imported torch only ``torch.set_num_threads`` applies."""
    import sys

    if "torch" not in sys.modules:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[var] = str(threads)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import contextlib

        import torch

        with contextlib.suppress(RuntimeError):  # inter-op work already started in this process
            torch.set_num_interop_threads(1)


# Tokens the EWT-trained tokenizer sometimes marks as multi-word ("its" read as "it" + "s", from web text's
# "its" for "it's"); in news they are single words.
SINGLE_WORD_TOKENS = frozenset({"its"})


def keep_whole_tokens(sentences: list[list[object]]) -> list[list[object]]:
    """Stanza ``tokenize_postprocessor``: un-mark the multi-word tokens of :data:`SINGLE_WORD_TOKENS`."""
    return [[t[0] if isinstance(t, tuple) and str(t[0]).lower() in SINGLE_WORD_TOKENS else t for t in sentence]
            for sentence in sentences]


class StanzaParser:
    """Parses document texts into :class:`ParsedSentence` lists with one Stanza pipeline."""

    def __init__(self, model: ModelSet, *, device: str = "cpu", batch_sizes: BatchSizes | None = None,
                 threads: int | None = None, share_features: bool = True) -> None:
        if threads is not None:
            _limit_threads(threads)
        import stanza
        import torch

        if threads is not None:
            torch.set_num_threads(threads)
        logging.getLogger("stanza").setLevel(logging.WARNING)
        sizes = batch_sizes or BatchSizes()
        self.model = model
        options: dict[str, object] = {
            "processors": ",".join(PROCESSORS),
            "download_method": None,
            "device": device,
            "use_gpu": device != "cpu",
            "logging_level": "ERROR",  # e.g. "unsupported language" for the stub resources.json
            "tokenize_batch_size": sizes.tokenize,
            "pos_batch_size": sizes.pos,
            "lemma_batch_size": sizes.lemma,
            "depparse_batch_size": sizes.depparse,
            "foundation_cache": _foundation_cache(model),
            "tokenize_postprocessor": keep_whole_tokens,
        }
        if model.kind == "files":
            options.update({f"{proc}_model_path": str(path) for proc, path in model.files.items()})
            options.update(
                lang=model.manifest.get("lang", "en"),
                dir=str(model.directory),  # holds a stub resources.json: nothing is looked up
                allow_unknown_language=True,
                # no pretrained word vectors or charlm in this model set
                pos_pretrain_path=None,
                depparse_pretrain_path=None,
            )
        else:
            options.update(lang=model.manifest.get("lang", "en"), dir=str(model.directory),
                           package=model.manifest.get("package", "default"))
        self._pipeline = stanza.Pipeline(**options)
        # the tagger's transformer pass serves the parser too (see shared_features); None when not shared
        self.shared_transformer = share_transformer(self._pipeline.processors) if share_features else None

    @property
    def model_id(self) -> str:
        return self.model.model_id

    def parse(self, doc_id: str, text: str) -> list[ParsedSentence]:
        return self.parse_many([(doc_id, text)])[0]

    def process_text(self, text: str):  # type: ignore[no-untyped-def]
        """Run the Stanza pipeline on one text and return Stanza's own Document (for CoNLL-U output)."""
        doc = self._run(text)
        for sentence in doc.sentences:
            for token in sentence.tokens:
                original = text[token.start_char:token.end_char]
                if token.text != original and len(token.words) == 1:
                    token.text = original  # Stanza writes "<UNK>" for very long tokens (URLs)
                    token.words[0].text = original
        return doc

    def parse_many(self, items: Sequence[tuple[str, str]]) -> list[list[ParsedSentence]]:
        """Parse several documents in one Stanza batch; returns their sentences in input order."""
        import stanza

        if not items:
            return []
        docs = [stanza.Document([], text=text) for _, text in items]
        processed = self._run(docs)
        return [_convert(doc_id, doc) for (doc_id, _), doc in zip(items, processed, strict=True)]

    def _run(self, documents):  # type: ignore[no-untyped-def]
        """Tokenize, join broken sentence splits (see sentence_splits), then tag, lemmatize and parse."""
        tokenized = self._pipeline(documents, processors="tokenize,mwt")
        if isinstance(tokenized, list):
            tokenized = [join_broken_sentences(doc) for doc in tokenized]
        else:
            tokenized = join_broken_sentences(tokenized)
        if self.shared_transformer is None:
            return self._pipeline(tokenized, processors="pos,lemma,depparse")
        self.shared_transformer.clear()
        try:
            return self._pipeline(tokenized, processors="pos,lemma,depparse")
        finally:
            self.shared_transformer.clear()


def _foundation_cache(model: ModelSet):  # type: ignore[no-untyped-def]
    """A Stanza FoundationCache holding the model set's transformer, loaded from its local folder.

    Model files name the transformer by its hub name; pre-loading it under that name means Stanza
    never resolves the name itself (no network, no dependence on where the training venv lived).
    """
    from stanza.models.common import bert_embedding
    from stanza.models.common.foundation_cache import BertRecord, FoundationCache

    cache = FoundationCache(local_files_only=True)
    if model.transformer:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        bert, tokenizer = bert_embedding.load_bert(str(transformer_path(model.transformer)), local_files_only=True)
        cache.bert[model.transformer] = BertRecord(bert, tokenizer, {})
    return cache


def _convert(doc_id: str, doc) -> list[ParsedSentence]:  # type: ignore[no-untyped-def]
    sentences: list[ParsedSentence] = []
    for s_index, sentence in enumerate(doc.sentences):
        words: list[Word] = []
        for token in sentence.tokens:
            single = len(token.words) == 1
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append(Word(
                    index=int(word.id),
                    # Stanza writes "<UNK>" for very long tokens (URLs): keep the text as written
                    text=doc.text[start:end] if single else word.text,
                    lemma=word.lemma or word.text,
                    upos=word.upos or "X",
                    xpos=word.xpos or "_",
                    feats=word.feats or "_",
                    head=int(word.head or 0),
                    deprel=word.deprel or "dep",
                    start_char=int(start),
                    end_char=int(end),
                ))
        start_char = sentence.tokens[0].start_char
        end_char = sentence.tokens[-1].end_char
        sentences.append(ParsedSentence(
            doc_id=doc_id,
            index=s_index,
            text=doc.text[start_char:end_char],
            start_char=start_char,
            end_char=end_char,
            words=tuple(words),
        ))
    return sentences
