"""Reference tables: the vocabulary that classifies sites."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from .base import ReferenceItem
from .statements import Reference


class GovernanceMode(ReferenceItem):
    """One of the three academic modes of governing a network, on which the report built its
    four types."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "governance mode"


class PartnerType(ReferenceItem):
    """A sector that takes part in collaborations: residents, NHS, police..."""

    facet = "partner"

    class Meta(ReferenceItem.Meta):
        verbose_name = "partner type"


class Typology(ReferenceItem):
    """One of the report's four types of collaboration, or 'not classified'."""

    facet = "typology"

    characteristics = models.TextField(blank=True)
    governance_mode = models.ForeignKey(
        GovernanceMode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="typologies",
        help_text="Left empty where the sources do not say which mode the type builds on.",
    )
    is_classification = models.BooleanField(
        default=True, help_text="False for the 'not classified' placeholder."
    )

    class Meta(ReferenceItem.Meta):
        verbose_name_plural = "typologies"

    def get_page_url(self):
        from django.urls import reverse

        return reverse("collaborations:typology-detail", args=[self.slug])


class TypologyPartner(models.Model):
    """A partner type the slide deck lists for a type of collaboration."""

    typology = models.ForeignKey(Typology, on_delete=models.CASCADE, related_name="partner_facts")
    partner_type = models.ForeignKey(
        PartnerType, on_delete=models.PROTECT, related_name="typology_facts"
    )
    source = models.ForeignKey(
        "collaborations.Source", on_delete=models.PROTECT, related_name="typology_partner_facts"
    )
    locator = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    references = GenericRelation(Reference)

    class Meta:
        ordering = ["typology", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["typology", "partner_type"], name="unique_typology_partner"
            )
        ]

    def __str__(self):
        return f"{self.typology}: {self.partner_type}"


class FundingType(ReferenceItem):
    facet = "funding"

    class Meta(ReferenceItem.Meta):
        verbose_name = "funding type"


class Driver(ReferenceItem):
    """One of the fourteen key drivers for collaborative working in the slide deck."""

    facet = "driver"


class Justification(ReferenceItem):
    """One of the four justifications for collaborating that the projects studied gave."""

    facet = "justification"

    # Two documents can word one idea differently: the forms then offer it once (as the
    # driver), and choosing it records both facts, each in its own document's words.
    same_as_driver = models.ForeignKey(
        Driver,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="same_justifications",
        help_text="The slide deck's driver that states the same idea in other words.",
    )


class Ingredient(ReferenceItem):
    """One of the four ingredients that ingrain collaborative working."""

    facet = "ingredient"

    key_features = models.TextField(blank=True)


class Practice(ReferenceItem):
    """A strategy or practice through which an ingredient is put to work."""

    facet = "practice"

    ingredient = models.ForeignKey(Ingredient, on_delete=models.PROTECT, related_name="practices")


class LeadershipStyle(ReferenceItem):
    """Steward, mediator or catalyst: the collaborative leadership styles in the report summary."""

    facet = "leadership"

    class Meta(ReferenceItem.Meta):
        verbose_name = "leadership style"


class Region(ReferenceItem):
    """A UK nation or English region."""

    facet = "region"

    nation = models.CharField(max_length=40)


class StudyDepth(ReferenceItem):
    """How deeply the research studied a site: learning call, deep dive, or none."""

    facet = "depth"

    class Meta(ReferenceItem.Meta):
        verbose_name = "study depth"


class InitiatorType(ReferenceItem):
    """Who initiated a collaboration: a public authority, the voluntary sector, other."""

    facet = "initiated_by"

    class Meta(ReferenceItem.Meta):
        verbose_name = "initiator type"


class OrganisationType(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "organisation type"


class OrganisationRole(ReferenceItem):
    """The part an organisation plays in a site: lead, partner, funder, evaluator..."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "organisation role"


class FrameworkStrand(ReferenceItem):
    """One of the four strands of Collaborate's framework of collaborative capacity."""

    class Meta(ReferenceItem.Meta):
        verbose_name = "framework strand"


class FrameworkTheme(ReferenceItem):
    """One of the twelve themes of Collaborate's framework, three to a strand."""

    facet = "theme"

    strand = models.ForeignKey(FrameworkStrand, on_delete=models.PROTECT, related_name="themes")

    class Meta(ReferenceItem.Meta):
        verbose_name = "framework theme"
