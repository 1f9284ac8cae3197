"""Cited facts about a site: each row says which source states it and where."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .base import CitedFact
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


class SiteFact(CitedFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="%(class)s_set")

    class Meta(CitedFact.Meta):
        abstract = True


def unique_per_site(field_name):
    return models.UniqueConstraint(
        fields=["site", field_name], name=f"%(app_label)s_%(class)s_unique_{field_name}"
    )


class SiteAlias(SiteFact):
    """Another name a document uses for the site ("Young People's Foundations")."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "site aliases"
        constraints = [unique_per_site("name")]

    def __str__(self):
        return self.name


class TypologyCoding(SiteFact):
    """A classification of the site into a type, by a source or a moderator.

    Sources may disagree, so a site can carry several codings; one is current.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="typology_codings")
    typology = models.ForeignKey(Typology, on_delete=models.PROTECT, related_name="codings")
    is_current = models.BooleanField(default=True)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The moderator who coded a submission; empty for document codings.",
    )

    class Meta:
        ordering = ["-is_current", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site"], condition=Q(is_current=True), name="one_current_typology"
            ),
            models.UniqueConstraint(
                fields=["site", "typology", "source"], name="unique_typology_coding"
            ),
        ]
        indexes = [models.Index(fields=["typology", "is_current"], name="typology_current")]

    def __str__(self):
        return f"{self.site} as {self.typology}"


class SiteFunding(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="funding_facts")
    funding_type = models.ForeignKey(
        FundingType, on_delete=models.PROTECT, related_name="site_facts"
    )

    class Meta:
        ordering = ["funding_type__position"]
        constraints = [unique_per_site("funding_type")]

    def __str__(self):
        return f"{self.site}: {self.funding_type}"


class SiteDriver(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="driver_facts")
    driver = models.ForeignKey(Driver, on_delete=models.PROTECT, related_name="site_facts")

    class Meta:
        ordering = ["driver__position"]
        constraints = [unique_per_site("driver")]

    def __str__(self):
        return f"{self.site}: {self.driver}"


class SiteJustification(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="justification_facts")
    justification = models.ForeignKey(
        Justification, on_delete=models.PROTECT, related_name="site_facts"
    )

    class Meta:
        ordering = ["justification__position"]
        constraints = [unique_per_site("justification")]

    def __str__(self):
        return f"{self.site}: {self.justification}"


class SitePartner(SiteFact):
    """A sector taking part in the site (the coarse facet; named bodies are participations)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="partner_facts")
    partner_type = models.ForeignKey(
        PartnerType, on_delete=models.PROTECT, related_name="site_facts"
    )

    class Meta:
        ordering = ["partner_type__position"]
        constraints = [unique_per_site("partner_type")]

    def __str__(self):
        return f"{self.site}: {self.partner_type}"


class SitePractice(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="practice_facts")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="site_facts")
    detail = models.TextField(blank=True, help_text="How the site puts the practice to work.")

    class Meta:
        ordering = ["practice__ingredient__position", "practice__position"]
        constraints = [unique_per_site("practice")]

    def __str__(self):
        return f"{self.site}: {self.practice}"


class SiteLeadershipStyle(SiteFact):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="leadership_facts")
    leadership_style = models.ForeignKey(
        LeadershipStyle, on_delete=models.PROTECT, related_name="site_facts"
    )

    class Meta:
        ordering = ["leadership_style__position"]
        constraints = [unique_per_site("leadership_style")]

    def __str__(self):
        return f"{self.site}: {self.leadership_style}"


class SiteFrameworkTheme(SiteFact):
    """A Collaborate framework theme that a named example illustrates (seed 004)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="theme_facts")
    theme = models.ForeignKey(FrameworkTheme, on_delete=models.PROTECT, related_name="site_facts")

    class Meta:
        ordering = ["theme__strand__position", "theme__position"]
        constraints = [unique_per_site("theme")]

    def __str__(self):
        return f"{self.site}: {self.theme}"


class SiteOrganisation(SiteFact):
    """A named organisation taking part in a site, in a role."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="participations"
    )
    role = models.ForeignKey(OrganisationRole, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["role__position", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "organisation", "role"], name="unique_site_organisation_role"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.role}) in {self.site}"


class FieldCitation(SiteFact):
    """The citation for a single-valued field of Site (scope, study depth, locality...)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="field_citations")
    field = models.CharField(max_length=60)

    class Meta:
        ordering = ["field"]
        constraints = [unique_per_site("field")]

    def __str__(self):
        return f"{self.site}.{self.field}: {self.citation}"
