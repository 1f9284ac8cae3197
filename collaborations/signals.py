"""Signals only invalidate caches: a write to reference data moves the reference version
that cached counts and facet vocabularies are keyed by, and each request reads the
catalogue's version afresh (collaborations.versions)."""

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from collaborations import versions
from collaborations.models import ReferenceItem

# Rows the public pages name beside their counts, besides every ReferenceItem table.
NAMED_MODELS = [
    "collaborations.Organisation",
    "collaborations.OrganisationAlias",
    "collaborations.Source",
    "collaborations.TypologyPartner",
    "collaborations.Register",
    "collaborations.LocalAuthority",
    "collaborations.OrganisationIdentifier",
]


def connect() -> None:
    models = [m for m in apps.get_models() if issubclass(m, ReferenceItem)]
    models += [apps.get_model(label) for label in NAMED_MODELS]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                versions.reference_changed, sender=model, dispatch_uid=f"reference-{model}"
            )
    request_started.connect(versions.request_started, dispatch_uid="catalogue-version-start")
    request_finished.connect(versions.request_finished, dispatch_uid="catalogue-version-end")
