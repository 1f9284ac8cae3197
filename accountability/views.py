"""/accountability/: how collaborations show success and to whom they answer."""

from django.db.models import Prefetch
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
from collaborations.pages.findings import topics_for
from collaborations.site_counts import with_site_counts


class AccountabilityView(TemplateView):
    template_name = "accountability/overview.html"

    def get_context_data(self, **kwargs):
        approaches = with_site_counts(
            AccountabilityApproach.objects.select_related("source"),
            SiteAccountabilityApproach,
            "approach",
        )
        measurements = with_site_counts(
            MeasurementApproach.objects.select_related("source", "exemplar"),
            MeasurementCoding,
            "approach",
            rank="preferred",
        )
        line_types = with_site_counts(
            AccountabilityLineType.objects.select_related("source"), AccountabilityLine, "line_type"
        )
        challenges = Challenge.objects.select_related("source")
        families = ChallengeFamily.objects.select_related("source").prefetch_related(
            Prefetch("challenges", queryset=challenges)
        )
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
                examples_by_value(MeasurementCoding, "approach", rank="preferred"),
            ),
            line_types=attach_examples(
                list(line_types), examples_by_value(AccountabilityLine, "line_type", limit=6)
            ),
            families=families,
            questions=OpenQuestion.objects.select_related("source"),
            topics=topics_for("accountability"),
            **kwargs,
        )
