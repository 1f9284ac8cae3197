"""/accountability/: how collaborations show success and to whom they answer."""

from django.db.models import Count, Prefetch, Q
from django.views.generic import TemplateView

from accountability.models import (
    AccountabilityApproach,
    AccountabilityLine,
    AccountabilityLineType,
    Challenge,
    ChallengeFamily,
    MeasurementApproach,
    MeasurementCoding,
    OpenQuestion,
    SiteAccountabilityApproach,
)
from collaborations.models import Site
from collaborations.pages.examples import attach_examples, examples_by_value


def _with_site_count(queryset, relation, **conditions):
    condition = Q(**{f"{relation}__site__in": Site.public.values("pk")})
    for key, value in conditions.items():
        condition &= Q(**{f"{relation}__{key}": value})
    return queryset.annotate(site_count=Count(f"{relation}__site", filter=condition, distinct=True))


class AccountabilityView(TemplateView):
    template_name = "accountability/overview.html"

    def get_context_data(self, **kwargs):
        approaches = _with_site_count(
            AccountabilityApproach.objects.select_related("source"), "site_facts"
        )
        measurements = _with_site_count(
            MeasurementApproach.objects.select_related("source", "exemplar"),
            "codings",
            is_current=True,
        )
        line_types = _with_site_count(
            AccountabilityLineType.objects.select_related("source"), "lines"
        )
        challenges = Challenge.objects.select_related("source")
        families = ChallengeFamily.objects.select_related("source").prefetch_related(
            Prefetch("challenges", queryset=challenges)
        )
        measurements = list(measurements)
        for measurement in measurements:
            exemplar = measurement.exemplar
            published = exemplar is not None and exemplar.status == Site.Status.PUBLISHED
            measurement.public_exemplar = exemplar if published else None
        return super().get_context_data(
            approaches=attach_examples(
                list(approaches), examples_by_value(SiteAccountabilityApproach, "approach")
            ),
            measurements=attach_examples(
                measurements,
                examples_by_value(MeasurementCoding, "approach", is_current=True),
            ),
            line_types=attach_examples(
                list(line_types), examples_by_value(AccountabilityLine, "line_type", limit=6)
            ),
            families=families,
            questions=OpenQuestion.objects.select_related("source"),
            **kwargs,
        )
