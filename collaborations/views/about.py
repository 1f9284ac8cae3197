"""The pages about the catalogue: what it is (/about/), the study behind it (/study/), its
sources (/sources/), its codebook (/codebook/) and its downloads (/downloads/), each short
enough to read."""

from django.conf import settings
from django.views.generic import TemplateView

from collaborations.models import Source
from collaborations.pages import codebook
from collaborations.pages.findings import research_subjects, topics_for


class AboutView(TemplateView):
    """What the catalogue is, who makes it and for whom, how to cite it, its licence."""

    template_name = "collaborations/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(site_url=settings.SITE_URL, **kwargs)


class StudyView(TemplateView):
    """The research behind the research sites: who studied what and when, how the projects
    were chosen, the scope of the work, its caveats and the ten subjects."""

    template_name = "collaborations/study.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            topics=topics_for("study"), subjects=research_subjects(), **kwargs
        )


class SourceListView(TemplateView):
    """Every source a fact may cite: the documents, then self-reported and moderator ones."""

    template_name = "collaborations/source_list.html"

    def get_context_data(self, **kwargs):
        sources = list(Source.objects.public())
        return super().get_context_data(
            documents=[s for s in sources if s.kind == Source.Kind.DOCUMENT],
            other_sources=[s for s in sources if s.kind != Source.Kind.DOCUMENT],
            **kwargs,
        )


class CodebookView(TemplateView):
    """Every field of a site record and every value of every reference table."""

    template_name = "collaborations/codebook.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            site_fields=codebook.site_fields(),
            fact_fields=codebook.fact_fields(),
            statement_fields=codebook.statement_fields(),
            reference_tables=codebook.reference_tables(),
            **kwargs,
        )


class DownloadsView(TemplateView):
    template_name = "collaborations/downloads.html"
