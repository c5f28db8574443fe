"""Same-story pairs: two outlets' own reports of one invented event, neither copied from the other.

Real news on one event shares far more than a topic: the same named people, places and
organisations, the same numbers and dates, the same short quotes of officials (each outlet
quotes them word for word), and the trade's stock phrases ("said in a statement", "declined to
comment"). Each outlet still writes its own sentences, in its own order, with its own
background. A copy detector must call none of these pairs a copy.

Each event is drawn from a seeded generator; each outlet picks its own phrasing of every fact,
its own order of paragraphs and its own background lines, so two reports share the facts and
the quotes (under 16 words each), not the writing.

Run it to measure the comparison on such pairs (results in bench/results/samestory.json)::

    python bench/accuracy/samestory.py [--pairs 1000]

Example:
    >>> a, b = same_story(3)
    >>> a != b and "said" in a and "said" in b
    True
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Event", "event", "report", "same_story"]

_TOWNS = ["Harwick", "Calder Bridge", "Lowmoor", "Ashby Vale", "Port Elwin", "Kestrel Bay"]
_ORGS = [
    ("regional water board", "board"),
    ("county transport office", "office"),
    ("harbour authority", "authority"),
    ("district health trust", "trust"),
    ("state energy regulator", "regulator"),
]
_PEOPLE = [
    ("Imogen Vale", "chief engineer"),
    ("Tomas Reyes", "director"),
    ("Priya Natarajan", "spokeswoman"),
    ("Owen Marsh", "deputy mayor"),
    ("Lena Okafor", "chair"),
    ("Marcus Hale", "union representative"),
]
_THINGS = [
    ("flood barrier", "barrier sections", "repair"),
    ("ferry service", "crossings", "suspension"),
    ("hospital wing", "beds", "closure"),
    ("power station", "turbines", "shutdown"),
    ("rail line", "stations", "upgrade"),
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_QUOTES = [
    "We are racing the calendar, not the budget.",
    "Nobody should have to wait this long for an answer.",
    "The work will be finished before the winter storms arrive.",
    "We have asked for an independent review of every decision.",
    "Residents deserve a clear timetable, and they will get one.",
    "This is the hardest season our crews have faced in years.",
    "We will not cut corners to meet a political deadline.",
    "Every family affected will be contacted by the end of the week.",
]
_BACKGROUND = [
    "The area has seen repeated disruption over the past decade, and local groups have long "
    "campaigned for more investment.",
    "Critics say earlier plans were shelved after costs rose and contractors pulled out.",
    "Similar projects elsewhere in the country have run over budget by a third on average.",
    "Opposition councillors have called for a public inquiry into the delays.",
    "Business owners near the site say trade has fallen since the work began.",
    "Environmental groups have raised concerns about the effect on nearby wetlands.",
    "A consultation on the plans drew more than a thousand responses last year.",
    "The government has promised a wider review of infrastructure spending in the spring.",
    "Local schools have rearranged bus routes while the work goes on.",
    "Insurance claims in the district rose sharply after last winter's floods.",
    "The last major overhaul of the network was completed in the early nineties.",
    "Unions have warned that staff shortages could slow the programme further.",
    "A petition demanding compensation for residents has gathered several thousand names.",
    "Engineers from two neighbouring counties have been brought in to help.",
    "The national audit office is due to publish its own assessment next month.",
    "Shops on the high street have extended their opening hours to make up for lost trade.",
]


# Each outlet's own context lines, built from parts so that no two reports share one.
_SUBJECTS = [
    "Residents of the valley",
    "Shop owners nearby",
    "Local historians",
    "Parents at the school",
    "Commuters",
    "Farmers on the edge of town",
    "Council members",
    "Volunteers from the church",
    "Retired engineers",
    "Students at the college",
    "Taxi drivers",
    "Nurses on the night shift",
]
_VERBS = [
    "have been asking about",
    "spent the weekend discussing",
    "wrote letters complaining about",
    "gathered outside the library to talk about",
    "remain divided over",
    "posted photographs of",
    "held a meeting to plan for",
    "are keeping a close eye on",
    "started a fund linked to",
    "recall earlier troubles with",
]
_OBJECTS = [
    "the noise from heavy lorries",
    "rising prices at the market",
    "the closure of the old bridge",
    "a shortage of parking spaces",
    "plans for a new playground",
    "the future of the bus depot",
    "delays to the bypass",
    "the cost of heating bills",
    "a gap in mobile phone coverage",
    "the state of the footpaths",
    "flooding in the lower fields",
    "the loss of the weekly market",
]
_WHEN = [
    "for several months",
    "since the spring",
    "throughout the summer",
    "over the past year",
    "in recent weeks",
    "ever since the election",
    "during the school holidays",
    "for a decade",
]


def _own_lines(rng: random.Random, outlet: int, n: int) -> list[str]:
    """``n`` lines of an outlet's own context, from its half of each list of parts."""
    half = [parts[outlet % 2 :: 2] for parts in (_SUBJECTS, _VERBS, _OBJECTS, _WHEN)]
    return [" ".join(rng.choice(part) for part in half) + "." for _ in range(n)]


@dataclass(frozen=True)
class Event:
    """The facts every report of one event shares."""

    town: str
    org: str
    org_short: str
    person: str
    role: str
    other: str
    other_role: str
    thing: str
    units: str
    action: str
    day: str
    count: int
    total: int
    cost: int
    weeks: int
    quotes: tuple[str, ...]


