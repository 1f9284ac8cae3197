"""The Site: one collaboration at one place, the catalogue's unit."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .reference import InitiatorType, Region, StudyDepth
from .statements import Reference


class SiteQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        return self.filter(status=Site.Status.PUBLISHED)

    def visible_to(self, user):
        """Published sites, plus (for moderators) everything, plus a user's own."""
        if user.is_authenticated and (
            user.is_staff or user.groups.filter(name="moderators").exists()
        ):
            return self
        if user.is_authenticated:
            return self.filter(Q(status=Site.Status.PUBLISHED) | Q(owner=user))
        return self.published()

    def for_list(self):
        """What a list row shows: place, depth, current type, funding, lead organisation."""
        return self.select_related("region", "study_depth", "council").prefetch_related(
            *_fact_prefetches(
                "typology_codings", "funding_facts", "participations", "measurement_codings"
            )
        )

    def for_detail(self):
        """Every statement of a site with its source and references, for the case page, the
        API and exports (one query per fact model, one for all the references)."""
        return self.select_related(
            "region", "study_depth", "initiated_by", "council__upper_tier", "council__register"
        ).prefetch_related(
            *_fact_prefetches(*FACT_RELATIONS), _references_prefetch(), _identifiers_prefetch()
        )

    def research_coded(self):
        return self.exclude(kind=Site.Kind.PRACTITIONER_SUBMISSION)

    def self_reported(self):
        return self.filter(kind=Site.Kind.PRACTITIONER_SUBMISSION)


# Fact relations of Site and what each row needs joined to render with its citation.
FACT_RELATIONS = {
    "aliases": ("collaborations.SiteAlias", []),
    "typology_codings": ("collaborations.TypologyCoding", ["typology__governance_mode"]),
    "funding_facts": ("collaborations.SiteFunding", ["funding_type"]),
    "driver_facts": ("collaborations.SiteDriver", ["driver"]),
    "justification_facts": ("collaborations.SiteJustification", ["justification"]),
    "partner_facts": ("collaborations.SitePartner", ["partner_type"]),
    "practice_facts": ("collaborations.SitePractice", ["practice__ingredient"]),
    "leadership_facts": ("collaborations.SiteLeadershipStyle", ["leadership_style"]),
    "theme_facts": ("collaborations.SiteFrameworkTheme", ["theme__strand"]),
    "participations": (
        "collaborations.SiteOrganisation",
        ["organisation__organisation_type", "role"],
    ),
    "field_statements": ("collaborations.FieldStatement", []),
    "quotes": ("collaborations.Quote", ["organisation"]),
    "approach_facts": ("accountability.SiteAccountabilityApproach", ["approach"]),
    "measurement_codings": ("accountability.MeasurementCoding", ["approach"]),
    "accountability_lines": ("accountability.AccountabilityLine", ["line_type"]),
    "indicators": ("accountability.Indicator", []),
}


def _fact_prefetches(*relations):
    from django.apps import apps

    prefetches = []
    for relation in relations:
        model_label, joins = FACT_RELATIONS[relation]
        queryset = apps.get_model(model_label).objects.select_related("source", *joins)
        prefetches.append(models.Prefetch(relation, queryset=queryset))
    return prefetches


def _identifiers_prefetch():
    """The register identifiers of every organisation the site names."""
    from .identifiers import OrganisationIdentifier

    queryset = OrganisationIdentifier.objects.select_related("register")
    return models.Prefetch("participations__organisation__identifiers", queryset=queryset)


def _references_prefetch():
    queryset = Reference.objects.select_related("passage__source", "content_type").order_by(
        "position", "pk"
    )
    return models.Prefetch("statement_references", queryset=queryset)


class PublishedSiteManager(models.Manager.from_queryset(SiteQuerySet)):
    """The public view of the catalogue: published sites only."""

    def get_queryset(self):
        return super().get_queryset().published()


