"""Which events' times are measured from which: the order to place them in, and any loops.

Iterative on purpose: a file may chain thousands of relative times, and neither validation
nor reconstruction may hit Python's recursion limit on it.
"""

from __future__ import annotations

from schemas.models import Incident


def relative_targets(incident: Incident) -> dict[str, list[str]]:
    """Event id → the event ids its claims' times are relative to (known events only)."""
    known = {event.id for event in incident.events}
    out: dict[str, list[str]] = {}
    for event in incident.events:
        targets = [
            claim.time.relative_to
            for claim in event.claims
            if claim.time is not None
            and claim.time.relative_to is not None
            and claim.time.relative_to in known
        ]
        if targets:
            out[event.id] = list(dict.fromkeys(targets))
    return out


def placement_order(incident: Incident) -> tuple[list[str], list[list[str]]]:
    """Event ids with every event after the events it is measured from, and the loops found.

    Each loop is listed once, as the path that closes it (``a → b → a``); events in a loop
    keep their file order.
    """
    targets = relative_targets(incident)
    state: dict[str, int] = {}  # 1: on the current path, 2: placed
    order: list[str] = []
    loops: list[list[str]] = []
    for start in (event.id for event in incident.events):
        if state.get(start):
            continue
        path: list[str] = [start]
        pending: list[list[str]] = [list(reversed(targets.get(start, [])))]
        state[start] = 1
        while path:
            todo = pending[-1]
            if todo:
                nxt = todo.pop()
                seen = state.get(nxt)
                if seen == 1:
                    loops.append([*path[path.index(nxt) :], nxt])
                elif seen is None:
                    state[nxt] = 1
                    path.append(nxt)
                    pending.append(list(reversed(targets.get(nxt, []))))
                continue
            done = path.pop()
            pending.pop()
            state[done] = 2
            order.append(done)
    return order, loops
