"""Charity and company numbers a practitioner gives for the lead organisation: checked
against each register's form on the submission form and the task list, kept with the
submission, shown to the moderator (with any other organisation already holding the
number), and written to the organisation on publishing, where the pages, the API, the CSV
and the identifier filter show it as given by the submitter."""

import csv
import html
import io

import pytest
import yaml

from collaborations.catalogue import default_fixture_path
from collaborations.models import Organisation, OrganisationIdentifier, Register, Site, Submission
from collaborations.registers import registers_load
from tests import factories as f
from tests import streaming
from tests.test_moderation_journey import decide
from tests.test_submissions_support import make_moderator, make_reference_data, submission_data
from tests.test_submissions_tasks import save, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def ref(tmp_path):
    """The registers of fixtures/registers.yaml (without the councils' lookup: not needed)."""
    document = yaml.safe_load((default_fixture_path() / "registers.yaml").read_text())
    (tmp_path / "registers.yaml").write_text(yaml.safe_dump({"registers": document["registers"]}))
    registers_load(tmp_path)
    return make_reference_data()


def post_all(client, ref, **identifiers):
    return client.post("/submit/all/", submission_data(ref, **identifiers))


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("given", "identifier"),
    [
        ({"lead_charity_register": "GB-CHC", "lead_charity_number": "1123456"}, "GB-CHC-1123456"),
        (
            {"lead_charity_register": "GB-CHC", "lead_charity_number": " 112 3456 "},
            "GB-CHC-1123456",
        ),
        ({"lead_charity_register": "GB-SC", "lead_charity_number": "sc 012345"}, "GB-SC-SC012345"),
        ({"lead_charity_register": "GB-NIC", "lead_charity_number": "101234"}, "GB-NIC-101234"),
        # One register's form fits: no need to pick it.
        ({"lead_charity_number": "SC012345"}, "GB-SC-SC012345"),
        ({"lead_charity_number": "1123456"}, "GB-CHC-1123456"),
        ({"lead_company_number": "01234567"}, "GB-COH-01234567"),
        ({"lead_company_number": "sc123456"}, "GB-COH-SC123456"),
        ({"lead_company_number": "GB-COH-01234567"}, "GB-COH-01234567"),
    ],
)
def test_a_number_is_kept_as_its_register_writes_it(client, ref, given, identifier):
    assert post_all(client, ref, **given).status_code == 302
    submission = Submission.objects.get(site__name="Northtown Together")
    register, value = identifier.rsplit("-", 1)
    expected = {"organisation": "lead", "register": register, "value": value}
    assert submission.identifiers == [expected]


@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        (
            {"lead_charity_register": "GB-SC", "lead_charity_number": "12345"},
            "lead_charity_number",
            "Enter a Scottish charity number like SC012345.",
        ),
        (
            {"lead_charity_register": "GB-CHC", "lead_charity_number": "SC012345"},
            "lead_charity_number",
            "Enter a registered charity number (England and Wales) like 1123456.",
        ),
        (
            {"lead_charity_register": "GB-NIC", "lead_charity_number": "201234"},
            "lead_charity_number",
            "Enter a Northern Ireland charity number like 101234.",
        ),
        (
            {"lead_company_number": "1234567"},
            "lead_company_number",
            "Enter a company number like 01234567.",
        ),
        (
            {"lead_charity_register": "GB-SC", "lead_charity_number": ""},
            "lead_charity_number",
            "Enter the Scottish charity number, or choose “Not a registered charity”.",
        ),
        (  # both England and Wales's and Northern Ireland's forms fit
            {"lead_charity_number": "123456"},
            "lead_charity_register",
            "Choose the register of the charity number 123456: Charity Commission for England "
            "and Wales or Charity Commission for Northern Ireland.",
        ),
        (
            {"lead_charity_number": "charity"},
            "lead_charity_number",
            "Enter a charity number like 1123456 (Charity Commission for England and Wales), "
            "SC012345 (Scottish Charity Register) or 101234 (Charity Commission for Northern "
            "Ireland).",
        ),
        (
            {"lead_charity_register": "GB-XX", "lead_charity_number": "1123456"},
            "lead_charity_register",
            "Select a valid choice.",
        ),
        (
            {"lead_company_number": "0" * 61},
            "lead_company_number",
            "at most 60 characters",
        ),
        (
            {"lead_company_number": "0" * 45},
            "lead_company_number",
            "Enter a company number like 01234567.",
        ),
        (
            {"lead_company_number": "0123\x004567"},
            "lead_company_number",
            "Null characters are not allowed.",
        ),
        (
            {"lead_company_number": "01234567", "lead_organisation_name": ""},
            "lead_company_number",
            "Name the lead organisation whose number this is.",
        ),
    ],
)
def test_a_wrong_number_is_an_error_by_its_field_that_says_how_to_write_it(
    client, ref, given, field, message
):
    response = post_all(client, ref, action="draft", **given)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    text = page_text(response)
    assert 'class="error-summary"' in text and message.split("(")[0] in text
    assert not Submission.objects.exists()