class Site(models.Model):
    class Kind(models.TextChoices):
        RESEARCH_SITE = "research-site", "Research site"
        FRAMEWORK_EXAMPLE = "framework-example", "Framework example"
        PRACTITIONER_SUBMISSION = "practitioner-submission", "Practitioner submission"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for review"
        CHANGES_REQUESTED = "changes-requested", "Changes requested"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"
        ARCHIVED = "archived", "Archived"

    class Permanence(models.TextChoices):
        EMBEDDED = "embedded", "Permanent, embedded way of working"
        TIME_LIMITED = "time-limited", "Time-limited initiative"

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    summary = models.TextField(blank=True, max_length=5000)
    scope = models.TextField("scope of collaborative working", blank=True, max_length=1000)
    locality = models.CharField(max_length=200, blank=True, help_text="Town, city or area.")
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="sites"
    )
    local_authority = models.CharField(max_length=200, blank=True)
    # Derived from local_authority by collaborations.derived: the council the register
    # lists under that name, so that sites can be found by its GSS code.
    council = models.ForeignKey(
        "collaborations.LocalAuthority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="sites",
    )
    initiated_by = models.ForeignKey(
        InitiatorType, on_delete=models.PROTECT, null=True, blank=True, related_name="sites"
    )
    study_depth = models.ForeignKey(
        StudyDepth, on_delete=models.PROTECT, null=True, blank=True, related_name="sites"
    )
    permanence = models.CharField(
        max_length=20, choices=Permanence.choices, blank=True, help_text="Blank where unknown."
    )
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    website = models.URLField(max_length=500, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_sites",
        help_text="The practitioner account that submitted this site, if any.",
    )
    # Derived columns, refreshed by collaborations.derived.refresh_site_derived():
    # stored so browse and API can sort and search in one indexed query.
    # The quality signal, the same for every kind of site: how many facts it states, how
    # many of them rest on a reference (a passage a reader can check), and whose they are.
    fact_count = models.PositiveIntegerField(
        default=0, db_index=True, help_text="Facts stated: statements that are not deprecated."
    )
    referenced_fact_count = models.PositiveIntegerField(
        default=0,
        db_index=True,
        help_text="Facts with a reference: stated facts backed by at least one passage.",
    )
    self_reported_fact_count = models.PositiveIntegerField(
        default=0, help_text="Stated facts self-reported by the collaboration."
    )
    search_document = models.TextField(blank=True, editable=False)
    disputed_facts = models.JSONField(
        default=list, blank=True, editable=False, help_text="Facts on which sources disagree."
    )
    # PostgreSQL's weighted full-text vector (GIN-indexed; collaborations.search).
    search_vector = SearchVectorField(null=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = SiteQuerySet.as_manager()
    public = PublishedSiteManager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "kind"], name="site_status_kind"),
            # The default order of every list, and the keys its cursors page by.
            models.Index(fields=["name", "slug"], name="site_name_slug"),
            # Browse's default order (research sites first, see pages.browse.research_first)
            # and its start-year orders.
            models.Index(fields=["status", "-kind", "name", "id"], name="site_status_kind_name"),
            models.Index(fields=["start_year", "name"], name="site_start_year_name"),
            # A case page's "compare with": the published sites with most cited facts first.
            models.Index(
                fields=["-referenced_fact_count", "name"],
                condition=Q(status="published"),
                name="site_compare_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(referenced_fact_count__lte=models.F("fact_count"))
                & Q(self_reported_fact_count__lte=models.F("fact_count")),
                name="site_fact_counts_consistent",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(start_year__gte=1800, start_year__lte=2100),
                name="site_start_year_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def save(self, *args, **kwargs):
        """Never write the search vector from memory: SQL keeps it (collaborations.search),
        and an instance loaded earlier would otherwise put back a stale one."""
        updating = not self._state.adding and not kwargs.get("force_insert")
        if updating and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "search_vector"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("collaborations:site-detail", args=[self.slug])

    @property
    def is_self_reported(self):
        return self.kind == self.Kind.PRACTITIONER_SUBMISSION

    def references_of(self, statement) -> list:
        """The references of one of this site's statements, from the prefetched
        `statement_references` (see SiteQuerySet.for_detail)."""
        if not hasattr(self, "_references_by_statement"):
            by_statement = {}
            for reference in self.statement_references.all():
                kind = reference.content_type
                key = (kind.app_label, kind.model, reference.object_id)
                by_statement.setdefault(key, []).append(reference)
            self._references_by_statement = by_statement
        meta = statement._meta
        key = (meta.app_label, meta.model_name, statement.pk)
        return self._references_by_statement.get(key, [])

    @property
    def research_fact_count(self) -> int:
        """Stated facts coded from documents (stated in or inferred from them) or by a
        moderator: every stated fact the collaboration did not report itself."""
        return self.fact_count - self.self_reported_fact_count

    @property
    def evidence_label(self):
        return "Self-reported" if self.is_self_reported else "Research-coded"
