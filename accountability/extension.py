"""What accountability adds to the collaborations app, through its extension hooks
(collaborations.extensions): so collaborations never imports this app."""

from collaborations.extensions import Extension

from . import models as acc


def site_filters() -> dict:
    """Facets of the browse page and the API."""
    from collaborations.filters import SlugFilter

    return {
        "accountability_approach": SlugFilter(
            queryset=acc.AccountabilityApproach.objects.all(),
            fact_model=acc.SiteAccountabilityApproach,
            value_field="approach",
            label="Accountability approach",
        ),
        "measurement_approach": SlugFilter(
            queryset=acc.MeasurementApproach.objects.all(),
            fact_model=acc.MeasurementCoding,
            value_field="approach",
            extra={"rank": "preferred"},
            label="Measurement approach",
        ),
    }


def reference_endpoints() -> dict:
    from .api import reference_endpoints

    return reference_endpoints()


def submission_facts():
    from .submission import SUBMISSION_FACTS

    return SUBMISSION_FACTS


EXTENSION = Extension(
    fixture_file="accountability.yaml",
    reference_tables={
        "accountability_approaches": acc.AccountabilityApproach,
        "measurement_approaches": acc.MeasurementApproach,
        "accountability_line_types": acc.AccountabilityLineType,
        "challenge_families": acc.ChallengeFamily,
        "challenges": acc.Challenge,
        "open_questions": acc.OpenQuestion,
    },
    fact_sections={
        "approaches": acc.SiteAccountabilityApproach,
        "measurement_codings": acc.MeasurementCoding,
        "accountability_lines": acc.AccountabilityLine,
        "indicators": acc.Indicator,
    },
    codebook_facts=[
        (
            "accountability_approaches",
            "How the collaboration shows it is succeeding.",
            acc.AccountabilityApproach,
        ),
        (
            "measurement_approach",
            "How the collaboration measures success; coded like the type, with one preferred "
            "coding.",
            acc.MeasurementApproach,
        ),
        (
            "accountability_lines",
            "To whom the collaboration answers outside itself, with reporting detail where known.",
            acc.AccountabilityLineType,
        ),
        ("indicators", "Measures or indicators the site uses to show success.", None),
    ],
    codebook_tables=[
        (acc.AccountabilityApproach, None),
        (acc.MeasurementApproach, lambda v: f"Exemplar: {v.exemplar}" if v.exemplar_id else ""),
        (acc.AccountabilityLineType, None),
        (acc.ChallengeFamily, None),
        (acc.Challenge, lambda v: f"Family: {v.family}"),
        (acc.OpenQuestion, None),
    ],
    codebook_related={acc.MeasurementApproach: ["exemplar"], acc.Challenge: ["family"]},
    reference_endpoints=reference_endpoints,
    finding_pages={"accountability": ("accountability:overview", "Accountability and measurement")},
    submission_facts=submission_facts(),
)
