"""Which of the UK's nations, or of England's nine regions, a point on the map lies in, from
the outlines in geodata/uk_areas.json (built with uk_boundaries.json, never drawn)."""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from .outline import GEODATA, SHRINK

AREAS = GEODATA / "uk_areas.json"
# The outlines are simplified to about 2 km, so a town on the coast can fall just offshore:
# within this distance of an area's edge (about 10 km), it is taken to be in that area.
NEAR = 0.1  # degrees, longitude shrunk as the map draws it


@dataclass(frozen=True)
class Area:
    nation: str
    name: str  # the region for England, else the nation
    segments: tuple  # ((lon, lat), (lon, lat)) pairs that together close round the area


@lru_cache(maxsize=1)
def areas() -> tuple[Area, ...]:
    rows = json.loads(AREAS.read_text(encoding="utf-8"))
    return tuple(
        Area(
            nation=row["nation"],
            name=row["name"],
            segments=tuple(
                (tuple(a), tuple(b))
                for line in row["lines"]
                for a, b in zip(line, line[1:], strict=False)
            ),
        )
        for row in rows
    )


def _inside(area: Area, lon: float, lat: float) -> bool:
    """Even-odd rule: a ray eastwards from the point crosses the outline an odd number of times."""
    inside = False
    for (x1, y1), (x2, y2) in area.segments:
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _distance(area: Area, lon: float, lat: float) -> float:
    best = math.inf
    for (x1, y1), (x2, y2) in area.segments:
        ax, ay = (x1 - lon) * SHRINK, y1 - lat
        dx, dy = (x2 - x1) * SHRINK, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if not length else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def area_at(longitude: float, latitude: float) -> Area | None:
    """The nation or English region the point is in; None off the UK (Ireland, the sea)."""
    for area in areas():
        if _inside(area, longitude, latitude):
            return area
    distance, nearest = min(
        ((_distance(area, longitude, latitude), area) for area in areas()), key=lambda d: d[0]
    )
    return nearest if distance <= NEAR else None
