"""What the documents say about the study and the field (findings) on the pages a reader
looks for them: /study/, the accountability page, /framework/, /drivers/; and each passage
a finding cites links back to it from its source's page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.models import Finding, Passage, Site, Topic
from tests.factories import SiteFactory, SourceFactory, StudyDepthFactory


@pytest.fixture
def catalogue(seed_catalogue, db):
    pass


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_study_page_gives_criteria_scope_period_caveat_and_the_ten_subjects(client, catalogue):
    html = page(client, "/study/")
    assert "<h1>The study behind the research sites</h1>" in html
    assert "From autumn 2018 to early 2019" in html
    assert "The report is not comprehensive, nor does it outline a blueprint for success." in html
    assert "Criteria for choosing the projects" in html
    assert "Working outside formalised contractual relationships (in the usual forms)." in html
    for scope in ("Different models", "Structures and governance", "Key challenges and barriers"):
        assert scope in html
    subjects = Site.objects.filter(kind=Site.Kind.RESEARCH_SITE)
    assert subjects.count() == 10
    for site in subjects:
        assert f'<a href="{site.get_absolute_url()}">{site.name}</a>' in html


def test_each_finding_expands_to_its_verbatim_passage_and_links_to_the_source_page(
    client, catalogue
):
    html = page(client, "/study/")
    caveat = Finding.objects.get(slug="study-caveat")
    passage = caveat.references.get().passage
    anchor = f'id="finding-{caveat.slug}"'
    section = html[html.index(anchor) : html.index("</li>", html.index(anchor))]
    assert '<details class="references">' in section
    assert " ".join(passage.excerpt.split()) in section
    assert f'href="{passage.get_absolute_url()}"' in section


@pytest.mark.parametrize(
    "url, shown, not_shown",
    [
        (
            "/accountability/",
            ["Measures were used to learn, not punish", "How can we leave a legacy?"],
            ["not comprehensive, nor does it outline"],
        ),
        ("/framework/", ["£14.4 billion", "What the framework offers"], ["Wicked problems"]),
        ("/drivers/", ["£15.3 billion", "The trends behind collaboration"], ["£14.4 billion"]),
    ],
)
def test_each_page_shows_the_findings_of_its_topics_only(client, catalogue, url, shown, not_shown):
    html = page(client, url)
    for text in shown:
        assert text in html
    for text in not_shown:
        assert text not in html
    assert '<details class="references">' in html


def test_a_passage_cited_by_a_finding_links_to_it_on_its_page(client, catalogue):
    criterion = Finding.objects.get(slug="criterion-local-government")
    passage = criterion.references.get().passage
    html = page(client, f"/sources/{passage.source.slug}/")
    item = html[html.index(f'id="{passage.slug}"') :]
    item = item[: item.index("</li>", item.index("Supports:"))]
    assert criterion.get_absolute_url() == f"/study/#finding-{criterion.slug}"
    assert f'<a href="/study/#finding-{criterion.slug}">' in item
    assert "The study" in item


def test_a_finding_without_a_title_is_linked_by_its_first_thirty_words(db):
    source = SourceFactory()
    topic = Topic.objects.create(slug="t", name="T", page="accountability")
    words = " ".join(f"word{n}" for n in range(50))
    finding = Finding.objects.create(slug="long", topic=topic, text=words, source=source)
    assert finding.short_name == " ".join(words.split()[:30]) + "…"
    assert finding.get_absolute_url() == "/accountability/#finding-long"
    nowhere = Topic.objects.create(slug="n", name="N", page="nowhere")
    assert (
        Finding.objects.create(slug="x", topic=nowhere, text="x", source=source).get_absolute_url()
        == ""
    )


def add_findings(count: int, page: str) -> None:
    source = SourceFactory()
    for n in range(count):
        topic, _ = Topic.objects.get_or_create(
            slug=f"{page}-topic-{n % 3}", defaults={"name": f"Topic {n % 3}", "page": page}
        )
        finding = Finding.objects.create(
            slug=f"{page}-finding-{n}", topic=topic, text=f"Finding {n}", source=source
        )
        for m in range(2):
            passage = Passage.objects.create(
                slug=f"{page}-passage-{n}-{m}", source=source, locator="Part", excerpt="Words"
            )
            finding.references.create(passage=passage, position=m)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, page_name",
    [
        ("/study/", "study"),
        ("/accountability/", "accountability"),
        ("/framework/", "framework"),
        ("/drivers/", "drivers"),
    ],
)
def test_findings_cost_the_same_queries_whatever_their_number(client, url, page_name):
    add_findings(2, page_name)
    SiteFactory(study_depth=StudyDepthFactory())
    few = queries(client, url)
    add_findings(30, f"{page_name}-more")
    Topic.objects.filter(page=f"{page_name}-more").update(page=page_name)
    for _ in range(15):
        SiteFactory(study_depth=StudyDepthFactory())
    assert queries(client, url) == few
    assert "Finding 29" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_source_page_with_findings_costs_the_same_queries_whatever_their_number(client):
    add_findings(2, "study")
    source = Passage.objects.first().source
    url = f"/sources/{source.slug}/"
    few = queries(client, url)
    add_findings(30, "study-more")
    Passage.objects.filter(slug__startswith="study-more").update(source=source)
    Finding.objects.update(source=source)
    assert queries(client, url) == few
