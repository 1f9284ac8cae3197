"""Lists, compare, the CSV and the API carry each value's rank, provenance and status, as
the case page does: a researcher can set aside inferred, self-reported or disputed values.

The seed catalogue with Oldham's right of reply accepted and preferred: its funding is
"service contracts" (self-reported) beside the research's "none", so sources disagree."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from collaborations.api.columns import SITE_HEADERS
from tests.test_statements import correct_oldhams_funding


@pytest.fixture(scope="module")
def corrected_catalogue(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_catalogue", verbosity=0)
            correct_oldhams_funding(preferred=True)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def catalogue(corrected_catalogue, db):
    pass


def csv_rows(client, url) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert list(rows[0]) == SITE_HEADERS
    return {row["slug"]: row for row in rows}


def split(cell: str) -> list[str]:
    return cell.split("; ") if cell else []


def test_the_csv_gives_each_funding_value_its_rank_provenance_and_status(client, catalogue):
    oldham = csv_rows(client, "/api/v1/sites/export.csv")["oldham-council"]
    values = dict(
        zip(
            split(oldham["funding_types"]),
            zip(
                split(oldham["funding_types_rank"]),
                split(oldham["funding_types_provenance"]),
                split(oldham["funding_types_status"]),
                strict=True,
            ),
            strict=True,
        )
    )
    assert values == {
        "none": ("normal", "research", "disputed"),
        "service-contracts": ("preferred", "self-reported", "disputed"),
    }
    assert "Funding" in split(oldham["disputed_facts"])


def test_the_csv_marks_inferred_places_and_the_documents_disagreement(client, catalogue):
    rows = csv_rows(client, "/api/v1/sites/?kind=research-site&format=csv&page_size=50")
    somerset = rows["somerset-richmond-group"]
    assert somerset["locality"] == "Somerset" and somerset["locality_provenance"] == "inferred"
    assert somerset["scope_provenance"] == "research" and somerset["scope_status"] == "agreed"
    # The documents disagree whether "Doing the Right Thing" is this collaboration.
    assert somerset["typology_status"] == "disputed"
    assert split(somerset["disputed_facts"]) == ["Other names", "Type of collaboration"]
    aliases = dict(
        zip(split(somerset["aliases"]), split(somerset["aliases_provenance"]), strict=True)
    )
    assert aliases == {"Doing the Right Thing": "inferred", "Somerset Richmond": "research"}
    golden_key = rows["golden-key"]
    assert golden_key["disputed_facts"] == "" and golden_key["typology_status"] == "agreed"
    assert golden_key["region"] == "" and golden_key["region_provenance"] == ""


def test_the_one_site_csv_and_the_download_agree(client, catalogue):
    one = csv_rows(client, "/api/v1/sites/oldham-council/?format=csv")["oldham-council"]
    download = csv_rows(client, "/api/v1/sites/export.csv")["oldham-council"]
    assert one == download


def test_the_api_gives_every_statement_rank_provenance_status_and_passages(client, catalogue):
    oldham = client.get("/api/v1/sites/oldham-council/").json()
    funding = {row["slug"]: row for row in oldham["funding_types"]}
    assert funding["none"]["provenance"] == "research"
    assert funding["none"]["status"] == "disputed"
    assert funding["none"]["references"][0]["excerpt"]
    correction = funding["service-contracts"]
    assert (correction["rank"], correction["provenance"]) == ("preferred", "self-reported")
    assert correction["rank_reason"] == "The council confirmed it in 2020."
    assert "Funding" in oldham["disputed_facts"]
    locality = oldham["field_citations"]["locality"]
    assert locality["provenance"] == "inferred" and locality["note"]


def test_compare_marks_disputed_and_self_reported_values(client, catalogue):
    html = client.get("/compare/?sites=oldham-council&sites=wigan-council").content.decode()
    html = " ".join(html.split())
    funding = html[html.index('id="attr-funding"') :]
    funding = funding[: funding.index("</tr>", funding.index('class="attr-values"'))]
    oldham, wigan = funding.split("<td ")[1:3]
    assert "Service contracts" in oldham
    assert '<span class="provenance provenance-self-reported">Self-reported</span>' in oldham
    assert '<span class="provenance provenance-disputed">Disputed</span>' in oldham
    assert "provenance-" not in wigan
    place = html[html.index('id="attr-place"') :]
    place = place[: place.index("</tr>", place.index('class="attr-values"'))]
    assert "Inferred by the catalogue" in place


def test_browse_names_the_disputed_facts_and_marks_the_values(client, catalogue):
    html = client.get("/sites/?kind=research-site").content.decode()
    html = " ".join(html.split())
    oldham = html[html.index('href="/sites/oldham-council/"') :]
    oldham = oldham[: oldham.index("</li>")]
    assert "Sources disagree about funding." in oldham
    assert '<span class="provenance provenance-self-reported">Self-reported</span>' in oldham
    golden_key = html[html.index('href="/sites/golden-key/"') :]
    assert "Sources disagree" not in golden_key[: golden_key.index("</li>")]


def test_a_case_page_says_when_the_name_is_the_catalogues(client, catalogue):
    html = " ".join(
        client.get("/sites/peterborough-reoffending-partnership/").content.decode().split()
    )
    name = html[html.index('class="name-evidence"') :]
    name = name[: name.index("</details>")]
    assert "Inferred by the catalogue" in name
    assert "gives it no name; the name is the catalogue&#x27;s." in name


@pytest.mark.django_db
def test_the_codebook_defines_rank_provenance_status_and_the_csv_columns(client):
    html = " ".join(client.get("/codebook/").content.decode().split())
    section = html[html.index('id="codebook-evidence"') : html.index('id="codebook-tables"')]
    for value in ("preferred", "deprecated", "inferred", "self-reported", "disputed"):
        assert f"<code>{value}</code>" in section
    assert "<code>_provenance</code>" in section and "<code>disputed_facts</code>" in section
