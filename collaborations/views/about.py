from django.conf import settings
from django.views.generic import TemplateView

from collaborations.models import Source
from collaborations.pages import codebook


class AboutView(TemplateView):
    """Sources, how to cite, the licence, how to contribute, the codebook, downloads."""

    template_name = "collaborations/about.html"

    def get_context_data(self, **kwargs):
        sources = list(Source.objects.all())
        return super().get_context_data(
            documents=[s for s in sources if s.kind == Source.Kind.DOCUMENT],
            other_sources=[s for s in sources if s.kind != Source.Kind.DOCUMENT],
            site_fields=codebook.site_fields(),
            fact_fields=codebook.fact_fields(),
            reference_tables=codebook.reference_tables(),
            site_url=settings.SITE_URL,
            **kwargs,
        )
