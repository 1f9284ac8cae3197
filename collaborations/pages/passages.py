"""A source's page: its passages in document order, each with the facts it supports."""

from dataclasses import dataclass, field

from django.db.models import Q, prefetch_related_objects

from collaborations.evidence import fact_label
from collaborations.extensions import finding_page
from collaborations.models import Finding, Passage, Reference, Site, Source

# Back-links shown per passage; a passage cited by more facts than this says how many more.
LINKS_PER_PASSAGE = 40


@dataclass
class SupportedFact:
    label: str
    name: str
    url: str


@dataclass
class PassageView:
    passage: Passage
    facts: list[SupportedFact] = field(default_factory=list)
    more: int = 0


def passages_of(source: Source) -> list[PassageView]:
    """Every passage of the source, in document order, with the public facts it supports
    (a query for the passages, one for the references, one per kind of non-site fact, one
    for the topics of the findings among them)."""
    views = {p.pk: PassageView(p) for p in source.passages.all()}
    public = Q(site__isnull=True) | Q(site__status=Site.Status.PUBLISHED)
    references = (
        Reference.objects.filter(public, passage__source=source)
        .select_related("content_type", "site")
        .prefetch_related("statement")
        .order_by("passage__position", "site__name", "pk")
    )
    references = list(references)
    findings = [r.statement for r in references if isinstance(r.statement, Finding)]
    prefetch_related_objects(findings, "topic")  # to name the page each is on
    for reference in references:
        view = views[reference.passage_id]
        if len(view.facts) >= LINKS_PER_PASSAGE:
            view.more += 1
            continue
        supported = _supported(reference)
        if supported and supported not in view.facts:
            view.facts.append(supported)
    return list(views.values())


def _supported(reference) -> SupportedFact | None:
    statement = reference.statement
    if statement is None:
        return None
    if reference.site is not None:
        return SupportedFact(
            fact_label(statement), reference.site.name, reference.site.get_absolute_url()
        )
    if isinstance(statement, Finding):
        page = finding_page(statement.topic.page)
        label = f"on the page “{page[1]}”" if page else "Finding"
        return SupportedFact(label, statement.short_name, statement.get_absolute_url())
    model = type(statement)
    name = getattr(statement, "name", None) or getattr(statement, "title", "") or str(statement)
    url = statement.get_absolute_url() if hasattr(statement, "get_absolute_url") else ""
    return SupportedFact(str(model._meta.verbose_name).capitalize(), name, url)
