"""The UK outline and its inland boundaries as SVG path data, and the projection that puts a
place on it.

A plain equirectangular projection with longitude shrunk by cos(54°): at the UK's
latitudes it keeps shapes close to what readers know, with no projection library."""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GEODATA = Path(__file__).resolve().parent / "geodata"
OUTLINE = GEODATA / "uk_outline.json"
BOUNDARIES = GEODATA / "uk_boundaries.json"
WIDTH = 400  # SVG user units; the height follows from the outline's extent
SHRINK = math.cos(math.radians(54))
# The frame: the British Isles from Shetland to the Scilly Isles, with a small margin.
WEST, EAST, SOUTH, NORTH = -10.8, 2.1, 49.8, 61.0


@dataclass(frozen=True)
class Frame:
    width: float
    height: float
    scale: float

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (longitude - WEST) * SHRINK * self.scale
        y = (NORTH - latitude) * self.scale
        return round(x, 1), round(y, 1)

    def contains(self, longitude: float, latitude: float) -> bool:
        return WEST <= longitude <= EAST and SOUTH <= latitude <= NORTH


FRAME = Frame(
    width=WIDTH,
    height=round((NORTH - SOUTH) * WIDTH / ((EAST - WEST) * SHRINK), 1),
    scale=WIDTH / ((EAST - WEST) * SHRINK),
)


@lru_cache(maxsize=1)
def outline_paths() -> dict[str, str]:
    """{country name: SVG path data}, computed once per process."""
    countries = json.loads(OUTLINE.read_text(encoding="utf-8"))
    paths = {}
    for name, rings in countries.items():
        parts = []
        for ring in rings:
            points = [FRAME.project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z")
        paths[name] = "".join(parts)
    return paths


@lru_cache(maxsize=1)
def boundary_paths() -> dict[str, str]:
    """{"nations"|"regions": SVG path data} for the borders between the UK's nations and
    between England's regions (open lines, not areas), computed once per process."""
    kinds = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    paths = {}
    for kind, lines in kinds.items():
        parts = []
        for line in lines:
            points = [FRAME.project(lon, lat) for lon, lat in line]
            parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points))
        paths[kind] = "".join(parts)
    return paths
