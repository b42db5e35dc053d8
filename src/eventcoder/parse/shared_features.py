"""One transformer pass per sentence for the tagger and the parser together.

The built-in tagger and parser both read frozen features of the same transformer (MiniLM) for the same
words: Stanza runs the transformer once in the tagger and again in the parser, and that second pass was
about a quarter of the whole parse time here (``benchmarks/parse_stage.py shared``). :class:`SharedTransformer`
wraps the transformer module both processors hold and remembers each sentence's hidden states (the last
layers the models mix) from the tagger's pass, keyed by the sentence's word-piece ids, so the parser's pass
reuses them. Each model still applies its own learned layer mix to them.

The memory lives in the parser object and is cleared around every pipeline call (:meth:`clear`); it is
bounded (:attr:`SharedTransformer.budget_bytes`), and a sentence it no longer holds is simply computed
again. Rows are run in their own padded batches, so features agree with an unshared pass up to float
rounding (the padded positions are masked).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import torch

DEFAULT_BUDGET_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TransformerOutput:
    """What Stanza's feature extraction reads from a Hugging Face model output."""

    hidden_states: tuple[torch.Tensor, ...]


class SharedTransformer(torch.nn.Module):
    """A frozen transformer that computes each distinct sentence once between two :meth:`clear` calls."""

    def __init__(self, model: torch.nn.Module, layers: int, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        super().__init__()
        self.model = model
        self.layers = layers
        self.budget_bytes = budget_bytes
        self._rows: OrderedDict[tuple[int, ...], torch.Tensor] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    @property
    def config(self) -> Any:
        return self.model.config

    @property
    def _hf_peft_config_loaded(self) -> bool:  # read by Stanza's extract_bert_embeddings
        return bool(getattr(self.model, "_hf_peft_config_loaded", False))

    def clear(self) -> None:
        self._rows.clear()
        self._bytes = 0

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                output_hidden_states: bool = True, **kwargs: Any) -> TransformerOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        mask = attention_mask.bool()
        keys = [tuple(input_ids[row][mask[row]].tolist()) for row in range(input_ids.shape[0])]
        found = {key: self._recall(key) for key in keys if key in self._rows}  # before anything is evicted
        missing = [row for row, key in enumerate(keys) if key not in found]
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        if missing:
            index = torch.tensor(missing, device=input_ids.device)
            sub_mask = attention_mask.index_select(0, index)
            width = int(sub_mask.sum(dim=1).max())  # right-padded (BERT) or not: trim to the longest row
            if bool(mask[missing][:, width:].any()):
                width = sub_mask.shape[1]
            output = self.model(input_ids.index_select(0, index)[:, :width], attention_mask=sub_mask[:, :width],
                                output_hidden_states=True, **kwargs)
            stacked = torch.stack(output.hidden_states[-self.layers:], dim=0)  # layers x rows x width x hidden
            for position, row in enumerate(missing):
                row_states = stacked[:, position][:, sub_mask[position, :width].bool()]
                found[keys[row]] = row_states
                self._remember(keys[row], row_states)
        rows = [found[key] for key in keys]
        batch, width = input_ids.shape
        hidden = rows[0].new_zeros((self.layers, batch, width, rows[0].shape[-1]))
        for row, states in enumerate(rows):
            hidden[:, row, mask[row]] = states
        return TransformerOutput(hidden_states=tuple(hidden.unbind(0)))

    def _recall(self, key: tuple[int, ...]) -> torch.Tensor:
        self._rows.move_to_end(key)
        return self._rows[key]

    def _remember(self, key: tuple[int, ...], states: torch.Tensor) -> None:
        size = states.numel() * states.element_size()
        if size > self.budget_bytes:
            return
        if key in self._rows:
            return
        self._rows[key] = states
        self._bytes += size
        while self._bytes > self.budget_bytes:
            _, dropped = self._rows.popitem(last=False)
            self._bytes -= dropped.numel() * dropped.element_size()


def share_transformer(processors: dict[str, Any], names: tuple[str, ...] = ("pos", "depparse"),
                      budget_bytes: int = DEFAULT_BUDGET_BYTES) -> SharedTransformer | None:
    """Put one :class:`SharedTransformer` in place of the transformer the named processors' models hold.

    Returns it, or ``None`` (nothing changed) unless at least two of them hold the very same frozen
    transformer module (as the built-in model set's tagger and parser do, through the foundation cache).
    """
    models = [processors[name]._trainer.model for name in names if name in processors]
    held = [getattr(model, "bert_model", None) for model in models]
    if len(held) < 2 or held[0] is None or any(h is not held[0] for h in held):
        return None
    if any(model.args.get("bert_finetune") or model.args.get("use_peft") for model in models):
        return None
    # Stanza mixes the last N layers (N = the layer mix's width), or averages layers -4..-2 without a mix
    layers = max([4, *(model.bert_layer_mix.in_features for model in models if model.bert_layer_mix is not None)])
    shared = SharedTransformer(held[0], layers, budget_bytes)
    for model in models:
        model.bert_model = shared
    return shared
