"""The parse stage: Stanza pipelines from explicit model files, model sets, training, evaluation, the cache."""

from eventcoder.parse.cache import ParseCache
from eventcoder.parse.models import ModelSet, resolve_model
from eventcoder.parse.sentence import ParsedSentence, Word

__all__ = ["ModelSet", "ParseCache", "ParsedSentence", "Word", "resolve_model"]
