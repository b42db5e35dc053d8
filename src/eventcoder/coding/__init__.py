"""The event coder: actor mentions, verbs and patterns, events with their evidence, and the explain trace.

    from eventcoder.coding import code_sentence, code_document
    coding = code_sentence(parsed_sentence, date(2007, 1, 29), load_dictionaries([]), trace=True)
    coding.events        # tuple[Event, ...]
    coding.trace         # SentenceTrace: actors found, verbs and patterns tried, why nothing coded

The algorithm is described in docs/algorithm.md.
"""

from eventcoder.coding.coder import CodingOptions, code_document, code_sentence
from eventcoder.coding.conllu import sentence_from_conllu
from eventcoder.coding.event import EVENT_COLUMNS, UNKNOWN, Event, Mention
from eventcoder.coding.references import ReferenceContext
from eventcoder.coding.trace import PatternTrial, SentenceCoding, SentenceTrace, VerbTrace

__all__ = [
    "EVENT_COLUMNS",
    "UNKNOWN",
    "CodingOptions",
    "Event",
    "Mention",
    "PatternTrial",
    "ReferenceContext",
    "SentenceCoding",
    "SentenceTrace",
    "VerbTrace",
    "code_document",
    "code_sentence",
    "sentence_from_conllu",
]
