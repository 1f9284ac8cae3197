"""How collaborations show success and to whom they answer."""

from django.conf import settings
from django.db import models

from collaborations.models import ReferenceItem, Site, Statement
from collaborations.models.fact_history import record_history
from collaborations.models.statements import one_preferred_per_site, statement_constraints


class AccountabilityApproach(ReferenceItem):
    """One of the five approaches: results, system health, outcomes, narratives,
    community reporting (the report summary)."""

    facet = "accountability_approach"

    class Meta(ReferenceItem.Meta):
        verbose_name = "accountability approach"
        verbose_name_plural = "accountability approaches"


class MeasurementApproach(ReferenceItem):
    """Data driven, proxy measures or experimental (the slide deck), with its exemplar."""

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
    long time spans (the slide deck)."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "challenge family"
        verbose_name_plural = "challenge families"


class Challenge(ReferenceItem):
    family = models.ForeignKey(ChallengeFamily, on_delete=models.PROTECT, related_name="challenges")


class OpenQuestion(ReferenceItem):
    """A question the research leaves open."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "open question"


class SiteAccountabilityApproach(Statement):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="approach_facts")
    approach = models.ForeignKey(
        AccountabilityApproach, on_delete=models.PROTECT, related_name="site_facts"
    )

    fact_label = "Accountability approaches"
    value_fields = ("approach",)

    class Meta:
        ordering = ["approach__position"]
        constraints = statement_constraints("approach")

    def __str__(self):
        return f"{self.site}: {self.approach}"


class MeasurementCoding(Statement):
    """A site's measurement approach as a source (or moderator) codes it; one is preferred."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="measurement_codings")
    approach = models.ForeignKey(
        MeasurementApproach, on_delete=models.PROTECT, related_name="codings"
    )
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    fact_label = "Measurement approach"
    competes = True
    value_fields = ("approach",)

    class Meta:
        ordering = ["-rank", "pk"]  # preferred, normal, deprecated
        constraints = [
            *statement_constraints("approach"),
            one_preferred_per_site("one_preferred_measurement"),
        ]

    def __str__(self):
        return f"{self.site}: {self.approach}"


class AccountabilityLine(Statement):
    """A line of external accountability from a site, with reporting detail."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="accountability_lines")
    line_type = models.ForeignKey(
        AccountabilityLineType, on_delete=models.PROTECT, related_name="lines"
    )
    detail = models.TextField(blank=True, max_length=2000)

    fact_label = "Lines of accountability"
    value_fields = ("line_type", "detail")
    property_fields = ("line_type",)

    class Meta:
        ordering = ["line_type__position", "pk"]
        constraints = statement_constraints()

    def __str__(self):
        return f"{self.site} → {self.line_type}"


class Indicator(Statement):
    """A measure or indicator a site uses to show success."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True, max_length=2000)

    fact_label = "Measures and indicators"
    value_fields = ("name",)

    class Meta:
        ordering = ["site", "pk"]
        constraints = statement_constraints("name")

    def __str__(self):
        return self.name


record_history(SiteAccountabilityApproach, MeasurementCoding, AccountabilityLine, Indicator)
