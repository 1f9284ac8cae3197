"""One idea, two wordings: a driver and a justification that state the same thing.

The slide deck's drivers and the report's justifications overlap: the reference data links
a justification to its driver (Justification.same_as_driver). The forms offer the idea once,
as the driver, with the justification's wording beside it; choosing it records both facts,
each citing its own document, so a reader filtering by either finds the collaboration.
"""

from django import forms
from django.forms.models import ModelChoiceIterator

from collaborations.models import Driver, Justification


class OfferedOnceIterator(ModelChoiceIterator):
    """The justifications less those offered as their driver."""

    def __iter__(self):
        for value, label in super().__iter__():
            instance = getattr(value, "instance", None)
            if instance is None or instance.same_as_driver_id is None:
                yield value, label

    def __len__(self):
        return sum(1 for _ in self)


class JustificationChoiceField(forms.ModelMultipleChoiceField):
    """Accepts every justification (the API may name any), offers the unpaired ones."""

    iterator = OfferedOnceIterator


def drivers_offered():
    """Drivers with the justifications that say the same, for the option's hint."""
    return Driver.objects.prefetch_related("same_justifications__source")


def by_position(rows) -> list:
    return sorted(rows, key=lambda row: (row.position, row.name))


def same_ideas_together(drivers, justifications) -> tuple[list, list]:
    """The chosen drivers and justifications, each completed by its paired row."""
    drivers, justifications = list(drivers), list(justifications)
    if not drivers and not justifications:
        return drivers, justifications
    pairs = Justification.objects.filter(same_as_driver__isnull=False).select_related(
        "same_as_driver"
    )
    for justification in pairs:
        driver = justification.same_as_driver
        if driver in drivers and justification not in justifications:
            justifications.append(justification)
        elif justification in justifications and driver not in drivers:
            drivers.append(driver)
    return by_position(drivers), by_position(justifications)


def drivers_shown(drivers, justifications) -> list:
    """The drivers a form shows ticked: those chosen, and those a chosen justification
    states (a fact recorded before the pairing, or through the API)."""
    paired = [j.pk for j in justifications if j.same_as_driver_id]
    stating = Driver.objects.filter(same_justifications__in=paired) if paired else []
    return by_position({*drivers, *stating})
