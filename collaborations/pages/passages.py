"""A source's page: its passages in document order, each with the facts it supports."""

from dataclasses import dataclass, field

from django.db.models import Q

from collaborations.evidence import fact_label
from collaborations.models import Passage, Reference, Site, Source

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
    (a query for the passages, one for the references, one per kind of non-site fact)."""
    views = {p.pk: PassageView(p) for p in source.passages.all()}
    public = Q(site__isnull=True) | Q(site__status=Site.Status.PUBLISHED)
    references = (
        Reference.objects.filter(public, passage__source=source)
        .select_related("content_type", "site")
        .prefetch_related("statement")
        .order_by("passage__position", "site__name", "pk")
    )
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
    model = type(statement)
    name = getattr(statement, "name", None) or getattr(statement, "title", "") or str(statement)
    url = statement.get_absolute_url() if hasattr(statement, "get_absolute_url") else ""
    return SupportedFact(str(model._meta.verbose_name).capitalize(), name, url)
