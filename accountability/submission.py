"""The accountability section of a practitioner's submission: its fields, how its facts are
read, written, stored in proposals and sent through the API. Plugged into collaborations
through its hook (collaborations.submissions.contributed), so collaborations never imports
this app."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from rest_framework import serializers

from collaborations.submissions.contributed import ContributedFacts
from collaborations.submissions.fact_writing import (
    save_statement,
    write_coding,
    write_fact_set,
)
from collaborations.submissions.facts import FactSet
from collaborations.submissions.forms import choose_many, choose_one

from .models import (
    AccountabilityApproach,
    AccountabilityLine,
    AccountabilityLineType,
    Indicator,
    MeasurementApproach,
    MeasurementCoding,
    SiteAccountabilityApproach,
)

MAX_INDICATORS = 30
INDICATOR_MAX_LENGTH = 300
LINE_DETAIL_PREFIX = "line_detail_"

APPROACHES = FactSet(
    SiteAccountabilityApproach, "approach_facts", "approach", AccountabilityApproach
)
MEASUREMENT = FactSet(MeasurementCoding, "measurement_codings", "approach", MeasurementApproach)


@dataclass(frozen=True)
class AccountabilityLineFact:
    line_type: AccountabilityLineType
    detail: str = ""

    def __str__(self):
        return f"{self.line_type.name}: {self.detail}" if self.detail else self.line_type.name


class IndicatorsField(forms.CharField):
    """Measures, one per line: cleaned to a list without blanks or repeats."""

    def clean(self, value):
        text = super().clean(value) or ""
        lines = list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
        if len(lines) > MAX_INDICATORS:
            raise ValidationError(f"List at most {MAX_INDICATORS} measures.", code="too_many")
        for number, line in enumerate(lines, start=1):
            if len(line) > INDICATOR_MAX_LENGTH:
                raise ValidationError(
                    f"Measure {number} is longer than {INDICATOR_MAX_LENGTH} characters.",
                    code="max_length",
                )
        return lines


def lines_of(site) -> list[AccountabilityLineFact]:
    """One line per type; where a source gives several for one type, their details joined."""
    details: dict[AccountabilityLineType, list[str]] = {}
    for line in AccountabilityLine.objects.filter(site=site).select_related("line_type"):
        details.setdefault(line.line_type, [])
        if line.detail:
            details[line.line_type].append(line.detail)
    return [AccountabilityLineFact(kind, "\n\n".join(texts)) for kind, texts in details.items()]


class AccountabilityFacts(ContributedFacts):
    section = "accountability"
    section_title = "Accountability and measurement"
    section_template = "accountability/submission_fields.html"
    labels = {
        "accountability_approaches": "Accountability approaches",
        "measurement_approach": "Measurement approach",
        "accountability_lines": "Lines of accountability",
        "indicators": "Measures and indicators",
    }
    single_valued = frozenset({"measurement_approach"})

    def read(self, site) -> dict:
        from collaborations.evidence import best_ranked

        approaches = best_ranked(site.approach_facts.select_related("approach"))
        codings = site.measurement_codings.select_related("approach")
        current = next((row for row in codings if row.is_preferred), None)
        return {
            "accountability_approaches": list(dict.fromkeys(row.approach for row in approaches)),
            "measurement_approach": current.approach if current else None,
            "accountability_lines": lines_of(site),
            "indicators": [indicator.name for indicator in Indicator.objects.filter(site=site)],
        }

    def write(self, site, key, value, stance) -> None:
        if key == "accountability_approaches":
            write_fact_set(site, APPROACHES, value, stance)
        elif key == "measurement_approach":
            write_coding(site, MEASUREMENT, value, stance)
        elif key == "accountability_lines":
            _write_lines(site, value, stance)
        elif key == "indicators":
            _write_indicators(site, value, stance)

    def statements(self, site, key, source):
        model = {
            "accountability_approaches": SiteAccountabilityApproach,
            "measurement_approach": MeasurementCoding,
            "accountability_lines": AccountabilityLine,
            "indicators": Indicator,
        }[key]
        return model.objects.filter(site=site, source=source)

    def to_json(self, key, value):
        if key == "accountability_approaches":
            return [row.slug for row in value]
        if key == "measurement_approach":
            return value.slug if value else None
        if key == "accountability_lines":
            return [{"line_type": ln.line_type.slug, "detail": ln.detail} for ln in value]
        return list(value)

    def from_json(self, key, payload):
        if key == "accountability_approaches":
            return list(AccountabilityApproach.objects.filter(slug__in=payload))
        if key == "measurement_approach":
            return MeasurementApproach.objects.filter(slug=payload).first() if payload else None
        if key == "accountability_lines":
            slugs = [line["line_type"] for line in payload]
            types = {t.slug: t for t in AccountabilityLineType.objects.filter(slug__in=slugs)}
            return [
                AccountabilityLineFact(types[ln["line_type"]], ln.get("detail", ""))
                for ln in payload
                if ln["line_type"] in types
            ]
        return list(payload)

    def form_fields(self) -> dict:
        fields = {
            "accountability_lines": choose_many(
                AccountabilityLineType, label="Who do you answer to?"
            ),
            "accountability_approaches": choose_many(
                AccountabilityApproach,
                label="How do you show you are doing what you promised?",
            ),
            "measurement_approach": choose_one(
                MeasurementApproach,
                blank=True,
                empty_label="Not sure, or none of these",
                widget=forms.RadioSelect,
                label="How do you measure success?",
            ),
            "indicators": IndicatorsField(
                max_length=MAX_INDICATORS * (INDICATOR_MAX_LENGTH + 1),
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                label="Measures and indicators",
                help_text=f"One per line, up to {MAX_INDICATORS}.",
            ),
        }
        for line_type in AccountabilityLineType.objects.all():
            fields[LINE_DETAIL_PREFIX + line_type.slug] = forms.CharField(
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                label=f"How you report to {line_type.name.lower()}",
            )
        return fields

    def form_values(self, cleaned_data) -> dict:
        ticked = {t.pk for t in cleaned_data.get("accountability_lines") or []}
        lines = []
        for line_type in AccountabilityLineType.objects.all():
            detail = (cleaned_data.get(LINE_DETAIL_PREFIX + line_type.slug) or "").strip()
            if line_type.pk in ticked or detail:
                lines.append(AccountabilityLineFact(line_type, detail))
        return {
            "accountability_approaches": list(cleaned_data.get("accountability_approaches") or []),
            "measurement_approach": cleaned_data.get("measurement_approach"),
            "accountability_lines": lines,
            "indicators": cleaned_data.get("indicators") or [],
        }

    def form_initial(self, values) -> dict:
        lines = values.get("accountability_lines") or []
        initial = {
            "accountability_approaches": values.get("accountability_approaches") or [],
            "measurement_approach": values.get("measurement_approach"),
            "accountability_lines": [line.line_type for line in lines],
            "indicators": "\n".join(values.get("indicators") or []),
        }
        for line in lines:
            initial[LINE_DETAIL_PREFIX + line.line_type.slug] = line.detail
        return initial

    def api_fields(self) -> dict:
        return {
            "measurement_approach": serializers.SlugField(
                required=False,
                allow_null=True,
                allow_blank=True,
                help_text="Measurement approach slug.",
            ),
            "accountability_approaches": serializers.ListField(
                child=serializers.SlugField(),
                required=False,
                help_text="Accountability approach slugs.",
            ),
            "accountability_lines": SubmittedAccountabilityLineSerializer(
                many=True, required=False
            ),
            "indicators": serializers.ListField(
                child=serializers.CharField(max_length=INDICATOR_MAX_LENGTH),
                max_length=MAX_INDICATORS,
                required=False,
            ),
        }

    def api_form_data(self, data, key, value) -> bool:
        if key == "accountability_approaches":
            data.setlist(key, list(value))
        elif key == "accountability_lines":
            for existing in [k for k in data if k.startswith(LINE_DETAIL_PREFIX)]:
                del data[existing]
            data.setlist(key, [line["line_type"] for line in value])
            for line in value:
                data[LINE_DETAIL_PREFIX + line["line_type"]] = line.get("detail", "")
        elif key == "indicators":
            data[key] = "\n".join(value)
        else:
            return False
        return True

    def api_error_key(self, form_field) -> str | None:
        return "accountability_lines" if form_field.startswith(LINE_DETAIL_PREFIX) else None


class SubmittedAccountabilityLineSerializer(serializers.Serializer):
    line_type = serializers.SlugField(help_text="Slug of an accountability line type.")
    detail = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="How the collaboration reports along this line.",
    )


def _write_lines(site, lines: list[AccountabilityLineFact], stance) -> None:
    own = AccountabilityLine.objects.filter(site=site, source=stance.source)
    current = {line.line_type_id: line.detail for line in own}
    wanted = {line.line_type.pk: line for line in lines}
    for type_pk, detail in current.items():
        if type_pk not in wanted or wanted[type_pk].detail != detail:
            own.filter(line_type_id=type_pk).delete()
    for type_pk, line in wanted.items():
        if type_pk not in current or current[type_pk] != line.detail:
            values = stance.statement(line_type=line.line_type, detail=line.detail)
            save_statement(AccountabilityLine(site=site, **values))


def _write_indicators(site, names: list[str], stance) -> None:
    existing = {i.name: i for i in Indicator.objects.filter(site=site, source=stance.source)}
    for name, indicator in existing.items():
        if name not in names:
            indicator.delete()
    for name in dict.fromkeys(names):
        if name not in existing:
            save_statement(Indicator(site=site, **stance.statement(name=name)))


SUBMISSION_FACTS = AccountabilityFacts()
