"""Revision permalinks show a page as it was; "cite this page" names the revision."""

import json

import pytest
from django.utils import timezone

from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import SiteRevision
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site, publish_submission
from tests.test_submissions_support import create_submission, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected():
    ref, moderator = make_reference_data(), make_moderator()
    site = publish_submission(ref, moderator, summary="The first summary.")
    accept_correction(site, moderator, f.UserFactory(), summary="The corrected summary.")
    numbers = list(
        SiteRevision.objects.filter(site=site, is_public=True)
        .order_by("number")
        .values_list("number", flat=True)
    )
    return site, numbers


def test_each_public_revision_shows_the_page_as_it_was(client, corrected):
    site, (first, second) = corrected
    old = client.get(f"/sites/{site.slug}/revisions/{first}/").content.decode()
    assert "The first summary." in old and "The corrected summary." not in old
    assert "It is not the current revision." in old
    assert f'href="/sites/{site.slug}/revisions/{second}/"' in old
    new = client.get(f"/sites/{site.slug}/revisions/{second}/").content.decode()
    assert "The corrected summary." in new and "It is the current revision." in new
    assert "What this revision changed" in new and "changed in this revision" in new


def test_revisions_that_were_never_public_are_not_found(client, corrected):
    site, numbers = corrected
    private = SiteRevision.objects.filter(site=site, is_public=False).first()
    assert private is not None
    assert client.get(f"/sites/{site.slug}/revisions/{private.number}/").status_code == 404
    assert client.get(f"/sites/{site.slug}/revisions/999/").status_code == 404


def test_a_drafts_revisions_are_not_found(client):
    draft = create_submission(make_reference_data(), submit=False)
    assert client.get(f"/sites/{draft.site.slug}/revisions/1/").status_code == 404


def test_a_withdrawn_sites_revisions_are_gone(client):
    site = catalogue_site(name="Gone Partnership")
    site_withdraw(site_id=site.pk, moderator=make_moderator(), reason="Closed in 2021")
    response = client.get(f"/sites/{site.slug}/revisions/1/")
    assert response.status_code == 410
    assert "Closed in 2021" in response.content.decode()


def test_cite_this_page_names_the_catalogue_the_revision_its_date_and_the_access_date(
    client, corrected
):
    site, (_first, second) = corrected
    html = client.get(site.get_absolute_url()).content.decode()
    permalink = f"http://127.0.0.1:8000/sites/{site.slug}/revisions/{second}/"
    today = timezone.localdate()
    assert f"revision {second}" in html and permalink in html
    assert "Rallying: a catalogue of collaborations in local public services" in html
    assert f"(Accessed: {today.day} {today:%B %Y})" in html
    for heading in ("Plain text", "BibTeX", "RIS", "CSL-JSON"):
        assert f">{heading}<" in html, heading
    assert f'href="/sites/{site.slug}/revisions/{second}/cite.ris"' in html


def test_citation_files_download_in_each_format(client, corrected):
    site, (_first, second) = corrected
    base = f"/sites/{site.slug}/revisions/{second}/cite"
    ris = client.get(f"{base}.ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert f"ET  - revision {second}" in ris.content.decode()
    csl = json.loads(client.get(f"{base}.json").content)
    assert csl[0]["type"] == "webpage" and csl[0]["version"] == str(second)
    assert csl[0]["URL"].endswith(f"/revisions/{second}/") and "accessed" in csl[0]
    bibtex = client.get(f"{base}.bib").content.decode()
    assert bibtex.startswith("@misc{rallying_") and f"version      = {{{second}}}" in bibtex
    assert client.get(f"/sites/{site.slug}/revisions/{second}/cite.exe").status_code == 404
