"""HTTP behaviour of the API: conditional requests, CORS, rate limiting and JSON errors."""

from datetime import timedelta

import pytest

from collaborations.models import Site
from tests.factories import DriverFactory, SiteDriverFactory, SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites():
    return [SiteFactory(slug="oldham"), SiteFactory(slug="wigan")]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=csv",
        "/api/v1/sites/oldham/",
        "/api/v1/sites/export.csv",
        "/api/v1/sites/export.json",
    ],
)
def test_sites_carry_validators_and_answer_304_to_either_header(client, sites, url):
    response = client.get(url)
    assert response.status_code == 200
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"') and last_modified.endswith("GMT")
    by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304 and by_etag["ETag"] == etag and not by_etag.content
    by_date = client.get(url, headers={"If-Modified-Since": last_modified})
    assert by_date.status_code == 304
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_change_to_a_site_gives_the_list_and_the_site_new_validators(client, sites):
    listed, detail = client.get("/api/v1/sites/"), client.get("/api/v1/sites/oldham/")
    sites[0].summary = "Changed"
    sites[0].save()
    for old in (listed, detail):
        url = "/api/v1/sites/" if old is listed else "/api/v1/sites/oldham/"
        fresh = client.get(url, headers={"If-None-Match": old["ETag"]})
        assert fresh.status_code == 200 and fresh["ETag"] != old["ETag"]


def test_a_new_fact_gives_new_validators_even_when_the_site_row_is_untouched(client, sites):
    listed, detail = client.get("/api/v1/sites/"), client.get("/api/v1/sites/oldham/")
    SiteDriverFactory(site=sites[0])  # recorded in the fact history, site row unchanged
    for url, old in (("/api/v1/sites/", listed), ("/api/v1/sites/oldham/", detail)):
        fresh = client.get(url, headers={"If-None-Match": old["ETag"]})
        assert fresh.status_code == 200 and fresh["ETag"] != old["ETag"]
    other = client.get("/api/v1/sites/wigan/")
    assert (
        client.get("/api/v1/sites/wigan/", headers={"If-None-Match": other["ETag"]}).status_code
        == 304
    )


def test_unpublishing_a_site_invalidates_a_dated_list(client, sites):
    listed = client.get("/api/v1/sites/")
    later = sites[1].updated_at + timedelta(seconds=5)  # saved by a moderator, later on
    Site.objects.filter(slug="wigan").update(status=Site.Status.ARCHIVED, updated_at=later)
    response = client.get("/api/v1/sites/", headers={"If-Modified-Since": listed["Last-Modified"]})
    assert response.status_code == 200 and response.json()["count"] == 1


