"""/sources/<slug>/: a source's bibliographic details, as far as it states them, and every
passage the catalogue cites from it, in document order, linking to the facts they support."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView

from collaborations.models import Source
from collaborations.pages.passages import passages_of

# Sources whose address changed: the old slug -> the new one (their pages move for good).
RENAMED = {"golab-research-slides": "slide-deck-ten-research-subjects"}


class SourceDetailView(DetailView):
    template_name = "collaborations/source_detail.html"
    context_object_name = "source"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if self.kwargs["slug"] in RENAMED:
                return redirect(
                    "collaborations:source-detail", RENAMED[self.kwargs["slug"]], permanent=True
                )
            raise

    def get_object(self, queryset=None):
        return get_object_or_404(Source.objects.public(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(passages=passages_of(self.object), **kwargs)