def test_the_forms_ask_with_labels_and_the_registers_of_the_table(client, ref):
    page = client.get("/submit/all/").content.decode()
    assert '<label for="id_lead_charity_number">Lead organisation’s charity number</label>' in page
    assert '<select name="lead_charity_register"' in page
    for register in Register.objects.filter(kind="charity"):
        assert f'<option value="{register.code}">{register.name}</option>' in page
    # One company register: the number alone, no choice to make.
    assert 'name="lead_company_register"' not in page
    assert 'aria-describedby="id_lead_company_number_helptext"' in page
    # A register added as data is offered without a change to the code.
    f.RegisterFactory(
        code="GB-XYZ", name="Register of Guernsey charities", kind="charity", pattern="[0-9]{3}"
    )
    page = client.get("/submit/all/").content.decode()
    assert '<option value="GB-XYZ">Register of Guernsey charities</option>' in page
    # Change proposals are about the site's facts: they do not ask.
    site = f.SiteFactory()
    proposal = client.get(f"/sites/{site.slug}/propose/")
    assert "lead_charity_number" not in proposal.content.decode()


def where_and_who(ref, **numbers) -> dict:
    """The "Where and who" section of the task list, with the lead organisation's numbers."""
    return {
        "locality": "Northtown",
        "lead_organisation_name": "Northtown Trust",
        "lead_organisation_type": ref.organisation_types[0].slug,
        **numbers,
    }


def test_the_task_list_asks_in_where_and_who_and_keeps_the_numbers(client, ref):
    submission = start(client, "Northtown Together")
    where = where_and_who(
        ref,
        lead_charity_register="GB-SC",
        lead_charity_number="SC 012345",
        lead_company_number="SC123456",
    )
    url = f"/submissions/{submission.site.slug}/tasks/where-and-who/"
    assert 'name="lead_charity_number"' in client.get(url).content.decode()
    wrong = save(client, submission, "where-and-who", {**where, "lead_charity_number": "SC1"})
    assert wrong.status_code == 400
    assert "Enter a Scottish charity number like SC012345." in page_text(wrong)
    assert save(client, submission, "where-and-who", where).status_code == 302
    submission.refresh_from_db()
    assert [(i["register"], i["value"]) for i in submission.identifiers] == [
        ("GB-SC", "SC012345"),
        ("GB-COH", "SC123456"),
    ]
    # The page shows them again; another section's save keeps them.
    again = client.get(url).context["form"]
    assert again["lead_charity_number"].value() == "SC012345"
    assert again["lead_charity_register"].value() == "GB-SC"
    assert save(client, submission, "about", {"name": "Northtown Together", "summary": "S."})
    submission.refresh_from_db()
    assert len(submission.identifiers) == 2
    check = page_text(client.get(f"/submissions/{submission.site.slug}/check/"))
    assert "Lead organisation’s charity number" in check and "SC012345" in check
    assert "Scottish Charity Register" in check and "SC123456" in check
    detail = page_text(client.get(f"/submissions/{submission.site.slug}/"))
    assert "SC012345 (Scottish Charity Register)" in detail
    # Emptying the fields takes them away.
    cleared = {**where, "lead_charity_register": "", "lead_charity_number": ""}
    cleared["lead_company_number"] = ""
    assert save(client, submission, "where-and-who", cleared).status_code == 302
    submission.refresh_from_db()
    assert submission.identifiers == []
    check = page_text(client.get(f"/submissions/{submission.site.slug}/check/"))
    assert "Lead organisation’s charity or company number" in check


def submit_and_review(client, ref, **given):
    assert post_all(client, ref, **given).status_code == 302
    site = Site.objects.get(name="Northtown Together")
    moderator = client.__class__()
    moderator.force_login(make_moderator())
    return site, moderator


