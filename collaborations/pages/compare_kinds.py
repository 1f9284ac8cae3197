"""Values a site holds because of its kind, not because of what it does.

Every framework example is "Not studied": the report studied only its research sites. Two
framework examples compared side by side share that value, but sharing it says nothing
about them, so the compare table does not mark it "also" and hides a row that is the same
only for that reason. Which values are like that is read from the catalogue (a single-
valued field every published site of a kind holds alike), not listed here."""

from django.db.models import Count, Max, Q

from collaborations.models import Site
from collaborations.versions import cached_aggregate, catalogue_version

# The compare rows drawn from one reference value per site, and the field each reads.
KIND_FIELDS = {
    "Study depth": "study_depth",
    "Nation or region": "region",
    "Initiated by": "initiated_by",
}


def kind_constants() -> set[tuple[str, str, str]]:
    """{(field, kind, value slug)}: every published site of that kind (two or more) holds
    that value of the field. Read once per version of the catalogue."""
    return cached_aggregate("compare-kind-constants", catalogue_version(), _kind_constants)


def _kind_constants() -> set[tuple[str, str, str]]:
    annotations = {"sites": Count("pk")}
    for name in KIND_FIELDS.values():
        annotations[f"{name}_values"] = Count(name, distinct=True)
        annotations[f"{name}_blank"] = Count("pk", filter=Q(**{f"{name}__isnull": True}))
        annotations[f"{name}_slug"] = Max(f"{name}__slug")
    constants = set()
    for row in Site.public.order_by().values("kind").annotate(**annotations):
        for name in KIND_FIELDS.values():
            alike = row[f"{name}_values"] == 1 and not row[f"{name}_blank"]
            if alike and row["sites"] > 1:
                constants.add((name, row["kind"], row[f"{name}_slug"]))
    return constants
