"""Helpers shared by the submission and moderation tests (no tests of its own)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from tests import factories as f


@dataclass
class Reference:
    typologies: list
    not_classified: object
    partners: list
    fundings: list
    drivers: list
    justifications: list
    practices: list
    styles: list
    approaches: list
    measurements: list
    line_types: list
    regions: list
    organisation_types: list
    initiators: list
    lead_role: object


def make_reference_data() -> Reference:
    governance = f.GovernanceModeFactory(name="Lead organisation governance")
    return Reference(
        typologies=[
            f.TypologyFactory(
                slug="collaborative-council",
                name="Collaborative council",
                description="Whole-council programmes of change.",
                characteristics="Officers become collective leaders of place.",
                governance_mode=governance,
            ),
            f.TypologyFactory(
                slug="system-connector",
                name="System connector",
                description="Managers of networks with a shared purpose.",
            ),
        ],
        not_classified=f.TypologyFactory(
            slug="not-classified", name="Not classified", is_classification=False
        ),
        partners=f.PartnerTypeFactory.create_batch(3),
        fundings=f.FundingTypeFactory.create_batch(2),
        drivers=f.DriverFactory.create_batch(3, description="Why people collaborate."),
        justifications=f.JustificationFactory.create_batch(2),
        practices=f.PracticeFactory.create_batch(2),
        styles=f.LeadershipStyleFactory.create_batch(2),
        approaches=f.AccountabilityApproachFactory.create_batch(2),
        measurements=f.MeasurementApproachFactory.create_batch(2),
        line_types=f.AccountabilityLineTypeFactory.create_batch(2),
        regions=f.RegionFactory.create_batch(2),
        organisation_types=f.OrganisationTypeFactory.create_batch(2),
        initiators=f.InitiatorTypeFactory.create_batch(2),
        lead_role=f.OrganisationRoleFactory(slug="lead", name="Lead"),
    )


def submission_data(ref: Reference, **overrides) -> dict:
    """A complete /submit/ POST, as a browser would send it."""
    data = {
        "name": "Northtown Together",
        "locality": "Northtown",
        "region": ref.regions[0].slug,
        "local_authority": "Northtown Borough Council",
        "lead_organisation_name": "Northtown Community Trust",
        "lead_organisation_type": ref.organisation_types[0].slug,
        "initiated_by": ref.initiators[0].slug,
        "scope": "Place-based collaboration",
        "start_year": "2017",
        "permanence": "embedded",
        "summary": "Residents, the council and charities plan services together.",
        "website": "https://northtown.example.org",
        "typology": ref.typologies[0].slug,
        "partner_types": [ref.partners[0].slug, ref.partners[1].slug],
        "funding_types": [ref.fundings[0].slug],
        "drivers": [ref.drivers[0].slug, ref.drivers[2].slug],
        "justifications": [ref.justifications[0].slug],
        "practices": [ref.practices[0].slug],
        "leadership_styles": [ref.styles[0].slug],
        "accountability_approaches": [ref.approaches[1].slug],
        "measurement_approach": ref.measurements[0].slug,
        "accountability_lines": [ref.line_types[0].slug],
        f"line_detail_{ref.line_types[0].slug}": "Quarterly report to the board",
        "indicators": "Fewer emergency admissions\nResidents who feel heard",
        "contact_name": "Sam Practitioner",
        "contact_email": "sam@northtown.example.org",
        "homepage": "",
        "action": "submit",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_moderator(username="moderator"):
    user = f.UserFactory(username=username)
    user.groups.add(Group.objects.get_or_create(name="moderators")[0])
    return user


def make_admin(username="admin"):
    return f.UserFactory(username=username, is_staff=True, is_superuser=True)


def site_facts_from(ref: Reference, **overrides):
    from collaborations.submissions.forms import SubmissionForm

    form = SubmissionForm(data=submission_data(ref, **overrides))
    assert form.is_valid(), form.errors
    return form


def create_submission(ref: Reference, *, owner=None, submit=True, **overrides):
    """A submission written through the services, as the /submit/ page would."""
    from collaborations.submissions.services import Contact, submission_create

    form = site_facts_from(ref, **overrides)
    return submission_create(
        facts=form.site_facts(),
        contact=Contact(form.cleaned_data["contact_name"], form.cleaned_data["contact_email"]),
        owner=owner,
        submit=submit,
    )


def grant_private_link(client, submission, *, can_edit=True) -> None:
    """Open the submission with a fresh private link in this client's session."""
    from collaborations.submissions.access import access_key_create

    token = access_key_create(submission=submission, can_edit=can_edit)
    assert client.get(f"/submissions/access/{token}/").status_code == 302


def form_data_for_site(site, **overrides) -> dict:
    """What a browser posts back from the proposal form, untouched, plus the overrides."""
    from collaborations.submissions.facts import site_facts_of
    from collaborations.submissions.forms import initial_from_facts

    data = {}
    for key, value in initial_from_facts(site_facts_of(site)).items():
        if isinstance(value, list):
            data[key] = [getattr(item, "slug", item) for item in value]
        elif value is not None:
            data[key] = str(getattr(value, "slug", value))
    data.update(organisation_name="Northtown Council", explanation="We know it well.", homepage="")
    data.update(overrides)
    return data
