"""How collaborations show success and to whom they answer."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from collaborations.models import CitedFact, ReferenceItem, Site


class AccountabilityApproach(ReferenceItem):
    """One of the five approaches: results, system health, outcomes, narratives,
    community reporting (seed 001)."""

    facet = "accountability_approach"

    class Meta(ReferenceItem.Meta):
        verbose_name = "accountability approach"
        verbose_name_plural = "accountability approaches"


class MeasurementApproach(ReferenceItem):
    """Data driven, proxy measures or experimental (seed 003), with its exemplar."""

    facet = "measurement_approach"

    hallmarks = models.TextField(blank=True)
    exemplar = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "measurement approach"
        verbose_name_plural = "measurement approaches"


class AccountabilityLineType(ReferenceItem):
    """To whom a collaboration answers: funders and commissioners, the elected
    council, regulators and inspectors, service users and citizens."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "accountability line type"


class ChallengeFamily(ReferenceItem):
    """Why success is hard to show: multiple stakeholders, complex social problems,
    long time spans (seed 003)."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "challenge family"
        verbose_name_plural = "challenge families"


class Challenge(ReferenceItem):
    family = models.ForeignKey(ChallengeFamily, on_delete=models.PROTECT, related_name="challenges")


class OpenQuestion(ReferenceItem):
    """A question the research leaves open."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "open question"


class SiteAccountabilityApproach(CitedFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="approach_facts")
    approach = models.ForeignKey(
        AccountabilityApproach, on_delete=models.PROTECT, related_name="site_facts"
    )

    class Meta:
        ordering = ["approach__position"]
        constraints = [
            models.UniqueConstraint(fields=["site", "approach"], name="unique_site_approach")
        ]

    def __str__(self):
        return f"{self.site}: {self.approach}"


class MeasurementCoding(CitedFact):
    """A site's measurement approach as a source (or moderator) codes it; one is current."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="measurement_codings")
    approach = models.ForeignKey(
        MeasurementApproach, on_delete=models.PROTECT, related_name="codings"
    )
    is_current = models.BooleanField(default=True)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-is_current", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site"], condition=Q(is_current=True), name="one_current_measurement"
            ),
            models.UniqueConstraint(
                fields=["site", "approach", "source"], name="unique_measurement_coding"
            ),
        ]

    def __str__(self):
        return f"{self.site}: {self.approach}"


class AccountabilityLine(CitedFact):
    """A line of external accountability from a site, with reporting detail."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="accountability_lines")
    line_type = models.ForeignKey(
        AccountabilityLineType, on_delete=models.PROTECT, related_name="lines"
    )
    detail = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["line_type__position", "pk"]

    def __str__(self):
        return f"{self.site} → {self.line_type}"


class Indicator(CitedFact):
    """A measure or indicator a site uses to show success."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["site", "pk"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="unique_indicator")]

    def __str__(self):
        return self.name
