from django.views.generic import TemplateView

from collaborations.models import Site, Source
from collaborations.pages.charts import home_charts, kind_totals
from collaborations.versions import catalogue_version


class HomeView(TemplateView):
    """What the catalogue is, where it comes from, its shape in three charts, ways in."""

    template_name = "collaborations/home.html"

    def get_context_data(self, **kwargs):
        version = catalogue_version()  # the counts are cached under it
        totals = kind_totals(version)
        kinds = [(value, label, totals.get(value, 0)) for value, label in Site.Kind.choices]
        return super().get_context_data(
            charts=home_charts(version),
            kinds=kinds,
            total=sum(totals.values()),
            sources=Source.objects.filter(kind=Source.Kind.DOCUMENT),
            **kwargs,
        )
