"""The public site list's Last-Modified and ETag move with public changes only: a private
draft saved at any moment must not show up in them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from collaborations.models import Site
from collaborations.models.fact_history import fact_history_models
from tests import factories as f
from tests.test_submissions_support import create_submission, make_reference_data

pytestmark = pytest.mark.django_db
TOMORROW = timezone.now() + timedelta(days=1)


def validators(client):
    response = client.get("/api/v1/sites/")
    assert response.status_code == 200
    return response["Last-Modified"], response["ETag"]


def move_to_tomorrow(site):
    """As if the site and its facts had been written tomorrow."""
    Site.objects.filter(pk=site.pk).update(updated_at=TOMORROW)
    for history in fact_history_models():
        history.objects.filter(site_id=site.pk).update(history_date=TOMORROW)


def test_saving_a_private_draft_moves_neither_validator(client):
    f.SiteFactory(name="Oldham")
    before = validators(client)
    draft = create_submission(make_reference_data(), submit=False)
    move_to_tomorrow(draft.site)
    assert validators(client) == before


def test_a_change_to_a_published_site_moves_them(client):
    site = f.SiteFactory(name="Oldham")
    create_submission(make_reference_data(), submit=False)
    before = validators(client)
    move_to_tomorrow(site)
    last_modified, etag = validators(client)
    assert last_modified == http_date(int(TOMORROW.timestamp())) and etag != before[1]


def test_unpublishing_a_site_still_moves_them(client):
    site = f.SiteFactory(name="Oldham", published_at=timezone.now())
    f.SiteFactory(name="Wigan")
    before = validators(client)
    Site.objects.filter(pk=site.pk).update(status=Site.Status.REJECTED, updated_at=TOMORROW)
    assert validators(client)[0] != before[0]
