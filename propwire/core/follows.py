"""Props that follow another in the same step (docs/semantics.md, "Props that follow").

Dash's slider copies a `value` a callback set into its `drag_value` before the callbacks of that change run, so
a callback reading both runs once, with both new. propwire runs the chain on the server, so the server copies it:
the component classes declare the rule (`_follows`), the graph counts a leader's writers as writers of its
followers (so readers of `drag_value` wait for them and are in the event's read set), the page names the
components the rule applies to in each event (`follows`), and the applier copies the value. Example::

    follows = Follows({"dcc.Slider": {"value": ("drag_value",)}})
    follows.followers("value")           # ("drag_value",)
    follows.leader_keys("kg.drag_value")  # ["kg.value"]
"""

from __future__ import annotations

from typing import Any

from propwire.api.dependencies import shown, split_key


class Follows:
    """The follow rules of the app's component kinds: {kind: {leader prop: follower props}}."""

    def __init__(self, rules: dict[str, dict[str, tuple[str, ...]]]):
        self.rules = rules
        self._followers: dict[str, tuple[str, ...]] = {}
        self._leaders: dict[str, tuple[str, ...]] = {}
        for rule in rules.values():
            for leader, followers in rule.items():
                self._followers[leader] = tuple(dict.fromkeys((*self._followers.get(leader, ()), *followers)))
                for follower in followers:
                    self._leaders[follower] = tuple(dict.fromkeys((*self._leaders.get(follower, ()), leader)))

    @classmethod
    def declared(cls) -> Follows:
        """The rules of every component class defined in this process (propwire.components.spec)."""
        from propwire.components.spec import follow_rules

        return cls(follow_rules())

    def followers(self, prop: str) -> tuple[str, ...]:
        """The props that follow `prop` in some kind (empty for most props)."""
        return self._followers.get(prop, ())

    def leader_keys(self, key: str) -> list[str]:
        """The keys of the same component whose writes `key` may follow."""
        id_str, prop = split_key(key)
        return [f"{id_str}.{leader}" for leader in self._leaders.get(prop, ())]

    def writers_table(self, by_output: dict[str, list[int]]) -> dict[str, list[int]]:
        """Plain follower keys -> their writers: their own and their leaders' (for Graph.writers)."""
        table: dict[str, list[int]] = {}
        for key, writers in by_output.items():
            id_str, prop = split_key(key)
            for follower in self.followers(prop):
                follower_key = f"{id_str}.{follower}"
                found = table.setdefault(follower_key, list(by_output.get(follower_key, ())))
                found += [w for w in writers if w not in found]
        return table

    def to_client(self, read_props: set[str]) -> dict[str, dict[str, list[str]]]:
        """The rules the page applies to its events: those whose follower some callback reads (often none)."""
        out: dict[str, dict[str, list[str]]] = {}
        for kind, rule in self.rules.items():
            read = {leader: [f for f in followers if f in read_props] for leader, followers in rule.items()}
            read = {leader: followers for leader, followers in read.items() if followers}
            if read:
                out[kind] = read
        return out

    def check_event(self, follows: Any, admits: Any) -> str | None:
        """What is wrong with an event's `follows` ({leader key: [follower keys]}), or None.

        `admits(key)` says whether the event's read set holds a key: a follower no callback reads has no business
        in the event."""
        if not isinstance(follows, dict):
            return "'follows' must be an object of prop keys to lists of prop keys"
        for leader, followers in follows.items():
            if not isinstance(followers, list) or not all(type(f) is str for f in followers):
                return f"'follows[{shown(leader)}]' must be a list of prop keys"
            id_str, prop = split_key(leader)
            for follower in followers:
                f_id, f_prop = split_key(follower)
                if f_id != id_str or f_prop not in self.followers(prop):
                    return f"{shown(follower)} does not follow {shown(leader)} (no component kind of this app has that rule)"
                if not admits(follower):
                    return f"'follows' names {shown(follower)}, which no callback of this event reads"
        return None
