"""Following a site or a search: email digests sent once, never lost, stopped in one click."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import CatalogueChange
from following.digests import digests_run
from following.models import Digest, Follow
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site
from tests.test_submissions_support import make_moderator, make_reference_data

pytestmark = pytest.mark.django_db
LATER = timedelta(days=8)


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down")


@pytest.fixture
def reader(client):
    user = f.UserFactory(username="reader", email="reader@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def world():
    ref, moderator = make_reference_data(), make_moderator()
    site = catalogue_site(name="Alpha Partnership", summary="First words.")
    return {"ref": ref, "moderator": moderator, "site": site, "proposer": f.UserFactory()}


def follow_site(client, site, frequency="weekly"):
    return client.post("/follow/", {"site": site.slug, "frequency": frequency})


def run_later(days=8):
    return digests_run(now=timezone.now() + timedelta(days=days))


def test_following_needs_an_account(client, world):
    response = follow_site(client, world["site"])
    assert response.status_code == 302 and "/login/" in response["Location"]
    html = client.get(world["site"].get_absolute_url()).content.decode()
    assert "Log in</a> to follow this site" in html


def test_a_reader_follows_a_site_from_its_page_from_now_on(client, reader, world):
    html = client.get(world["site"].get_absolute_url()).content.decode()
    assert "Follow this site by email" in html
    response = follow_site(client, world["site"], "daily")
    assert response.status_code == 302
    follow = Follow.objects.get(user=reader)
    assert follow.site == world["site"] and follow.frequency == "daily"
    assert follow.delivered_through == CatalogueChange.objects.latest("pk").pk
    follow_site(client, world["site"], "weekly")
    assert Follow.objects.get(user=reader).frequency == "weekly"  # not a second follow


def test_a_digest_lists_each_change_once_with_a_one_click_unsubscribe(client, reader, world):
    follow_site(client, world["site"])
    accept_correction(world["site"], world["moderator"], world["proposer"], summary="New words.")
    assert run_later().sent == 1
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "Alpha Partnership: summary corrected" in message.body
    assert "now: New words." in message.body and "was: First words." in message.body
    unsubscribe = Follow.objects.get().get_unsubscribe_url()
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "seed" not in message.body.lower()
    run_later(days=16)
    assert len(mail.outbox) == 1  # a second run sends nothing twice


def test_nothing_is_sent_before_a_digest_is_due_or_when_nothing_changed(client, reader, world):
    follow_site(client, world["site"], "weekly")
    accept_correction(world["site"], world["moderator"], world["proposer"], summary="New words.")
    assert digests_run(now=timezone.now() + timedelta(days=2)).sent == 0
    assert run_later().sent == 1
    assert run_later(days=30).sent == 0 and len(mail.outbox) == 1


def test_a_failed_send_loses_nothing_and_is_sent_once_later(client, reader, world, settings):
    follow_site(client, world["site"])
    accept_correction(world["site"], world["moderator"], world["proposer"], summary="New words.")
    settings.EMAIL_BACKEND = "tests.test_following.FailingBackend"
    failed = run_later()
    assert failed.failed == 1 and failed.sent == 0
    digest = Digest.objects.get()
    assert digest.sent_at is None and "mail server is down" in digest.last_error
    site_withdraw(site_id=world["site"].pk, moderator=world["moderator"], reason="Closed")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_later(days=16)
    run_later(days=24)
    bodies = [message.body for message in mail.outbox]
    assert len(bodies) == 2
    assert "summary corrected" in bodies[0] and "withdrawn" in bodies[1]
    assert sum(body.count("summary corrected") for body in bodies) == 1
    assert Digest.objects.filter(sent_at__isnull=True).count() == 0


def test_a_followed_search_gets_only_changes_to_the_sites_it_matches(client, reader, world):
    ref = world["ref"]
    from collaborations.models import TypologyCoding

    TypologyCoding.objects.create(
        site=world["site"], typology=ref.typologies[0], source=f.SourceFactory(), rank="preferred"
    )
    other = catalogue_site(name="Beta Alliance")
    search = f"typology={ref.typologies[0].slug}&page=2&ordering=-updated"
    response = client.post("/follow/", {"search": search, "frequency": "daily"})
    assert response.status_code == 302
    assert Follow.objects.get().search == f"typology={ref.typologies[0].slug}"
    accept_correction(world["site"], world["moderator"], world["proposer"], summary="Matched.")
    accept_correction(other, world["moderator"], world["proposer"], summary="Not matched.")
    run_later()
    (message,) = mail.outbox
    assert "Alpha Partnership" in message.body and "Beta Alliance" not in message.body


def test_a_search_with_a_bad_filter_cannot_be_followed(client, reader, world):
    response = client.post("/follow/", {"search": "typology=nonsense", "frequency": "daily"})
    assert response.status_code == 400
    assert "nonsense is not a known value" in response.content.decode()
    response = client.post("/follow/", {"search": "page=2", "frequency": "daily"})
    assert response.status_code == 400 and not Follow.objects.exists()


def test_the_browse_page_offers_to_follow_its_search(client, reader, world):
    ref = world["ref"]
    html = client.get(f"/sites/?typology={ref.typologies[0].slug}").content.decode()
    assert "Follow this search by email" in html
    assert f'name="search" value="typology={ref.typologies[0].slug}"' in html


def test_unsubscribing_takes_one_click_without_logging_in(reader, world):
    follow = Follow.objects.create(user=reader, site=world["site"])
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(follow.get_unsubscribe_url())
    assert page.status_code == 200 and Follow.objects.exists()  # a GET never unsubscribes
    response = anonymous.post(follow.get_unsubscribe_url(), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and not Follow.objects.exists()
    assert anonymous.post(follow.get_unsubscribe_url()).status_code == 404


def test_readers_manage_what_they_follow(client, reader, world):
    follow = Follow.objects.create(user=reader, site=world["site"])
    assert "Alpha Partnership" in client.get("/follow/").content.decode()
    client.post(f"/follow/{follow.pk}/", {"action": "frequency", "frequency": "daily"})
    assert Follow.objects.get().frequency == "daily"
    someone = f.UserFactory()
    other = Client()
    other.force_login(someone)
    other.post(f"/follow/{follow.pk}/", {"action": "delete"})
    assert Follow.objects.exists()  # not theirs
    client.post(f"/follow/{follow.pk}/", {"action": "delete"})
    assert not Follow.objects.exists()


def test_the_command_reports_what_it_did(client, reader, world, capsys):
    follow_site(client, world["site"])
    Follow.objects.update(created_at=timezone.now() - LATER)
    accept_correction(world["site"], world["moderator"], world["proposer"], summary="New words.")
    call_command("send_digests")
    assert "1 written, 1 sent, 0 failed" in capsys.readouterr().out
    assert len(mail.outbox) == 1