def test_submitted_published_then_shown_with_its_origin_and_found_by_the_filter(
    client, ref, django_capture_on_commit_callbacks
):
    given = {
        "lead_charity_register": "GB-CHC",
        "lead_charity_number": "1123456",
        "lead_company_number": "01234567",
    }
    with django_capture_on_commit_callbacks(execute=True):
        site, moderator = submit_and_review(client, ref, **given)
    # Nothing is public before a moderator publishes it.
    assert not OrganisationIdentifier.objects.exists()
    anonymous = client.__class__()
    found = anonymous.get("/api/v1/sites/?identifier=GB-CHC-1123456").json()
    assert found["results"] == []
    assert "1123456" not in anonymous.get("/api/v1/organisations/").content.decode()

    review = page_text(moderator.get(f"/moderation/submissions/{site.slug}/"))
    assert "Charity and company numbers given" in review
    assert "GB-CHC-1123456" in review and "GB-COH-01234567" in review
    assert "Will be added to Northtown Community Trust when you publish." in review
    assert "01234567 (Companies House)" in review  # the submission as it stands
    assert (
        'href="https://find-and-update.company-information.service.gov.uk/company/01234567"'
        in review
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(moderator, site, "publish", "", 1).status_code == 302

    lead = Organisation.objects.get(name="Northtown Community Trust")
    rows = {(i.register.code, i.value, i.origin, i.submission_id) for i in lead.identifiers.all()}
    submission_id = site.submission.pk
    assert rows == {
        ("GB-CHC", "1123456", "submitter", submission_id),
        ("GB-COH", "01234567", "submitter", submission_id),
    }
    # The organisation's page and the case page say where each number came from.
    organisation_page = page_text(anonymous.get(lead.get_absolute_url()))
    assert "GB-CHC-1123456" in organisation_page
    assert "given by the practitioner who submitted the site" in organisation_page
    assert (
        '<a href="https://find-and-update.company-information.service.gov.uk/company/01234567"'
        in organisation_page
    )
    case = page_text(anonymous.get(f"/sites/{site.slug}/"))
    assert "In public registers" in case and "GB-COH-01234567" in case
    assert "given by the practitioner who submitted the site" in case
    # The API: the organisation, the site, and the filter.
    organisation = anonymous.get(f"/api/v1/organisations/{lead.slug}/").json()
    by_identifier = {i["identifier"]: i for i in organisation["identifiers"]}
    assert by_identifier["GB-CHC-1123456"]["origin"] == "submitter"
    assert by_identifier["GB-COH-01234567"]["url"].endswith("/company/01234567")
    listed = anonymous.get("/api/v1/sites/?identifier=GB-CHC-1123456").json()["results"]
    assert [one["slug"] for one in listed] == [site.slug]
    assert anonymous.get("/sites/?identifier=gb-coh-01234567").context["page_obj"].object_list[
        0
    ].slug == (site.slug)
    # The CSV: each identifier with its origin, in the same order.
    response = anonymous.get("/api/v1/sites/export.csv?identifier=GB-CHC-1123456")
    (row,) = csv.DictReader(io.StringIO(streaming.body(response).decode()))
    assert row["organisation_identifiers"] == "GB-CHC-1123456; GB-COH-01234567"
    assert row["organisation_identifier_origins"] == "submitter; submitter"


def test_a_number_another_organisation_holds_is_flagged_and_not_merged(
    client, ref, django_capture_on_commit_callbacks
):
    holder = f.OrganisationFactory(name="Northtown Charitable Trust", slug="northtown-charity")
    OrganisationIdentifier.objects.create(
        organisation=holder,
        register=Register.objects.get(code="GB-CHC"),
        value="1123456",
        origin="moderator",
    )
    with django_capture_on_commit_callbacks(execute=True):
        site, moderator = submit_and_review(
            client, ref, lead_charity_register="GB-CHC", lead_charity_number="1123456"
        )
    review = page_text(moderator.get(f"/moderation/submissions/{site.slug}/"))
    assert 'held by <a href="/organisations/northtown-charity/">Northtown Charitable Trust</a>' in (
        review
    )
    assert "it will not be added" in review
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(moderator, site, "publish", "", 1).status_code == 302
    lead = Organisation.objects.get(name="Northtown Community Trust")
    assert not lead.identifiers.exists()
    held = OrganisationIdentifier.objects.get(value="1123456")
    assert (held.organisation, held.origin) == (holder, "moderator")


def test_the_lead_s_own_number_from_a_register_is_not_replaced(
    client, ref, django_capture_on_commit_callbacks
):
    council_type = ref.organisation_types[0]
    lead = f.OrganisationFactory(name="Northtown Community Trust", organisation_type=council_type)
    OrganisationIdentifier.objects.create(
        organisation=lead,
        register=Register.objects.get(code="GB-COH"),
        value="07654321",
        origin="moderator",
    )
    OrganisationIdentifier.objects.create(
        organisation=lead,
        register=Register.objects.get(code="GB-SC"),
        value="SC012345",
        origin="moderator",
    )
    with django_capture_on_commit_callbacks(execute=True):
        site, moderator = submit_and_review(
            client, ref, lead_company_number="01234567", lead_charity_number="SC012345"
        )
    review = page_text(moderator.get(f"/moderation/submissions/{site.slug}/"))
    assert "already has GB-COH-07654321 from this register: it will not be replaced" in review
    assert "Northtown Community Trust already has it: nothing to add." in review
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(moderator, site, "publish", "", 1).status_code == 302
    assert dict(lead.identifiers.values_list("register__code", "value")) == {
        "GB-COH": "07654321",
        "GB-SC": "SC012345",
    }
    assert set(lead.identifiers.values_list("origin", flat=True)) == {"moderator"}


def test_editing_a_submission_shows_and_changes_the_numbers(
    client, ref, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post_all(client, ref, action="draft", lead_company_number="01234567").status_code
    site = Site.objects.get(name="Northtown Together")
    edit = f"/submissions/{site.slug}/edit/"
    assert client.get(edit).context["form"]["lead_company_number"].value() == "01234567"
    data = submission_data(
        ref, action="draft", version=str(site.submission.version), lead_company_number="12345678"
    )
    assert client.post(edit, data).status_code == 302
    site.submission.refresh_from_db()
    assert site.submission.identifiers == [
        {"organisation": "lead", "register": "GB-COH", "value": "12345678"}
    ]


def test_the_review_shows_the_numbers_changed_since_changes_were_requested(client, ref):
    submission = start(client, "Northtown Together")
    where = where_and_who(
        ref,
        lead_charity_register="GB-CHC",
        lead_charity_number="1123456",
        lead_company_number="01234567",
    )
    assert save(client, submission, "about", {"name": "Northtown Together", "summary": "S."})
    assert save(client, submission, "where-and-who", where).status_code == 302
    assert client.post(f"/submissions/{submission.site.slug}/check/").status_code == 302
    moderator = client.__class__()
    moderator.force_login(make_moderator())
    url = f"/moderation/submissions/{submission.site.slug}/"
    first = page_text(moderator.get(url))
    assert "First review: everything is new" in first
    assert "Added: 1123456 (Charity Commission for England and Wales)" in first
    assert "Added: 01234567 (Companies House)" in first
    submission.refresh_from_db()
    asked = decide(moderator, submission.site, "request-changes", "Check.", submission.version)
    assert asked.status_code == 302
    decision = submission.site.moderation_decisions.get()
    assert decision.identifiers == submission.identifiers  # kept as reviewed

    # The practitioner corrects the charity number and takes the company number away.
    fixed = {**where, "lead_charity_number": "1123457", "lead_company_number": ""}
    assert save(client, submission, "where-and-who", fixed).status_code == 302
    assert client.post(f"/submissions/{submission.site.slug}/check/").status_code == 302
    page = page_text(moderator.get(url))
    assert "What changed since the last review" in page
    assert "Added: 1123457 (Charity Commission for England and Wales)" in page
    assert "Removed: 1123456 (Charity Commission for England and Wales)" in page
    assert "Removed: 01234567 (Companies House)" in page
    assert "Lead organisation’s company number" in page

    # Resubmitted as reviewed: nothing to report; a review from before they were kept: said so.
    submission.refresh_from_db()
    asked = decide(moderator, submission.site, "request-changes", "Say more.", submission.version)
    assert asked.status_code == 302
    assert save(client, submission, "where-and-who", fixed).status_code == 302
    assert client.post(f"/submissions/{submission.site.slug}/check/").status_code == 302
    page = page_text(moderator.get(url))
    assert "No charity or company number has changed since the last review." in page
    submission.site.moderation_decisions.update(identifiers=None)
    page = page_text(moderator.get(url))
    assert "The numbers were not kept at that review, so they cannot be compared" in page
