"""``eventcoder dict lookup``: which entry a phrase finds, where it is defined, and its code on a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from eventcoder.dictionaries.compiled import CompiledDictionaries, as_ud_tokens, name_forms
from eventcoder.dictionaries.model import Actor, Agent, DatedCode, Name, Source, VerbBlock, VerbForm


class ActorHit(NamedTuple):
    actor: Actor
    name: Name
    exact: bool  # the whole phrase is the name (not only its beginning)
    in_force: tuple[str, ...]
    all_codes: tuple[DatedCode, ...]

    @property
    def source(self) -> Source:
        return self.actor.source


class AgentHit(NamedTuple):
    agent: Agent
    name: Name
    exact: bool


class VerbHit(NamedTuple):
    block: VerbBlock
    verb: VerbForm
    code: str


class LookupResult(NamedTuple):
    phrase: str
    day: date | None
    actors: tuple[ActorHit, ...]
    agents: tuple[AgentHit, ...]
    verbs: tuple[VerbHit, ...]


def lookup(d: CompiledDictionaries, phrase: str, day: date | None = None) -> LookupResult:
    """Longest-match the phrase's words (case-insensitive) against actor and agent names at its start,
    and its first word against verb lemmas and forms."""
    tokens = list(as_ud_tokens(tuple(t.lower() for t in phrase.replace("_", " ").split())))  # "al - Qaeda"
    actors: list[ActorHit] = []
    agents: list[AgentHit] = []
    verbs: list[VerbHit] = []
    if tokens:
        m = d.actor_index.longest(tokens, 0, tokens)
        if m is not None:
            actor = d.actors[m.target]
            name = _name_matched(actor.names, tokens[:m.length])
            actors.append(ActorHit(actor, name, m.length == len(tokens), actor.codes_on(day), actor.codes))
        g = d.agent_index.longest(tokens, 0, tokens)
        if g is not None:
            agent = d.agents[g.target]
            name = _name_matched(agent.names, tokens[:g.length])
            agents.append(AgentHit(agent, name, g.length == len(tokens)))
        for block, verb in d.verbs_for(tokens[0]):
            verbs.append(VerbHit(block, verb, verb.code or block.code))
    return LookupResult(phrase, day, tuple(actors), tuple(agents), tuple(verbs))


def _name_matched(names: Sequence[Name], tokens: list[str]) -> Name:
    """The entry's name the tokens matched: as written, as tokenized, in the other spelling ("Defence" for
    "DEFENSE") or hyphenated ("Moon Jae - in", "Port - au - Prince")."""
    want = tuple(tokens)
    for n in names:
        own, alternate = name_forms(tuple(w.lower() for w in n.words), hyphenated_given_names=True)
        if want in own + alternate:
            return n
    return names[0]
