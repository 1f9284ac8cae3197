"""Identifiers from public registers: which register gives an organisation which number,
and the register of local authorities that sites' council areas are named from.

An identifier is written `<register code>-<value>`: the org-id.guide form for the registers
it lists (GB-CHC-1234567 for a charity in England and Wales, GB-COH-01234567 for a
company), and the same form for the ONS's GSS codes (GSS-E08000004), which identify a
council's area and which no org-id.guide list carries.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class RegisterQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Register(models.Model):
    """A public register that gives organisations or areas an identifier."""

    class Kind(models.TextChoices):
        CHARITY = "charity", "Charity number"
        COMPANY = "company", "Company number"
        AREA = "area", "Area code"

    code = models.CharField(
        max_length=20,
        unique=True,
        help_text="The org-id.guide list code (GB-CHC, GB-COH...), or GSS for the ONS's codes.",
    )
    name = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=300, help_text="Where the register can be searched.")
    record_url = models.CharField(
        max_length=300,
        blank=True,
        help_text="The address of one record, with {value} where the identifier goes.",
    )
    is_org_id_list = models.BooleanField(
        default=True, help_text="Listed by org-id.guide: its identifiers are org-ids."
    )
    pattern = models.CharField(
        max_length=200, help_text="A regular expression every value of the register matches."
    )
    example = models.CharField(max_length=40, help_text="One value, as the register writes it.")
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.AREA,
        help_text="What its values number: a submitter may give charity and company numbers.",
    )
    value_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="What its values are called in a sentence (“Scottish charity number”).",
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = RegisterQuerySet.as_manager()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def natural_key(self):
        return (self.code,)

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None

    @property
    def value_label(self) -> str:
        return self.value_name or f"{self.name} number"

    def record_address(self, value: str) -> str:
        return self.record_url.replace("{value}", value) if self.record_url else ""


class LocalAuthorityQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def in_area_of(self, codes):
        """These authorities and the districts inside them (a county's code finds its
        districts' areas too)."""
        return self.filter(Q(code__in=codes) | Q(upper_tier__code__in=codes))


class LocalAuthority(models.Model):
    """A council as the ONS's local authority lookup lists it, by its GSS code."""

    class Tier(models.TextChoices):
        UNITARY = "unitary", "Unitary authority (one tier)"
        UPPER = "upper", "County council (upper tier)"
        LOWER = "lower", "District council (lower tier)"

    code = models.CharField(max_length=9, unique=True, help_text="The ONS's GSS code.")
    name = models.CharField(max_length=200, unique=True)
    tier = models.CharField(max_length=10, choices=Tier.choices)
    upper_tier = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="districts",
        help_text="For a district, the county council of its area.",
    )
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="+")
    lookup = models.CharField(max_length=300, help_text="The edition of the lookup it comes from.")

    objects = LocalAuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        if self.upper_tier_id:
            return f"{self.name} ({self.upper_tier.name})"
        return self.name

    def natural_key(self):
        return (self.code,)

    @property
    def identifier(self) -> str:
        return f"{self.register.code}-{self.code}"

    @property
    def register_record(self) -> str:
        return self.register.record_address(self.code)


class OrganisationIdentifier(models.Model):
    """One register's identifier for an organisation, and how the catalogue came by it."""

    class Origin(models.TextChoices):
        REGISTER_MATCH = (
            "register-match",
            "Matched by the catalogue: the register lists the organisation under this name",
        )
        DOCUMENT = "document", "Stated in a source document"
        SUBMITTER = "submitter", "Given by the practitioner who submitted the site"
        MODERATOR = "moderator", "Added by a moderator"

    organisation = models.ForeignKey(
        "collaborations.Organisation", on_delete=models.CASCADE, related_name="identifiers"
    )
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="identifiers")
    value = models.CharField(max_length=40, help_text="As the register writes it.")
    origin = models.CharField(max_length=20, choices=Origin.choices)
    note = models.CharField(max_length=300, blank=True)
    submission = models.ForeignKey(
        "collaborations.Submission",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="identifiers_given",
        help_text="For an identifier a submitter gave: the submission it came with.",
    )

    class Meta:
        ordering = ["register__position", "register__code", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "register"], name="one_identifier_per_register"
            )
        ]
        indexes = [models.Index(fields=["register", "value"], name="identifier_register_value")]

    def __str__(self):
        return self.identifier

    @property
    def identifier(self) -> str:
        return f"{self.register.code}-{self.value}"

    @property
    def url(self) -> str:
        return self.register.record_address(self.value)

    def clean(self):
        if self.register_id and self.value and not self.register.matches(self.value):
            raise ValidationError(
                {
                    "value": f"{self.value} is not a {self.register.name} number "
                    f"(for example {self.register.example})."
                },
                code="invalid",
            )
