"""Charity and company numbers a submitter gives for the lead organisation.

Asked on the submission form (the registers offered are data: Register.kind), checked
against the register's pattern once spaces are taken out and letters upper-cased, kept
with the submission until a moderator publishes the site, then written to the organisation
as identifiers of origin "submitter" that name the submission.

A number that another organisation of the catalogue already holds is never merged into
the lead: a typed number may be a typo, and re-pointing the site at another organisation
would rewrite its page on the strength of it. The moderator's review names that
organisation (with a link), and publishing leaves the number off; so it does when the lead
already carries a different number from the same register.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from collaborations.evidence import best_ranked
from collaborations.models import Organisation, OrganisationIdentifier, Register, Submission

LEAD = "lead"
# What a submitter may give, in the order the form asks.
SUBMITTER_KINDS = (Register.Kind.CHARITY, Register.Kind.COMPANY)
NOT_REGISTERED = {
    Register.Kind.CHARITY: "Not a registered charity",
    Register.Kind.COMPANY: "Not a registered company",
}
REGISTERS_OF = {Register.Kind.CHARITY: "charities", Register.Kind.COMPANY: "companies"}
MAX_VALUE = 40  # OrganisationIdentifier.value


def normalise(value: str) -> str:
    """As registers write their numbers: no spaces, capital letters."""
    return "".join((value or "").split()).upper()


def register_field(kind: str) -> str:
    return f"lead_{kind}_register"


def number_field(kind: str) -> str:
    return f"lead_{kind}_number"


def identifier_field_names() -> list[str]:
    """Every field the form may add, in order (a kind with one register has no choice)."""
    return [name for kind in SUBMITTER_KINDS for name in (register_field(kind), number_field(kind))]


@dataclass(frozen=True)
class GivenIdentifier:
    """One number the submitter gave, for one of the organisations they name."""

    organisation: str  # LEAD: submissions name no other organisation yet
    register: Register
    value: str

    @property
    def identifier(self) -> str:
        return f"{self.register.code}-{self.value}"

    @property
    def url(self) -> str:
        return self.register.record_address(self.value)

    def to_json(self) -> dict:
        return {
            "organisation": self.organisation,
            "register": self.register.code,
            "value": self.value,
        }


def given_identifiers(submission: Submission) -> list[GivenIdentifier]:
    """The identifiers kept with the submission (one query; rows of a register since removed
    are left out)."""
    return identifiers_from_rows(submission.identifiers)


def identifiers_from_rows(kept: list | None) -> list[GivenIdentifier]:
    """The identifiers of rows kept as GivenIdentifier.to_json writes them, with a
    submission or a moderator's decision (one query, none without rows)."""
    rows = [row for row in kept or [] if isinstance(row, dict)]
    if not rows:
        return []
    registers = Register.objects.in_bulk([row.get("register") for row in rows], field_name="code")
    return [
        GivenIdentifier(row.get("organisation", LEAD), registers[row["register"]], row["value"])
        for row in rows
        if row.get("register") in registers and row.get("value")
    ]


def identifiers_initial(submission: Submission) -> dict:
    """Form initial values showing the numbers given."""
    initial = {}
    for given in given_identifiers(submission):
        kind = given.register.kind
        if given.organisation == LEAD and kind in SUBMITTER_KINDS:
            initial[register_field(kind)] = given.register.code
            initial[number_field(kind)] = given.value
    return initial


def identifier_label(one: GivenIdentifier) -> str:
    return f"Lead organisation’s {one.register.get_kind_display().lower()}"


def identifier_shown(one: GivenIdentifier) -> str:
    return f"{one.value} ({one.register.name})"


def identifier_rows(submission: Submission) -> list[tuple[str, list[str]]]:
    """The numbers given as (label, values) rows, beside a snapshot's facts."""
    return [
        (identifier_label(one), [identifier_shown(one)]) for one in given_identifiers(submission)
    ]


