# Accountability facts become statements; the current measurement coding is preferred.

from django.conf import settings
from django.db import migrations, models


def current_codings_preferred(apps, schema_editor):
    MeasurementCoding = apps.get_model("accountability", "MeasurementCoding")
    MeasurementCoding.objects.filter(is_current=True).update(rank="preferred")


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0002_plural_approaches"),
        ("collaborations", "0008_rename_fieldcitation_fieldstatement"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="measurementcoding",
            options={"ordering": ["-rank", "pk"]},
        ),
        migrations.RemoveConstraint(
            model_name="indicator",
            name="unique_indicator",
        ),
        migrations.RemoveConstraint(
            model_name="measurementcoding",
            name="one_current_measurement",
        ),
        migrations.RemoveConstraint(
            model_name="measurementcoding",
            name="unique_measurement_coding",
        ),
        migrations.RemoveConstraint(
            model_name="siteaccountabilityapproach",
            name="unique_site_approach",
        ),
        migrations.AddField(
            model_name="accountabilityline",
            name="provenance",
            field=models.CharField(
                choices=[
                    ("research", "Stated in a document"),
                    ("inferred", "Inferred from a document by the catalogue"),
                    ("self-reported", "Self-reported by the collaboration"),
                    ("moderator", "Coded by a moderator"),
                ],
                default="research",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="accountabilityline",
            name="rank",
            field=models.CharField(
                choices=[
                    ("preferred", "Preferred"),
                    ("normal", "Normal"),
                    ("deprecated", "Deprecated"),
                ],
                default="normal",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="accountabilityline",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="accountabilityline",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="provenance",
            field=models.CharField(
                choices=[
                    ("research", "Stated in a document"),
                    ("inferred", "Inferred from a document by the catalogue"),
                    ("self-reported", "Self-reported by the collaboration"),
                    ("moderator", "Coded by a moderator"),
                ],
                default="research",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="rank",
            field=models.CharField(
                choices=[
                    ("preferred", "Preferred"),
                    ("normal", "Normal"),
                    ("deprecated", "Deprecated"),
                ],
                default="normal",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="measurementcoding",
            name="provenance",
            field=models.CharField(
                choices=[
                    ("research", "Stated in a document"),
                    ("inferred", "Inferred from a document by the catalogue"),
                    ("self-reported", "Self-reported by the collaboration"),
                    ("moderator", "Coded by a moderator"),
                ],
                default="research",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="measurementcoding",
            name="rank",
            field=models.CharField(
                choices=[
                    ("preferred", "Preferred"),
                    ("normal", "Normal"),
                    ("deprecated", "Deprecated"),
                ],
                default="normal",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="measurementcoding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="measurementcoding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="siteaccountabilityapproach",
            name="provenance",
            field=models.CharField(
                choices=[
                    ("research", "Stated in a document"),
                    ("inferred", "Inferred from a document by the catalogue"),
                    ("self-reported", "Self-reported by the collaboration"),
                    ("moderator", "Coded by a moderator"),
                ],
                default="research",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="siteaccountabilityapproach",
            name="rank",
            field=models.CharField(
                choices=[
                    ("preferred", "Preferred"),
                    ("normal", "Normal"),
                    ("deprecated", "Deprecated"),
                ],
                default="normal",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="siteaccountabilityapproach",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="siteaccountabilityapproach",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="accountabilityline",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="measurementcoding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="siteaccountabilityapproach",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AddConstraint(
            model_name="accountabilityline",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="accountability_accountabilityline_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="accountability_indicator_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.UniqueConstraint(
                fields=("site", "name", "source"), name="accountability_indicator_unique_value"
            ),
        ),
        migrations.AddConstraint(
            model_name="measurementcoding",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="accountability_measurementcoding_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="measurementcoding",
            constraint=models.UniqueConstraint(
                fields=("site", "approach", "source"),
                name="accountability_measurementcoding_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="measurementcoding",
            constraint=models.UniqueConstraint(
                condition=models.Q(("rank", "preferred")),
                fields=("site",),
                name="one_preferred_measurement",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteaccountabilityapproach",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="accountability_siteaccountabilityapproach_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteaccountabilityapproach",
            constraint=models.UniqueConstraint(
                fields=("site", "approach", "source"),
                name="accountability_siteaccountabilityapproach_unique_value",
            ),
        ),
        migrations.RunPython(current_codings_preferred, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="measurementcoding",
            name="is_current",
        ),
    ]
