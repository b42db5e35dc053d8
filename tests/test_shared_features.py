"""The tagger's transformer pass serves the parser: same features, one pass per sentence."""

from __future__ import annotations

from types import SimpleNamespace

import torch

from eventcoder.parse.models import resolve_model
from eventcoder.parse.pipeline import StanzaParser
from eventcoder.parse.shared_features import SharedTransformer


class TinyTransformer(torch.nn.Module):
    """A deterministic stand-in with a Hugging Face-like output: each layer mixes the unmasked positions."""

    def __init__(self, layers: int = 6, hidden: int = 8) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.embed = torch.nn.Embedding(100, hidden)
        self.mix = torch.nn.ModuleList(torch.nn.Linear(hidden, hidden) for _ in range(layers))
        self.config = SimpleNamespace(hidden_size=hidden)
        self.calls: list[int] = []

    def forward(self, input_ids, attention_mask=None, output_hidden_states=True):
        self.calls.append(input_ids.shape[0])
        mask = attention_mask.unsqueeze(-1).float()
        states = [self.embed(input_ids)]
        for layer in self.mix:
            context = (states[-1] * mask).sum(1, keepdim=True) / mask.sum(1, keepdim=True)
            states.append(torch.tanh(layer(states[-1] + context)))
        return SimpleNamespace(hidden_states=tuple(states))


def _batch(rows: list[list[int]], left: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, row in enumerate(rows):
        span = slice(width - len(row), width) if left else slice(0, len(row))
        ids[i, span] = torch.tensor(row)
        mask[i, span] = 1
    return ids, mask


def _assert_same_real_positions(got, expected, mask, layers):
    for layer in range(1, layers + 1):
        for row in range(mask.shape[0]):
            real = mask[row].bool()
            torch.testing.assert_close(got[-layer][row][real], expected[-layer][row][real])


def test_second_pass_reuses_the_first_and_gives_the_same_features():
    model = TinyTransformer()
    shared = SharedTransformer(model, layers=4)
    first_ids, first_mask = _batch([[5, 6, 7, 8], [9, 10], [11, 12, 13]])
    first = shared(first_ids, attention_mask=first_mask, output_hidden_states=True)
    assert model.calls == [3] and shared.misses == 3
    _assert_same_real_positions(first.hidden_states, model(first_ids, first_mask).hidden_states, first_mask, 4)
    model.calls.clear()

    # the parser's batch: other order, other padding, one new sentence
    second_ids, second_mask = _batch([[11, 12, 13], [5, 6, 7, 8], [20, 21, 22, 23, 24], [9, 10]])
    second = shared(second_ids, attention_mask=second_mask, output_hidden_states=True)
    assert model.calls == [1], "only the new sentence runs through the transformer"
    assert shared.hits == 3 and shared.misses == 4
    assert len(second.hidden_states) == 4
    _assert_same_real_positions(second.hidden_states, model(second_ids, second_mask).hidden_states, second_mask, 4)
    for state in second.hidden_states:
        assert state.shape == (4, 5, 8)
        assert not state[~second_mask.bool()].any(), "padded positions stay zero"


def test_left_padded_rows_and_clear():
    model = TinyTransformer()
    shared = SharedTransformer(model, layers=4)
    ids, mask = _batch([[5, 6, 7, 8], [9, 10]], left=True)
    out = shared(ids, attention_mask=mask)
    _assert_same_real_positions(out.hidden_states, model(ids, mask).hidden_states, mask, 4)
    shared.clear()
    model.calls.clear()
    shared(ids, attention_mask=mask)
    assert model.calls == [2], "after clear() nothing is remembered"


def test_memory_budget_evicts_oldest_and_recomputes():
    model = TinyTransformer()
    one_row = 4 * 4 * 8 * 4  # layers x tokens x hidden x float32 bytes
    shared = SharedTransformer(model, layers=4, budget_bytes=2 * one_row)
    for row in ([1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]):
        shared(*_batch([row]))
    model.calls.clear()
    shared(*_batch([[1, 2, 3, 4]]))  # evicted: computed again
    shared(*_batch([[9, 10, 11, 12]]))  # still held
    assert model.calls == [1]


def test_builtin_tagger_and_parser_share_one_pass_with_identical_parses(builtin_parser):
    assert builtin_parser.shared_transformer is not None, "the built-in tagger and parser share MiniLM"
    texts = [("a", "Iran and Russia signed a cooperation agreement in Tehran on Sunday. Both sides praised it."),
             ("b", "The minister, who arrived late, refused to meet the rebels' envoy.")]
    unshared = StanzaParser(resolve_model("builtin"), share_features=False)
    assert unshared.shared_transformer is None
    before = builtin_parser.shared_transformer.hits
    shared_docs = builtin_parser.parse_many(texts)
    assert builtin_parser.shared_transformer.hits - before == sum(len(doc) for doc in shared_docs)
    assert [[s.words for s in doc] for doc in shared_docs] == \
        [[s.words for s in doc] for doc in unshared.parse_many(texts)]
