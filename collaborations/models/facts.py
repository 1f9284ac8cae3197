"""A site's facts: each row is a statement (see statements.py) of one kind of value."""

from django.conf import settings
from django.db import models

from .organisation import Organisation
from .reference import (
    Driver,
    FrameworkTheme,
    FundingType,
    Justification,
    LeadershipStyle,
    OrganisationRole,
    PartnerType,
    Practice,
    Typology,
)
from .site import Site
from .statements import Statement, one_preferred_per_site, statement_constraints


class SiteFact(Statement):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="%(class)s_set")

    class Meta(Statement.Meta):
        abstract = True


class SiteAlias(SiteFact):
    """Another name a document uses for the site ("Young People's Foundations")."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    fact_label = "Other names"
    value_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "site aliases"
        constraints = statement_constraints("name")

    def __str__(self):
        return self.name


class TypologyCoding(SiteFact):
    """A classification of the site into a type, by a source or a moderator.

    Sources may disagree, so a site can carry several codings; the preferred one is the
    type the catalogue files the site under.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="typology_codings")
    typology = models.ForeignKey(Typology, on_delete=models.PROTECT, related_name="codings")
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The moderator who coded a submission; empty for document codings.",
    )

    fact_label = "Type of collaboration"
    competes = True
    value_fields = ("typology",)

    class Meta:
        ordering = ["-rank", "pk"]  # preferred, normal, deprecated
        constraints = [
            *statement_constraints("typology"),
            one_preferred_per_site("one_preferred_typology"),
        ]
        indexes = [models.Index(fields=["typology", "rank"], name="typology_rank")]

    def __str__(self):
        return f"{self.site} as {self.typology}"


class SiteFunding(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="funding_facts")
    funding_type = models.ForeignKey(
        FundingType, on_delete=models.PROTECT, related_name="site_facts"
    )

    fact_label = "Funding"
    competes = True
    value_fields = ("funding_type",)

    class Meta:
        ordering = ["funding_type__position"]
        constraints = statement_constraints("funding_type")
        indexes = [models.Index(fields=["funding_type", "site"], name="funding_site")]

    def __str__(self):
        return f"{self.site}: {self.funding_type}"


class SiteDriver(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="driver_facts")
    driver = models.ForeignKey(Driver, on_delete=models.PROTECT, related_name="site_facts")

    fact_label = "Drivers"
    value_fields = ("driver",)

    class Meta:
        ordering = ["driver__position"]
        constraints = statement_constraints("driver")

    def __str__(self):
        return f"{self.site}: {self.driver}"


class SiteJustification(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="justification_facts")
    justification = models.ForeignKey(
        Justification, on_delete=models.PROTECT, related_name="site_facts"
    )

    fact_label = "Justifications"
    value_fields = ("justification",)

    class Meta:
        ordering = ["justification__position"]
        constraints = statement_constraints("justification")

    def __str__(self):
        return f"{self.site}: {self.justification}"


class SitePartner(SiteFact):
    """A sector taking part in the site (the coarse facet; named bodies are participations)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="partner_facts")
    partner_type = models.ForeignKey(
        PartnerType, on_delete=models.PROTECT, related_name="site_facts"
    )

    fact_label = "Partners"
    value_fields = ("partner_type",)

    class Meta:
        ordering = ["partner_type__position"]
        constraints = statement_constraints("partner_type")

    def __str__(self):
        return f"{self.site}: {self.partner_type}"


class SitePractice(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="practice_facts")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="site_facts")
    detail = models.TextField(blank=True, help_text="How the site puts the practice to work.")

    fact_label = "Practices"
    value_fields = ("practice",)

    class Meta:
        ordering = ["practice__ingredient__position", "practice__position"]
        constraints = statement_constraints("practice")

    def __str__(self):
        return f"{self.site}: {self.practice}"


class SiteLeadershipStyle(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="leadership_facts")
    leadership_style = models.ForeignKey(
        LeadershipStyle, on_delete=models.PROTECT, related_name="site_facts"
    )

    fact_label = "Leadership styles"
    value_fields = ("leadership_style",)

    class Meta:
        ordering = ["leadership_style__position"]
        constraints = statement_constraints("leadership_style")

    def __str__(self):
        return f"{self.site}: {self.leadership_style}"


class SiteFrameworkTheme(SiteFact):
    """A Collaborate framework theme that a named example illustrates."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="theme_facts")
    theme = models.ForeignKey(FrameworkTheme, on_delete=models.PROTECT, related_name="site_facts")

    fact_label = "Framework themes"
    value_fields = ("theme",)

    class Meta:
        ordering = ["theme__strand__position", "theme__position"]
        constraints = statement_constraints("theme")

    def __str__(self):
        return f"{self.site}: {self.theme}"


class SiteOrganisation(SiteFact):
    """A named organisation taking part in a site, in a role."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="participations"
    )
    role = models.ForeignKey(OrganisationRole, on_delete=models.PROTECT, related_name="+")

    fact_label = "Organisations"
    value_fields = ("organisation", "role")
    property_fields = ("role",)

    class Meta:
        ordering = ["role__position", "organisation__name"]
        constraints = statement_constraints("organisation", "role")

    def __str__(self):
        return f"{self.organisation} ({self.role}) in {self.site}"


class FieldStatement(SiteFact):
    """A statement of a single-valued field of Site (scope, study depth, locality...).

    The Site column holds the value the catalogue shows (the preferred statement's, else
    the only one); each source's own value stays here, so a correction never overwrites
    what a document says.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="field_statements")
    field = models.CharField(max_length=60)
    value = models.TextField(blank=True, help_text="As text; a reference row by its slug.")

    fact_label = "Field"
    competes = True
    value_fields = ("field", "value")
    property_fields = ("field",)

    class Meta:
        ordering = ["field", "-rank", "pk"]
        constraints = [
            *statement_constraints("field"),
            models.UniqueConstraint(
                fields=["site", "field"],
                condition=models.Q(rank="preferred"),
                name="one_preferred_field_value",
            ),
        ]

    def __str__(self):
        return f"{self.site}.{self.field}: {self.citation}"
