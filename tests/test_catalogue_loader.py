"""load_catalogue: idempotent, all-or-nothing, and respectful of practitioners' corrections."""

import shutil
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from collaborations.catalogue import default_fixture_path
from collaborations.models import (
    FundingType,
    Site,
    SiteFunding,
    Source,
    Typology,
    TypologyCoding,
)

pytestmark = pytest.mark.django_db


def table_counts():
    return {
        model._meta.label: model._default_manager.count()
        for app in ("collaborations", "accountability")
        for model in apps.get_app_config(app).get_models()
    }


def load(**options):
    out = StringIO()
    call_command("load_catalogue", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def fixture_copy(tmp_path):
    folder = tmp_path / "fixtures"
    shutil.copytree(default_fixture_path(), folder)
    return folder


def test_load_prints_a_one_line_summary_with_counts():
    output = load()
    assert output.count("\n") == 1
    assert "5 sources" in output
    assert f"{Site.objects.count()} sites" in output


def test_loading_twice_leaves_every_tables_count_unchanged():
    load()
    first = table_counts()
    output = load()
    assert table_counts() == first
    assert "0 rows created, 0 updated, 0 facts rewritten" in output


def test_reloading_updates_changed_values(fixture_copy):
    load()
    text = (fixture_copy / "research_sites.yaml").read_text()
    text = text.replace("scope: Complex needs services alliance", "scope: Changed scope")
    (fixture_copy / "research_sites.yaml").write_text(text)
    load(path=fixture_copy)
    assert Site.objects.get(slug="plymouth-council").scope == "Changed scope"


def test_an_unknown_slug_fails_naming_it_and_writes_nothing(fixture_copy):
    text = (fixture_copy / "research_sites.yaml").read_text()
    text = text.replace("funding_type: alliance-contract", "funding_type: alliance-contrakt")
    (fixture_copy / "research_sites.yaml").write_text(text)
    before = table_counts()
    with pytest.raises(CommandError) as failure:
        load(path=fixture_copy)
    message = str(failure.value)
    assert "research_sites.yaml" in message
    assert "plymouth-council" in message
    assert "alliance-contrakt" in message
    assert table_counts() == before


def test_a_missing_field_fails_naming_the_file_and_entry(fixture_copy):
    text = (fixture_copy / "reference.yaml").read_text()
    text = text.replace("    name: Grant funding\n", "")
    (fixture_copy / "reference.yaml").write_text(text)
    with pytest.raises(CommandError) as failure:
        load(path=fixture_copy)
    assert "reference.yaml: funding_types[1] 'grant-funding': missing field 'name'" in str(
        failure.value
    )
    assert not Source.objects.exists()


def test_a_missing_fixture_file_fails_clearly(fixture_copy):
    (fixture_copy / "framework.yaml").unlink()
    with pytest.raises(CommandError, match="framework.yaml"):
        load(path=fixture_copy)


def practitioner_source():
    return Source.objects.create(
        slug="practitioner-plymouth", kind=Source.Kind.PRACTITIONER, title="P", short_title="P"
    )


def test_practitioner_sourced_facts_survive_a_reload():
    load()
    plymouth = Site.objects.get(slug="plymouth-council")
    donations = SiteFunding.objects.create(
        site=plymouth,
        funding_type=FundingType.objects.get(slug="donations"),
        source=practitioner_source(),
        locator="Submission form",
    )
    load()
    assert SiteFunding.objects.filter(pk=donations.pk).exists()
    funding = {f.funding_type.slug for f in plymouth.funding_facts.all()}
    assert funding == {"alliance-contract", "donations"}


def test_a_moderators_current_coding_stays_current_over_a_reload():
    load()
    kibble = Site.objects.get(slug="kibble-education-and-care-centre")
    moderator = Source.objects.create(
        slug="moderator-coding", kind=Source.Kind.MODERATOR, title="M", short_title="M"
    )
    kibble.typology_codings.update(rank="normal")
    coding = TypologyCoding.objects.create(
        site=kibble,
        typology=Typology.objects.get(slug="collaborative-markets"),
        source=moderator,
        locator="Moderation",
        rank="preferred",
    )
    load()
    assert kibble.typology_codings.get(rank="preferred") == coding
    assert kibble.typology_codings.filter(typology__slug="not-classified").exists()


def test_document_facts_removed_from_the_fixtures_are_removed_on_reload(fixture_copy):
    load()
    text = (fixture_copy / "research_sites.yaml").read_text()
    text = text.replace(
        "funding_type: [grant-funding, service-contracts, social-investment, donations]",
        "funding_type: [grant-funding]",
    )
    (fixture_copy / "research_sites.yaml").write_text(text)
    load(path=fixture_copy)
    wlz = Site.objects.get(slug="west-london-zone")
    assert [f.funding_type.slug for f in wlz.funding_facts.all()] == ["grant-funding"]


def test_a_row_the_database_refuses_fails_naming_its_entry(fixture_copy):
    text = (fixture_copy / "research_sites.yaml").read_text()
    text = text.replace(
        "funding_type: [grant-funding, service-contracts, social-investment, donations]",
        "funding_type: [grant-funding, grant-funding]",
    )
    (fixture_copy / "research_sites.yaml").write_text(text)
    with pytest.raises(CommandError) as failure:
        load(path=fixture_copy)
    assert "sites[8] 'west-london-zone' > funding > [0] > funding_type=grant-funding" in str(
        failure.value
    )
    assert not Site.objects.exists()
