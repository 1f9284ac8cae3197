"""What the documents say about the study and the field as a whole (findings), by topic,
for the page that shows them: the study, drivers, framework, accountability."""

from django.db.models import Prefetch

from collaborations.models import Finding, Reference, Site, Topic


def topics_for(page: str) -> list[Topic]:
    """The page's topics in order, each with `finding_list`: its findings with their source
    and passages (three queries, whatever the number of topics and findings)."""
    references = Reference.objects.select_related("passage__source").order_by("position", "pk")
    findings = Finding.objects.select_related("source").prefetch_related(
        Prefetch("references", queryset=references)
    )
    topics = Topic.objects.filter(page=page).prefetch_related(
        Prefetch("findings", queryset=findings.order_by("position", "pk"), to_attr="finding_list")
    )
    return list(topics)


# The study page lists the research subjects up to this many (there are ten).
STUDY_SUBJECTS = 50


def research_subjects() -> list[Site]:
    """The published sites the study researched, by name, with how each was studied."""
    sites = Site.public.filter(kind=Site.Kind.RESEARCH_SITE).select_related("study_depth")
    return list(sites.order_by("name")[:STUDY_SUBJECTS])