def _examples(registers: list[Register]) -> str:
    examples = [f"{r.example} ({r.name})" for r in registers]
    return examples[0] if len(examples) == 1 else ", ".join(examples[:-1]) + " or " + examples[-1]


class LeadIdentifiersMixin(forms.Form):
    """The lead organisation's charity number and company number, both optional.

    For a kind with several registers (charities: England and Wales, Scotland, Northern
    Ireland) the submitter picks the register; a number only one register's pattern fits
    needs no pick. A kind with one register asks for the number alone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registers = list(Register.objects.filter(kind__in=SUBMITTER_KINDS))
        self.identifier_registers = {
            kind: [r for r in registers if r.kind == kind] for kind in SUBMITTER_KINDS
        }
        for kind, of_kind in self.identifier_registers.items():
            if not of_kind:
                continue
            what = Register.Kind(kind).label.lower()
            if len(of_kind) > 1:
                self.fields[register_field(kind)] = forms.ChoiceField(
                    choices=[("", NOT_REGISTERED[kind])] + [(r.code, r.name) for r in of_kind],
                    required=False,
                    label=f"Register of {REGISTERS_OF[kind]} the lead organisation is on",
                    help_text=f"Optional. Choose the register that gives its {what}.",
                )
            self.fields[number_field(kind)] = forms.CharField(
                max_length=60,
                required=False,
                label=f"Lead organisation’s {what}",
                help_text=f"Optional. For example {_examples(of_kind)}. "
                + "Shown on the organisation’s page, with a link to the register, "
                "once a moderator publishes your submission.",
            )

    @property
    def identifier_fields(self) -> list:
        """The bound fields of this form's identifier questions, in order (for templates)."""
        return [self[name] for name in identifier_field_names() if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        given = []
        for kind, of_kind in self.identifier_registers.items():
            if number_field(kind) not in self.fields:
                continue
            one = self._clean_kind(cleaned, kind, of_kind)
            if one is not None:
                given.append(one)
        lead_named = (cleaned.get("lead_organisation_name") or "").strip()
        if "lead_organisation_name" in self.fields and given and not lead_named:
            self.add_error(
                number_field(given[0].register.kind),
                ValidationError("Name the lead organisation whose number this is.", code="no_lead"),
            )
        cleaned["lead_identifiers"] = given
        return cleaned

    def _clean_kind(self, cleaned, kind, of_kind) -> GivenIdentifier | None:
        number_name, choice_name = number_field(kind), register_field(kind)
        if number_name in self.errors or choice_name in self.errors:
            return None
        value = normalise(cleaned.get(number_name))
        for register in of_kind:  # "GB-SC-SC012345" typed whole: the value alone
            if value.startswith(f"{register.code}-"):
                value = value[len(register.code) + 1 :]
        code = cleaned.get(choice_name) if len(of_kind) > 1 else of_kind[0].code
        register = next((r for r in of_kind if r.code == code), None)
        what = Register.Kind(kind).label.lower()
        if not value:
            if register is not None and len(of_kind) > 1:
                self.add_error(
                    number_name,
                    ValidationError(
                        f"Enter the {register.value_label}, or choose “{NOT_REGISTERED[kind]}”.",
                        code="required",
                    ),
                )
            return None
        if register is None:  # several registers, none chosen: the one whose form fits
            fitting = [r for r in of_kind if r.matches(value) and len(value) <= MAX_VALUE]
            if len(fitting) > 1:
                self.add_error(
                    choice_name,
                    ValidationError(
                        f"Choose the register of the {what} {value}: "
                        + " or ".join(r.name for r in fitting)
                        + ".",
                        code="ambiguous",
                    ),
                )
                return None
            if not fitting:
                self.add_error(
                    number_name,
                    ValidationError(f"Enter a {what} like {_examples(of_kind)}.", code="invalid"),
                )
                return None
            register = fitting[0]
        if len(value) > MAX_VALUE or not register.matches(value):
            self.add_error(
                number_name,
                ValidationError(
                    f"Enter a {register.value_label} like {register.example}.", code="invalid"
                ),
            )
            return None
        return GivenIdentifier(LEAD, register, value)

    def given_identifiers_json(self) -> list[dict] | None:
        """What to keep with the submission (call after is_valid()); None when this form
        does not ask (a section of the task list other than "Where and who")."""
        if not any(number_field(kind) in self.fields for kind in SUBMITTER_KINDS):
            return None
        return [one.to_json() for one in self.cleaned_data.get("lead_identifiers", [])]


# What publishing does with each number, and what the moderator is told before.
ADDED, ALREADY_HELD, HELD_ELSEWHERE, LEAD_DIFFERS, NO_LEAD = (
    "added",
    "already-held",
    "held-elsewhere",
    "lead-differs",
    "no-lead",
)


@dataclass(frozen=True)
class IdentifierCheck:
    given: GivenIdentifier
    outcome: str
    organisation: Organisation | None  # the lead
    other: Organisation | None = None  # who else holds it
    lead_value: str = ""  # the lead's own number from that register, when it differs

    @property
    def is_written(self) -> bool:
        return self.outcome == ADDED

    @property
    def message(self) -> str:
        name = self.organisation.name if self.organisation else "the lead organisation"
        return {
            ADDED: f"Will be added to {name} when you publish.",
            ALREADY_HELD: f"{name} already has it: nothing to add.",
            HELD_ELSEWHERE: "Another organisation of the catalogue already has this number: "
            "it will not be added. If they are the same organisation, correct the lead "
            "organisation (or merge them in the admin) before publishing.",
            LEAD_DIFFERS: f"{name} already has {self.given.register.code}-{self.lead_value} "
            "from this register: it will not be replaced.",
            NO_LEAD: "The submission names no lead organisation: it will not be added.",
        }[self.outcome]


def lead_organisation_of(site) -> Organisation | None:
    participations = site.participations.select_related("organisation", "role")
    lead = next((p for p in best_ranked(participations) if p.role.slug == LEAD), None)
    return lead.organisation if lead else None


def identifier_checks(submission: Submission) -> list[IdentifierCheck]:
    """What publishing would do with each number the submitter gave (a few queries)."""
    given = [one for one in given_identifiers(submission) if one.organisation == LEAD]
    if not given:
        return []
    lead = lead_organisation_of(submission.site)
    if lead is None:
        return [IdentifierCheck(one, NO_LEAD, None) for one in given]
    same = Q()
    for one in given:
        same |= Q(register=one.register, value=one.value)
    holders = {}
    others = OrganisationIdentifier.objects.filter(same).exclude(organisation=lead)
    for row in others.select_related("organisation").order_by("pk"):
        holders.setdefault((row.register_id, row.value), row.organisation)
    leads = dict(lead.identifiers.values_list("register_id", "value"))
    checks = []
    for one in given:
        other = holders.get((one.register.pk, one.value))
        have = leads.get(one.register.pk)
        if have == one.value:
            checks.append(IdentifierCheck(one, ALREADY_HELD, lead))
        elif other is not None:
            checks.append(IdentifierCheck(one, HELD_ELSEWHERE, lead, other=other))
        elif have:
            checks.append(IdentifierCheck(one, LEAD_DIFFERS, lead, lead_value=have))
        else:
            checks.append(IdentifierCheck(one, ADDED, lead))
    return checks


def submission_identifiers_publish(submission: Submission) -> list[IdentifierCheck]:
    """A moderator published the site: write the numbers that belong to no one else.
    Call inside the publishing transaction."""
    checks = identifier_checks(submission)
    for check in checks:
        if check.is_written:
            identifier = OrganisationIdentifier(
                organisation=check.organisation,
                register=check.given.register,
                value=check.given.value,
                origin=OrganisationIdentifier.Origin.SUBMITTER,
                submission=submission,
                note=f"Given by the practitioner who submitted {submission.site.name}"[:300],
            )
            identifier.full_clean()
            identifier.save()
    return checks
