"""/submit/: choices from the reference tables, validation next to fields, drafts, citations."""

import pytest
from django.core import mail

from accountability.models import AccountabilityLine, Indicator
from collaborations.models import (
    FieldStatement,
    Organisation,
    Site,
    SiteDriver,
    Source,
    Submission,
    TypologyCoding,
)
from collaborations.submissions import services
from tests import factories as f
from tests.test_submissions_support import make_reference_data, submission_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ref():
    return make_reference_data()


def test_the_form_offers_reference_rows_with_their_definitions(client, ref):
    html = client.get("/submit/all/").content.decode()
    typology = ref.typologies[0]
    assert typology.name in html
    assert typology.description in html
    assert typology.characteristics in html
    assert "Not sure" in html
    assert ref.drivers[0].name in html and ref.drivers[0].description in html
    assert ref.line_types[1].name in html
    assert ref.not_classified.name not in html  # offered as "Not sure", not by its name


def test_a_new_reference_row_appears_without_a_deploy(client, ref):
    f.DriverFactory(slug="new-driver", name="A driver added in the admin")
    assert "A driver added in the admin" in client.get("/submit/all/").content.decode()


def test_a_complete_submission_is_saved_with_every_fact_citing_the_practitioner(
    client, ref, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/submit/", submission_data(ref))
    assert response.status_code == 302
    site = Site.objects.get(name="Northtown Together")
    assert site.kind == Site.Kind.PRACTITIONER_SUBMISSION
    assert site.status == Site.Status.SUBMITTED
    assert site not in Site.public.all()
    source = site.submission.source
    assert source.kind == Source.Kind.PRACTITIONER
    assert source.title == "Self-reported by Northtown Community Trust"
    assert "sam@" not in source.title + source.short_title + source.author
    assert set(SiteDriver.objects.filter(site=site).values_list("source", flat=True)) == {source.pk}
    assert TypologyCoding.objects.get(site=site).typology == ref.typologies[0]
    line = AccountabilityLine.objects.get(site=site)
    assert line.detail == "Quarterly report to the board" and line.source == source
    assert set(Indicator.objects.filter(site=site).values_list("name", flat=True)) == {
        "Fewer emergency admissions",
        "Residents who feel heard",
    }
    assert FieldStatement.objects.get(site=site, field="summary").source == source
    lead = site.participations.get(role__slug="lead")
    assert lead.organisation.name == "Northtown Community Trust"
    # The quality signal counts facts, and says whose: none of these rests on a passage.
    assert site.fact_count == site.self_reported_fact_count > 15
    assert site.referenced_fact_count == 0 and site.research_fact_count == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam@northtown.example.org"]


def test_an_existing_organisation_is_reused_by_name_or_alias(client, ref):
    existing = f.OrganisationFactory(name="Oldham Council")
    existing.aliases.create(name="Oldham MBC")
    client.post(
        "/submit/",
        submission_data(ref, lead_organisation_name="oldham mbc", lead_organisation_type=""),
    )
    site = Site.objects.get(name="Northtown Together")
    assert site.participations.get().organisation == existing
    assert Organisation.objects.count() == 1


def test_a_new_organisation_needs_its_kind(client, ref):
    response = client.post("/submit/", submission_data(ref, lead_organisation_type=""))
    assert response.status_code == 400
    assert "is not in the catalogue yet" in response.content.decode()
    assert not Site.objects.exists()


def test_not_sure_codes_the_site_as_not_classified(client, ref):
    client.post("/submit/", submission_data(ref, typology=""))
    coding = TypologyCoding.objects.get(site__name="Northtown Together")
    assert coding.typology == ref.not_classified


def test_not_sure_without_a_not_classified_row_leaves_the_site_uncoded(client, ref):
    ref.not_classified.delete()
    client.post("/submit/", submission_data(ref, typology=""))
    assert not TypologyCoding.objects.filter(site__name="Northtown Together").exists()


def test_errors_appear_next_to_their_fields_and_typed_text_survives(client, ref):
    data = submission_data(
        ref, summary="", locality="", region="", website="not a url", start_year="3000"
    )
    response = client.post("/submit/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_summary_error"' in html
    assert 'id="id_website_error"' in html
    assert 'id="id_start_year_error"' in html
    assert "Give the town, city or area, or choose a nation or region." in html
    assert 'value="Northtown Together"' in html
    assert "Quarterly report to the board" in html
    assert "Fewer emergency admissions\nResidents who feel heard" in html
    assert f'value="{ref.drivers[2].slug}" id="id_drivers_2" checked' in html
    assert not Site.objects.exists()


def test_an_unknown_choice_is_refused_by_name(client, ref):
    response = client.post("/submit/", submission_data(ref, drivers=["no-such-driver"]))
    assert response.status_code == 400
    assert "no-such-driver is not one of the available choices" in response.content.decode()


def test_a_draft_needs_only_a_name_and_an_email(client, ref, django_capture_on_commit_callbacks):
    data = {"name": "Half-written", "contact_email": "a@example.org", "action": "draft"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/submit/", data)
    assert response.status_code == 302
    site = Site.objects.get(name="Half-written")
    assert site.status == Site.Status.DRAFT
    assert "private link" in mail.outbox[0].subject  # no account: the address is confirmed
    assert "/submissions/access/" in mail.outbox[0].body


def test_a_draft_is_resumed_and_submitted(client, ref):
    client.post(
        "/submit/", {"name": "Half-written", "contact_email": "a@example.org", "action": "draft"}
    )
    site = Site.objects.get(name="Half-written")
    edit = client.get(f"/submissions/{site.slug}/edit/")
    assert edit.status_code == 200 and 'value="Half-written"' in edit.content.decode()
    version = site.submission.version
    data = submission_data(ref, name="Half-written", version=str(version))
    assert client.post(f"/submissions/{site.slug}/edit/", data).status_code == 302
    site.refresh_from_db()
    assert site.status == Site.Status.SUBMITTED
    assert site.submission.submitted_at is not None


def test_every_text_field_has_a_length_limit(client, ref):
    response = client.post("/submit/", submission_data(ref, name="x" * 201, summary="y" * 5001))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ensure this value has at most 200 characters" in html
    assert "Ensure this value has at most 5000 characters" in html
    from collaborations.submissions.forms import SubmissionForm

    form = SubmissionForm()
    for name, field in form.fields.items():
        if hasattr(field, "max_length") and field.__class__.__name__ in {
            "CharField",
            "EmailField",
            "URLField",
        }:
            assert field.max_length, name


def test_the_honeypot_refuses_software_that_fills_every_field(client, ref):
    response = client.post("/submit/", submission_data(ref, homepage="http://spam.example"))
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Site.objects.exists()


def test_a_server_error_keeps_everything_typed(client, ref, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database fell over")

    monkeypatch.setattr(services, "submission_create", broken)
    monkeypatch.setattr("collaborations.submissions.views.submit.submission_create", broken)
    response = client.post("/submit/", submission_data(ref))
    html = response.content.decode()
    assert response.status_code == 500
    assert "nothing was saved" in html
    assert 'value="Northtown Together"' in html
    assert "Residents, the council and charities plan services together." in html
    assert not Submission.objects.exists()


def test_the_form_posts_without_javascript(client, ref):
    # A plain HTML form post: no script runs, buttons carry the action.
    html = client.get("/submit/all/").content.decode()
    assert '<form method="post"' in html
    assert 'name="action" value="submit"' in html
    assert "<script" not in html
