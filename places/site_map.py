"""What the map shows for a set of sites: a point per located place with its count, and
counts of the sites it cannot place, so nothing is silently left off.

Bounded at any catalogue size: counts of all sites and of those stating no place, one
grouped count by stated place (the GROUP_LIMIT most frequent), one look-up of places, and
one query naming at most SAMPLE_LIMIT sites beside the points."""

import math
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import Lower
from django.http import QueryDict
from django.urls import reverse

from .areas import area_at
from .models import Place
from .outline import FRAME

GROUP_LIMIT = 300  # distinct stated places counted one by one; the rest are summed
SAMPLE_LIMIT = 200  # sites named beside the points, across all points
NAMES_PER_POINT = 5


@dataclass
class MapPoint:
    place: Place
    count: int
    x: float
    y: float
    radius: float
    browse_url: str
    sites: list = field(default_factory=list)  # (name, url), at most NAMES_PER_POINT
    label_side: str = "right"

    @property
    def label_gap(self) -> float:
        return round(self.radius + 3, 1)

    @property
    def more_sites(self) -> int:
        return self.count - len(self.sites)


@dataclass
class UnplacedGroup:
    name: str
    count: int
    browse_url: str
    reason: str


@dataclass
class AreaCount:
    name: str  # an English region, or a nation
    nation: str
    sites: int = 0
    places: int = 0


@dataclass
class SiteMap:
    total: int
    points: list[MapPoint]
    unplaced: list[UnplacedGroup]
    not_stated: int
    beyond_limit: int  # sites whose place is not among the GROUP_LIMIT most frequent
    areas: list[AreaCount] = field(default_factory=list)  # only those with sites on the map

    @property
    def off_areas(self) -> int:
        """Sites on the map at places in none of the UK's nations (Ireland, say)."""
        return self.located - sum(area.sites for area in self.areas)

    @property
    def located(self) -> int:
        return sum(point.count for point in self.points)

    @property
    def stated_unplaced(self) -> int:
        return sum(group.count for group in self.unplaced) + self.beyond_limit


def _browse_url(query: QueryDict, place_name: str) -> str:
    params = query.copy()
    for name in ("page", "place"):
        params.pop(name, None)
    params["place"] = place_name
    return f"{reverse('collaborations:site-list')}?{params.urlencode()}"


def _place_groups(sites) -> dict[str, tuple[str, int]]:
    """{lower-cased place: (place as most often written, sites)} for the most frequent places."""
    rows = (
        sites.exclude(locality="")
        .order_by()
        .values("locality")
        .annotate(n=Count("pk"))
        .order_by("-n", "locality")[:GROUP_LIMIT]
    )
    groups = {}
    for row in rows:
        written, count = row["locality"].strip(), row["n"]
        name, before = groups.get(written.lower(), (written, 0))
        groups[written.lower()] = (name, before + count)
    return groups


def _radius(count: int) -> float:
    return round(min(4 + 3 * math.sqrt(count), 22), 1)


def _name_sites(sites, points: dict[str, MapPoint]) -> None:
    if not points:
        return
    named = (
        sites.annotate(place_key=Lower("locality"))
        .filter(place_key__in=list(points))
        .order_by("name")
        .values_list("place_key", "name", "slug")[:SAMPLE_LIMIT]
    )
    for key, name, slug in named:
        point = points.get(key)
        if point and len(point.sites) < NAMES_PER_POINT:
            point.sites.append((name, reverse("collaborations:site-detail", args=[slug])))


CHAR_WIDTH, LABEL_HEIGHT = 6.2, 12  # of the 11px label font, in map units


def _label_box(point: MapPoint, side: str) -> tuple[float, float, float, float]:
    width = CHAR_WIDTH * len(f"{point.place.name} ({point.count})")
    gap = point.label_gap
    left = {"right": point.x + gap, "left": point.x - gap - width}.get(side, point.x - width / 2)
    top = {"above": point.y - gap - LABEL_HEIGHT, "below": point.y + gap}.get(
        side, point.y - LABEL_HEIGHT / 2
    )
    return left, top, left + width, top + LABEL_HEIGHT


def _overlaps(box, boxes) -> bool:
    return any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)


def _place_labels(points: list[MapPoint]) -> None:
    """Greedy label placement, biggest points first: right, left, above or below the point,
    whichever first clears the labels and points already placed and stays on the map."""
    taken = [(p.x - p.radius, p.y - p.radius, p.x + p.radius, p.y + p.radius) for p in points]
    for point in sorted(points, key=lambda p: -p.count):
        for side in ("right", "left", "above", "below"):
            box = _label_box(point, side)
            inside = box[0] >= 0 and box[2] <= FRAME.width and box[1] >= 0
            if inside and not _overlaps(box, taken):
                break
        point.label_side = side
        taken.append(box)


def _area_counts(points) -> list[AreaCount]:
    """Sites and places on the map by nation, and by region within England."""
    counts = {}
    for point in points:
        area = area_at(float(point.place.longitude), float(point.place.latitude))
        if area is not None:
            row = counts.setdefault(area.name, AreaCount(area.name, area.nation))
            row.sites += point.count
            row.places += 1
    return sorted(counts.values(), key=lambda row: (-row.sites, row.name))


def site_map(sites, query: QueryDict) -> SiteMap:
    total = sites.count()
    not_stated = sites.filter(locality="").count()
    groups = _place_groups(sites)
    places = Place.objects.annotate(key=Lower("name")).filter(key__in=list(groups))
    points, unplaced = {}, []
    for place in places:
        name, count = groups[place.key]
        lon, lat = float(place.longitude), float(place.latitude)
        if FRAME.contains(lon, lat):
            x, y = FRAME.project(lon, lat)
            url = _browse_url(query, name)
            points[place.key] = MapPoint(place, count, x, y, _radius(count), url)
    for key, (name, count) in groups.items():
        if key not in points:
            reason = "outside the UK" if key in {p.key for p in places} else "no gazetteer point"
            unplaced.append(UnplacedGroup(name, count, _browse_url(query, name), reason))
    _name_sites(sites, points)
    _place_labels(list(points.values()))
    counted = sum(count for _, count in groups.values()) + not_stated
    return SiteMap(
        total=total,
        points=sorted(points.values(), key=lambda p: (-p.count, p.place.name)),
        unplaced=sorted(unplaced, key=lambda g: (-g.count, g.name)),
        not_stated=not_stated,
        beyond_limit=max(total - counted, 0),
        areas=_area_counts(points.values()),
    )
