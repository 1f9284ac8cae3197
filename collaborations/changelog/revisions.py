"""Reading a site's public revisions: the permalink pages and the citations that name them."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from collaborations.models import CatalogueChange, Site, SiteRevision
from collaborations.pages.citation import Citation, revision_citation
from collaborations.submissions.facts import fact_labels


def revision_url(slug: str, number: int) -> str:
    return reverse("collaborations:site-revision", args=[slug, number])


def latest_public_revision(site: Site) -> SiteRevision | None:
    return SiteRevision.objects.filter(site=site, is_public=True).order_by("-number").first()


def page_citation(site: Site, revision: SiteRevision | None) -> Citation:
    """'Cite this page' for a site at a revision (its latest when none is given)."""
    accessed = timezone.localdate()
    if revision is None:  # a page not revised since the change log began
        return revision_citation(
            site_name=site.name,
            slug=site.slug,
            number=0,
            issued=timezone.localdate(site.updated_at),
            url=settings.SITE_URL + site.get_absolute_url(),
            accessed=accessed,
        )
    return revision_citation(
        site_name=site.name,
        slug=site.slug,
        number=revision.number,
        issued=timezone.localdate(revision.created_at),
        url=settings.SITE_URL + revision_url(site.slug, revision.number),
        accessed=accessed,
    )


@dataclass(frozen=True)
class RevisionFact:
    label: str
    values: list[str]
    changed: bool


def revision_facts(revision: SiteRevision, changed_labels: set[str]) -> list[RevisionFact]:
    """The facts of the page at this revision, in page order."""
    known = fact_labels()
    labels = [label for key, label in known.items() if key in revision.snapshot]
    labels += [key for key in revision.snapshot if key not in known]
    by_label = {known.get(key, key): values for key, values in revision.snapshot.items()}
    return [RevisionFact(label, by_label[label], label in changed_labels) for label in labels]


@dataclass(frozen=True)
class RevisionContext:
    revision: SiteRevision
    changes: list[CatalogueChange]
    facts: list[RevisionFact]
    previous_number: int | None
    next_number: int | None
    latest_number: int


def revision_context(site: Site, revision: SiteRevision) -> RevisionContext:
    public = SiteRevision.objects.filter(site=site, is_public=True)
    earlier = public.filter(number__lt=revision.number).order_by("-number")
    later = public.filter(number__gt=revision.number).order_by("number")
    changes = list(revision.public_changes.order_by("pk"))
    return RevisionContext(
        revision=revision,
        changes=changes,
        facts=revision_facts(revision, {change.label for change in changes}),
        previous_number=earlier.values_list("number", flat=True).first(),
        next_number=later.values_list("number", flat=True).first(),
        latest_number=public.order_by("-number").values_list("number", flat=True).first(),
    )
