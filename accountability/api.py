"""The API's reference endpoints for accountability's tables (added to /api/v1/ through
collaborations.extensions)."""

from functools import cache

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collaborations.api.reference_serializers import ReferenceItemSerializer
from collaborations.api.reference_views import CURRENT_CODINGS, reference_viewset

from . import models as acc


class MeasurementApproachSerializer(ReferenceItemSerializer):
    hallmarks = serializers.CharField()
    exemplar = serializers.SerializerMethodField(help_text="Slug of the exemplar site.")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_exemplar(self, row):
        site = row.exemplar
        return site.slug if site and site.status == site.Status.PUBLISHED else None


@cache  # one viewset class per endpoint, however often the router or schema asks
def reference_endpoints() -> dict:
    return {
        "accountability-approaches": reference_viewset(acc.AccountabilityApproach),
        "measurement-approaches": reference_viewset(
            acc.MeasurementApproach,
            MeasurementApproachSerializer,
            sites_through="codings__site",
            site_conditions=CURRENT_CODINGS,
            related=("exemplar",),
        ),
        "accountability-line-types": reference_viewset(
            acc.AccountabilityLineType, sites_through="lines__site"
        ),
    }