def test_each_query_and_format_has_its_own_etag(client, sites):
    etags = {
        client.get(url)["ETag"]
        for url in (
            "/api/v1/sites/",
            "/api/v1/sites/?page_size=1",
            "/api/v1/sites/?format=csv",
            "/api/v1/sites/?ordering=-name",
        )
    }
    assert len(etags) == 4
    csv_by_accept = client.get("/api/v1/sites/", headers={"Accept": "text/csv"})
    assert csv_by_accept["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_by_accept["ETag"] not in etags
    assert "Accept" in csv_by_accept["Vary"]


def test_reference_lists_answer_304_to_their_etag(client):
    DriverFactory(slug="trust")
    response = client.get("/api/v1/drivers/")
    assert (
        client.get("/api/v1/drivers/", headers={"If-None-Match": response["ETag"]}).status_code
        == 304
    )
    DriverFactory(slug="outcomes")
    assert (
        client.get("/api/v1/drivers/", headers={"If-None-Match": response["ETag"]}).status_code
        == 200
    )


def test_a_list_has_a_link_header_to_the_next_page(client, sites):
    response = client.get("/api/v1/sites/?page_size=1")
    assert response["Link"] == '<http://testserver/api/v1/sites/?page=2&page_size=1>; rel="next"'


def test_any_origin_may_read_the_api(client, sites):
    response = client.get("/api/v1/sites/", headers={"Origin": "https://notebook.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_cors_preflight_allows_reading_only(client):
    response = client.options(
        "/api/v1/sites/",
        headers={"Origin": "https://notebook.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    allowed = response["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed


def test_anonymous_clients_are_rate_limited_with_a_clear_json_429(client, settings, sites):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    for _ in range(3):
        assert client.get("/api/v1/drivers/").status_code == 200
    response = client.get("/api/v1/sites/?format=csv")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["status"] == 429 and "throttled" in body["detail"].lower()
    assert body["retry_after_seconds"] > 0


def test_an_api_key_lifts_the_anonymous_limit_to_its_own(client, settings, sites):
    from tests.factories import UserFactory, api_key_for

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "key": "4/minute"},
    }
    key = api_key_for(UserFactory())
    with_key = {"Authorization": f"Token {key}"}
    statuses = [client.get("/api/v1/drivers/", headers=with_key).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert [client.get("/api/v1/drivers/").status_code for _ in range(3)] == [200, 200, 429]


def error(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize(
    ("query", "parameter", "allowed"),
    [
        ("page=abc", "page", []),
        ("page=0", "page", []),
        ("page=-1", "page", []),
        ("page_size=abc", "page_size", []),
        ("page_size=0", "page_size", []),
        ("ordering=bogus", "ordering", ["name", "-name", "updated", "-updated"]),
        ("updated_since=notadate", "updated_since", []),
        ("updated_since=9999-12-31T23:59:59-23:59", "updated_since", []),
        ("driver=nonsense", "driver", ["trust-and-empowerment"]),
        ("kind=bogus", "kind", ["research-site", "framework-example"]),
        ("driver_match=some", "driver_match", ["any", "all"]),
        ("evidence=hearsay", "evidence", ["research-coded", "self-reported"]),
        ("min_facts_with_reference=lots", "min_facts_with_reference", []),
        ("min_facts_with_reference=-1", "min_facts_with_reference", []),
        ("format=xml", "format", ["json", "csv"]),
        ("drivers=trust-and-empowerment", "drivers", ["driver", "q", "page_size"]),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it_and_what_it_takes(client, query, parameter, allowed):
    DriverFactory(slug="trust-and-empowerment")
    body = error(client.get(f"/api/v1/sites/?{query}"), 400)
    assert body["status"] == 400 and parameter in body["detail"]
    [problem] = body["errors"]
    assert problem["parameter"] == parameter
    assert problem["message"] and problem["expected"]
    assert set(allowed) <= set(problem["allowed_values"])


def test_a_bad_parameter_is_a_json_400_even_when_csv_was_asked_for(client):
    body = error(client.get("/api/v1/sites/?ordering=bogus", headers={"Accept": "text/csv"}), 400)
    assert body["errors"][0]["parameter"] == "ordering"
    error(client.get("/api/v1/sites/export.csv?driver=nonsense"), 400)


def test_several_bad_parameters_are_all_named(client):
    body = error(client.get("/api/v1/sites/?ordering=bogus&kind=bogus"), 400)
    assert {problem["parameter"] for problem in body["errors"]} == {"ordering", "kind"}


@pytest.mark.parametrize(
    "url",
    ["/api/v1/sites/nope/", "/api/v1/drivers/nope/", "/api/v1/organisations/nope/"],
)
def test_an_unknown_slug_is_a_json_404(client, url):
    body = error(client.get(url), 404)
    assert "nope" in body["detail"]


def test_a_page_past_the_last_is_a_json_404(client, sites):
    assert "last page" in error(client.get("/api/v1/sites/?page=9"), 404)["detail"]


def test_the_api_is_read_only(client, sites):
    for method in (client.post, client.put, client.delete):
        assert method("/api/v1/sites/oldham/").status_code in (403, 405)
    assert error(client.post("/api/v1/sites/"), 405)["status"] == 405


def test_a_detail_rejects_parameters_it_does_not_take(client, sites):
    assert (
        error(client.get("/api/v1/sites/oldham/?page=2"), 400)["errors"][0]["parameter"] == "page"
    )


def test_an_unknown_api_address_is_a_json_404(client):
    body = error(client.get("/api/v1/nowhere/"), 404)
    assert "/api/v1/nowhere/" in body["detail"]
    error(client.get("/api/v1/drivers/%C2%BD%0A%10/"), 404)
    assert client.get("/api/v1/sites/oldham").status_code == 301  # then a slash


def test_the_submissions_api_keeps_its_own_route(client):
    response = client.get("/api/v1/submissions/")
    assert response.status_code != 404


def test_head_answers_like_get_without_a_body(client, sites):
    got, head = client.get("/api/v1/sites/"), client.head("/api/v1/sites/")
    assert head.status_code == 200 and head["ETag"] == got["ETag"] and not head.content


def test_options_describes_an_endpoint_in_json_even_when_csv_is_asked_for(client, sites):
    response = client.options("/api/v1/sites/oldham/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_an_empty_format_is_a_400_naming_the_formats(client):
    body = error(client.get("/api/v1/drivers/?format="), 400)
    assert body["errors"][0]["allowed_values"] == ["json"]
