"""The public change log page, a site's revision permalinks, and their citations."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from collaborations.changelog import revisions
from collaborations.models import CatalogueChange, Site, SiteRevision

PAGE_SIZE = 50
CITATION_FORMATS = {
    "bib": ("bibtex", "application/x-bibtex; charset=utf-8"),
    "ris": ("ris", "application/x-research-info-systems; charset=utf-8"),
    "json": ("csl_json", "application/vnd.citationstyles.csl+json; charset=utf-8"),
    "txt": ("text", "text/plain; charset=utf-8"),
}


class ChangeListView(View):
    """/changes/: newest first, 50 a page; `kind`, `site` and `before` narrow it."""

    template_name = "collaborations/change_list.html"

    def get(self, request):
        problems, changes = [], CatalogueChange.objects.all()
        kind = request.GET.get("kind", "")
        if kind and kind not in CatalogueChange.Kind.values:
            problems.append(f"“{kind}” is not a kind of change.")
        elif kind:
            changes = changes.filter(kind=kind)
        site = request.GET.get("site", "")
        if site:
            changes = changes.of_site(site)
        before = request.GET.get("before", "")
        if before and not (before.isascii() and before.isdigit()):
            problems.append(f"“{before}” is not a position in the change log (a whole number).")
        elif before:
            changes = changes.filter(pk__lt=int(before))
        context = {
            "kinds": CatalogueChange.Kind.choices,
            "kind": kind,
            "site_slug": site,
            "problems": problems,
        }
        if problems:
            return render(request, self.template_name, context, status=400)
        rows = list(changes.order_by("-pk")[: PAGE_SIZE + 1])
        context["changes"] = rows[:PAGE_SIZE]
        context["older"] = rows[PAGE_SIZE - 1].pk if len(rows) > PAGE_SIZE else None
        return render(request, self.template_name, context)


def _public_revision(slug: str, number: int) -> SiteRevision:
    revision = (
        SiteRevision.objects.filter(site__slug=slug, number=number, is_public=True)
        .select_related("site", "evidence")
        .first()
    )
    if revision is None:
        raise Http404("This site has no published revision with that number.")
    return revision


class SiteRevisionView(View):
    """/sites/<slug>/revisions/<n>/: the page's facts as they were at revision n."""

    template_name = "collaborations/site_revision.html"

    def get(self, request, slug, number):
        revision = _public_revision(slug, number)
        site = revision.site
        if site.status != Site.Status.PUBLISHED:
            withdrawal = site.public_changes.filter(kind=CatalogueChange.Kind.WITHDRAWN).first()
            context = {"site": site, "withdrawal": withdrawal}
            return render(request, "collaborations/site_withdrawn.html", context, status=410)
        context = {
            "site": site,
            "state": revisions.revision_context(site, revision),
            "citation": revisions.page_citation(site, revision),
        }
        return render(request, self.template_name, context)


class RevisionCitationView(View):
    """/sites/<slug>/revisions/<n>/cite.<format>: the citation as a file to import."""

    def get(self, request, slug, number, extension):
        revision = _public_revision(slug, number)
        if revision.site.status != Site.Status.PUBLISHED:
            raise Http404("This site has been withdrawn from the catalogue.")
        attribute, content_type = CITATION_FORMATS[extension]
        citation = revisions.page_citation(revision.site, revision)
        response = HttpResponse(getattr(citation, attribute), content_type=content_type)
        filename = f"rallying-{slug}-revision-{number}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
