"""Rebuild uk_outline.json from Natural Earth's 1:50m country boundaries as the npm package
world-atlas (2.0.2) ships them: `npm pack world-atlas@2.0.2`, unpack it, then
`python places/geodata/build_outline.py path/to/package/countries-50m.json`.

Keeps the United Kingdom and, for context, Ireland; rings in longitude/latitude degrees,
rounded to 0.01 degree (about 1 km), dropping points that round to the one before."""

import json
import sys
from pathlib import Path

KEEP = {"826": "United Kingdom", "372": "Ireland"}
OUT = Path(__file__).with_name("uk_outline.json")


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    rounded = []
    for lon, lat in points:
        point = [round(lon, 2), round(lat, 2)]
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    return rounded


def main(path):
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in KEEP:
            polygons = geometry["arcs"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            rings = [ring(arcs, polygon[0]) for polygon in polygons]  # outer rings only
            countries[KEEP[geometry["id"]]] = [r for r in rings if len(r) >= 4]
    OUT.write_text(json.dumps(countries, separators=(",", ":")))


if __name__ == "__main__":
    main(sys.argv[1])
