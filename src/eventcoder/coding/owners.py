"""Whose is an agent of unknown country? (section 4b of docs/algorithm.md)

An agent-only mention ("police", "the government", "rebels") has no country (``---COP``); the coder makes no
event with it. Three kinds of evidence give it one: a possessive pronoun ("its troops", resolved in
coder.py with ``with_owner``), the place of the event ("protesters ... in Cairo": ``place_unknown_agents``),
and a sentence about a single country ("Rwandan rebels demanded the removal of the president":
``domestic_agents``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from eventcoder.coding.actors import Mentions, first_mentions_in, mentions_at
from eventcoder.coding.event import Mention
from eventcoder.coding.view import SentenceView
from eventcoder.dictionaries import CompiledDictionaries

EVENT_PLACE = frozenset({"in", "inside", "within", "throughout"})
PLACE_PHRASE = EVENT_PLACE | {"at"}  # a phrase that may name the place inside it ("at a market in Maiduguri")
# events whose place says whose they are: threats, protests, shows of force, coercion and violence (not meetings,
# which are often held abroad: "Colombia's president met rebel leaders in Havana")
PLACE_ROOTS = frozenset({"13", "14", "15", "17", "18", "19", "20"})
# three-letter actor codes of the Phoenix dictionaries that are not states
NON_STATE = frozenset({"---", "IGO", "NGO", "MNC", "IMG", "MED", "ELI", "MOS", "WEU"})

Owned = tuple[list[Mention], list[Mention], str | None]


def with_owner(dicts: CompiledDictionaries, m: Mention, owner: Mention) -> Mention:
    """An unknown-actor agent mention composed with the actor that owns it (a possessive pronoun's
    antecedent, the place of the event, the sentence's only country)."""
    code = owner.code
    for agent_id in m.agent_ids:
        agent = dicts.agent(agent_id)
        if agent is not None:
            code = dicts.combine_agent(code, agent)
    return replace(m, code=code, country=owner.country, actor_id=owner.actor_id,
                   resolved_from=owner.resolved_from)


def _placed(dicts: CompiledDictionaries, mentions: list[Mention], owner: Mention, why: str,
            view: SentenceView | None = None) -> list[Mention]:
    return [m if m.known or (view is not None and _foreign(view, m))
            else replace(with_owner(dicts, m, owner), resolved_from=why) for m in mentions]


def _foreign(view: SentenceView, m: Mention) -> bool:
    """Whether the mention says it is another country's ("foreign troops", "international observers")."""
    words = [*range(m.first, m.last + 1), *(view.kids(m.head, "amod") if m.head else [])]
    return any(view.word(k).text.lower() in FOREIGN for k in words)


def place_unknown_agents(view: SentenceView, ms: Mentions, dicts: CompiledDictionaries, verb: int, code: str,
                         sources: list[Mention], targets: list[Mention]) -> Owned:
    """Agent-only sources and targets of a threat, protest, show of force, coercion or violence whose clause
    says where it happened ("... in Cairo", also when the parser hung the phrase on the verb's object)
    belong to that place's country, when the clause names exactly one. Returns the new sources and targets
    and a note (None when nothing changed)."""
    if all(m.known for m in (*sources, *targets)) or code[:2] not in PLACE_ROOTS:
        return sources, targets, None
    phrases = [c for c in view.children[verb] if view.base_rel(c) == "obl"]
    # a place phrase the parser hung on an argument ("demonstrated against the government in Cairo")
    # (also on the passive subject: "Israel's embassy in Cairo was attacked by protesters")
    phrases += [n for c in view.children[verb] if view.base_rel(c) in ("obj", "obl") or view.deprel(c) == "nsubj:pass"
                for n in view.children[c] if view.base_rel(n) == "nmod"]
    phrases = [c for c in phrases if any(view.word(k).text.lower() in PLACE_PHRASE for k in view.kids(c, "case"))]
    # a place named inside the place phrase ("in a church in Rwanda", "at a market in Maiduguri")
    phrases += [n for c in phrases if not ms.by_head.get(c) for n in view.kids_exact(c, "nmod")]
    places = {m.code: m for c in phrases
              if any(view.word(k).text.lower() in EVENT_PLACE for k in view.kids(c, "case"))
              for m in mentions_at(view, ms, c) if m.known and len(m.code) == 3}
    if len(places) != 1:
        return sources, targets, None
    place = next(iter(places.values()))
    why = f"the place of the event: {place.text} ({place.code})"
    return (_placed(dicts, sources, place, why, view), _placed(dicts, targets, place, why, view),
            f"{view.word(verb).text!r}: agents of unknown country placed in {place.text} ({place.code})")


def _state_code(dicts: CompiledDictionaries, mentions: Sequence[Mention]) -> str:
    """The state's code as its mentions write it: the three-letter country, or a Phoenix sub-state code when
    every mention has it (SCGSRB, Serbia within Serbia and Montenegro, not SCG)."""
    bases = [m.code[: len(m.code) - len(m.agent)] if m.agent and m.code.endswith(m.agent) else m.code
             for m in mentions]
    prefix = os.path.commonprefix(bases)[:6]
    if len(prefix) == 6 and prefix[3:6] not in dicts.agent_codes:
        return prefix
    return mentions[0].country


# words that say an agent is of another country than the sentence's ("foreign troops", "overseas donors",
# "Western ambassadors")
FOREIGN = frozenset({"foreign", "overseas", "international", "external", "outside", "western"})


def domestic_agents(view: SentenceView, mentions: Sequence[Mention], dicts: CompiledDictionaries, verb: int,
                    sources: list[Mention], targets: list[Mention]) -> Owned:
    """When every actor of known country in the sentence belongs to one state (non-state actors such as the
    UN aside), an agent-only source or target of the event belongs to it too: "Rwandan rebels demanded the
    removal of the president" (RWAREB -> RWAGOV), "Police arrested Egyptian protesters" (EGYCOP). An event
    needs a known actor on its other side; a sentence naming two states, or none, changes nothing. A source
    is placed only when a target is one of the state's institutions or groups (an agent code: "workers
    ... struck against a bill of the Serbian labour minister"), not the state itself ("Clerics condemned
    Israel" may be anyone's clerics), and only when it names no person the dictionaries lack ("Archbishop
    Sipho Ndlovu": a proper noun in the mention), who is often a foreigner. "Foreign troops" are never placed
    (here or by the place of the event)."""
    if all(m.known for m in (*sources, *targets)):
        return sources, targets, None
    if not any(m.known for m in (*sources, *targets)):
        return sources, targets, None
    states = {m.country: m for m in mentions if m.known and m.country not in NON_STATE}
    if len(states) > 1:
        return _own_opposition(view, dicts, verb, sources, targets)
    if len(states) != 1:
        return sources, targets, None
    country, mention = next(iter(states.items()))
    owner = replace(mention, code=_state_code(dicts, [m for m in mentions if m.known and m.country == country]),
                    resolved_from=None)
    why = f"the sentence's only country: {mention.text} ({country})"
    # a source is placed only against a domestic institution or group, not against the state itself
    # ("Clerics condemned Israel" may be anyone's clerics), and only when it names no one
    domestic_target = any(m.known and m.agent for m in targets)

    def placeable(m: Mention) -> bool:
        return not m.known and domestic_target and not any(view.word(k).upos == "PROPN"
                                                           for k in range(m.first, m.last + 1))
    if not any(placeable(m) and not _foreign(view, m) for m in sources) \
            and all(m.known or _foreign(view, m) for m in targets):
        return sources, targets, None
    return ([_placed(dicts, [m], owner, why, view)[0] if placeable(m) else m for m in sources],
            _placed(dicts, targets, owner, why, view),
            f"{view.word(verb).text!r}: agents of unknown country are of the sentence's only country {country}")


def _own_opposition(view: SentenceView, dicts: CompiledDictionaries, verb: int, sources: list[Mention],
                    targets: list[Mention]) -> Owned:
    """In a sentence naming several states, a state's institutions acting on an opposition of no known
    country act on their own ("Cuba released 53 political prisoners as part of a deal with the United
    States": CUB -> CUBOPP): a state has no say over another's dissidents."""
    owners = {m.country for m in sources if m.known}
    if len(owners) != 1 or not all(m.known and state_side(m) for m in sources) or not targets or not all(
            not m.known and m.agent[:3] == "OPP" and not _foreign(view, m) for m in targets):
        return sources, targets, None
    owner = next(m for m in sources if m.known)
    owner = replace(owner, code=_state_code(dicts, [owner]), resolved_from=None)
    country = owner.country
    why = f"the opposition of the acting state: {owner.text} ({country})"
    return sources, _placed(dicts, targets, owner, why, view), \
        f"{view.word(verb).text!r}: an opposition of unknown country is that of the acting state {country}"


# agent codes of a state's own institutions
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def state_side(m: Mention) -> bool:
    """Whether a mention is a state or one of its institutions (not its rebels, opposition or people)."""
    return not m.agent or m.agent[:3] in STATE_AGENTS


def not_own_state(sources: list[Mention], targets: list[Mention]) -> list[Mention]:
    """The targets less the state-side mentions of a state-side source's own country ("the Kremlin denied
    that Russian troops had entered": not a target of the Kremlin)."""
    own = {m.country for m in sources if m.known and state_side(m)}
    return [m for m in targets if not (m.country in own and state_side(m))]


def beyond_own_possessor(view: SentenceView, ms: Mentions, sources: list[Mention],
                         targets: list[Mention]) -> list[Mention]:
    """Targets taken from the object phrase: when they are only the object's possessor and of the source's
    own country ("King Abdullah reiterated Jordan's support for an independent Palestinian state"), the
    next known actor of another country in the phrase is the target; else the targets as they are."""
    own = {m.country for m in sources if m.known}
    if not targets or not own or any(m.country not in own or view.deprel(m.head) != "nmod:poss" for m in targets):
        return targets
    later = [m for m in first_mentions_in(view, ms, view.head(targets[0].head), after=max(m.last for m in targets) + 1)
             if m.known and m.country not in own]
    return later or targets