def event(seed: int) -> Event:
    """One invented event, the same for every outlet that reports it."""
    rng = random.Random(seed)
    (org, short), (thing, units, action) = rng.choice(_ORGS), rng.choice(_THINGS)
    (person, role), (other, other_role) = rng.sample(_PEOPLE, 2)
    total = rng.randint(20, 60)
    return Event(
        town=rng.choice(_TOWNS),
        org=org,
        org_short=short,
        person=person,
        role=role,
        other=other,
        other_role=other_role,
        thing=thing,
        units=units,
        action=action,
        day=rng.choice(_DAYS),
        count=rng.randint(3, total // 2),
        total=total,
        cost=rng.randint(2, 90),
        weeks=rng.randint(3, 16),
        quotes=tuple(rng.sample(_QUOTES, 3)),
    )


def _facts(e: Event) -> list[list[str]]:
    """Each fact of the event in several phrasings; an outlet picks one of each."""
    return [
        [
            f"The {e.org} in {e.town} announced on {e.day} a {e.action} of the {e.thing}, "
            f"affecting {e.count} of its {e.total} {e.units}.",
            f"{e.count} of the {e.total} {e.units} of the {e.town} {e.thing} face a {e.action}, "
            f"the {e.org} said on {e.day}.",
            f"Officials in {e.town} confirmed on {e.day} that the {e.thing} will undergo a "
            f"{e.action}, with {e.count} {e.units} out of {e.total} involved.",
        ],
        [
            f"The work is expected to cost about {e.cost} million pounds and to last {e.weeks} "
            f"weeks, according to the {e.org_short}.",
            f"According to figures released by the {e.org_short}, the bill could reach "
            f"{e.cost} million pounds over {e.weeks} weeks.",
            f"A budget of {e.cost} million pounds has been set aside, and the {e.org_short} "
            f"estimates the job will take {e.weeks} weeks.",
        ],
        [
            f'"{e.quotes[0]}" said {e.person}, the {e.org_short}\'s {e.role}.',
            f'{e.person}, {e.role} at the {e.org}, told reporters: "{e.quotes[0]}"',
            f'Speaking on {e.day}, {e.role} {e.person} said: "{e.quotes[0]}"',
        ],
        [
            f'{e.other}, the {e.other_role}, said: "{e.quotes[1]}"',
            f'"{e.quotes[1]}" {e.other_role} {e.other} said in a statement.',
            f'In a statement, {e.other} ({e.other_role}) added: "{e.quotes[1]}"',
        ],
        [
            f'{e.person} later added: "{e.quotes[2]}"',
            f'"{e.quotes[2]}" {e.person} said, declining to comment further.',
            f'Asked about the timetable, {e.person} said: "{e.quotes[2]}"',
        ],
        [
            f"The {e.org_short} declined to comment on whether other {e.units} would be affected.",
            f"It was not immediately clear whether more {e.units} in {e.town} would follow.",
            f"Further {e.units} may be added to the list, the {e.org_short} said, without "
            f"giving details.",
        ],
    ]


def report(e: Event, outlet: int) -> str:
    """One outlet's own report of ``e``: its phrasing of each fact, its order, its background."""
    rng = random.Random(f"{outlet}:{e.town}:{e.cost}:{e.person}")
    # Outlets never pick the same phrasing of a fact, nor the same background lines: they
    # share the facts and the quotes, not the writing.
    pick = random.Random(f"{e.town}:{e.cost}").randrange(3)
    facts = [options[(pick + outlet) % len(options)] for options in _facts(e)]
    lead, rest = facts[0], facts[1:]
    rng.shuffle(rest)
    background = rng.sample(_BACKGROUND[outlet % 2 :: 2], 4)
    paragraphs = [lead]
    for n, fact in enumerate(rest):
        own = " ".join(_own_lines(rng, outlet, rng.randint(1, 3)))
        paragraphs.append(f"{fact} {background[n] if n < len(background) else ''} {own}".strip())
    paragraphs.append(" ".join(_own_lines(rng, outlet, 4)))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def same_story(seed: int) -> tuple[str, str]:
    """Two outlets' independent reports of the event ``seed``."""
    e = event(seed)
    return report(e, 0), report(e, 1)


def measure(pairs: int) -> dict[str, float]:
    """How the comparison treats ``pairs`` same-story pairs: each should be "not a copy"."""
    from compliance.similarity import compare, is_copy

    found = [compare(*same_story(seed)) for seed in range(pairs)]
    return {
        "pairs": pairs,
        "pairs_with_passages": sum(1 for c in found if c.passages),
        "called_copies": sum(1 for c in found if is_copy(c)),
        "max_copied_share": max(c.coverage for c in found),
        "max_longest_run": max(c.longest_run for c in found),
        "max_containment": max(c.containment for c in found),
        "mean_containment": round(sum(c.containment for c in found) / pairs, 4),
    }


def main() -> None:
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from compliance.fileio import write_atomic

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args()
    figures = measure(args.pairs)
    for name, value in figures.items():
        print(f"{name:<22}{value}")
    out = root / "bench" / "results" / "samestory.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, json.dumps(figures, indent=2) + "\n")
    print(f"written {out.relative_to(root)}")


if __name__ == "__main__":
    main()
