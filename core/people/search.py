"""Searching a long list (people, teams, arrangements) one page at a time: an
authority's lists are searched and paged, never drawn whole."""

from collections.abc import Callable


def needle(search: str | None) -> str:
    """What a search box holds, as the stores match it."""
    return (search or "").strip().lower()


def page_of(find: Callable[..., list[dict]], count: Callable[[str], int], search: str | None,
            *, limit: int, offset: int) -> tuple[list[dict], int]:
    """One page of what `find(needle, limit=, offset=)` finds, and how many it finds
    in all (`count(needle)`). On the last page that number is known without counting."""
    wanted = needle(search)
    rows = find(wanted, limit=limit, offset=offset)
    if 0 < len(rows) < limit or (not rows and not offset):
        return rows, offset + len(rows)
    return rows, count(wanted)
