# Facts become statements: rank (the current coding becomes the preferred one), provenance,
# status and references to verbatim passages; field statements carry their value.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def current_codings_preferred(apps, schema_editor):
    for name in ("TypologyCoding", "HistoricalTypologyCoding", "HistoricalMeasurementCoding"):
        model = apps.get_model("collaborations", name)
        model.objects.filter(is_current=True).update(rank="preferred")


def field_statement_values(apps, schema_editor):
    """Each field statement takes the value its site shows now (a reference row's slug)."""
    FieldStatement = apps.get_model("collaborations", "FieldStatement")
    for statement in FieldStatement.objects.select_related("site").iterator():
        if statement.field == "funding":
            continue
        value = getattr(statement.site, statement.field, "")
        if statement.field in ("region", "study_depth", "initiated_by"):
            value = value.slug if value else ""
        statement.value = "" if value is None else str(value)
        statement.save(update_fields=["value"])


class Migration(migrations.Migration):
    dependencies = [
        ("collaborations", "0008_rename_fieldcitation_fieldstatement"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Finding",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=100, unique=True)),
                ("title", models.CharField(blank=True, max_length=300)),
                ("text", models.TextField()),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("locator", models.CharField(blank=True, max_length=300)),
                ("note", models.TextField(blank=True)),
            ],
            options={
                "ordering": ["topic__position", "position", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Passage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=120, unique=True)),
                (
                    "locator",
                    models.CharField(
                        help_text="The heading, slide or box the passage sits under.",
                        max_length=300,
                    ),
                ),
                ("excerpt", models.TextField(help_text="Verbatim, as the source prints it.")),
                (
                    "url",
                    models.URLField(
                        blank=True, help_text="Where a reader can find it.", max_length=500
                    ),
                ),
                (
                    "position",
                    models.PositiveIntegerField(default=0, help_text="Order in the document."),
                ),
            ],
            options={
                "ordering": ["source", "position", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Reference",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("position", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "ordering": ["position", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("name", models.CharField(max_length=200)),
                ("description", models.TextField(blank=True)),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order in lists."),
                ),
                (
                    "locator",
                    models.CharField(
                        blank=True,
                        help_text="Where in the source: section or slide heading.",
                        max_length=300,
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True, help_text="Disagreements between sources, caveats."
                    ),
                ),
                (
                    "page",
                    models.SlugField(
                        help_text="The page that shows this topic: study, accountability...",
                        max_length=40,
                    ),
                ),
            ],
            options={
                "ordering": ["page", "position", "name"],
                "abstract": False,
            },
        ),
        migrations.AlterModelOptions(
            name="fieldstatement",
            options={"ordering": ["field", "-rank", "pk"]},
        ),
        migrations.AlterModelOptions(
            name="historicalfieldstatement",
            options={
                "get_latest_by": ("history_date", "history_id"),
                "ordering": ("-history_date", "-history_id"),
                "verbose_name": "historical field statement",
                "verbose_name_plural": "historical field statements",
            },
        ),
        migrations.AlterModelOptions(
            name="typologycoding",
            options={"ordering": ["-rank", "pk"]},
        ),
        migrations.RemoveConstraint(
            model_name="fieldstatement",
            name="collaborations_fieldcitation_unique_field",
        ),
        migrations.RemoveConstraint(
            model_name="sitealias",
            name="collaborations_sitealias_unique_name",
        ),
        migrations.RemoveConstraint(
            model_name="sitedriver",
            name="collaborations_sitedriver_unique_driver",
        ),
        migrations.RemoveConstraint(
            model_name="siteframeworktheme",
            name="collaborations_siteframeworktheme_unique_theme",
        ),
        migrations.RemoveConstraint(
            model_name="sitefunding",
            name="collaborations_sitefunding_unique_funding_type",
        ),
        migrations.RemoveConstraint(
            model_name="sitejustification",
            name="collaborations_sitejustification_unique_justification",
        ),
        migrations.RemoveConstraint(
            model_name="siteleadershipstyle",
            name="collaborations_siteleadershipstyle_unique_leadership_style",
        ),
        migrations.RemoveConstraint(
            model_name="siteorganisation",
            name="unique_site_organisation_role",
        ),
        migrations.RemoveConstraint(
            model_name="sitepartner",
            name="collaborations_sitepartner_unique_partner_type",
        ),
        migrations.RemoveConstraint(
            model_name="sitepractice",
            name="collaborations_sitepractice_unique_practice",
        ),
        migrations.RemoveConstraint(
            model_name="typologycoding",
            name="one_current_typology",
        ),
        migrations.RemoveConstraint(
            model_name="typologycoding",
            name="unique_typology_coding",
        ),
        migrations.RemoveIndex(
            model_name="typologycoding",
            name="typology_current",
        ),
        migrations.AddField(
            model_name="fieldstatement",
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
            model_name="fieldstatement",
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
            model_name="fieldstatement",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="fieldstatement",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="fieldstatement",
            name="value",
            field=models.TextField(blank=True, help_text="As text; a reference row by its slug."),
        ),
        migrations.AddField(
            model_name="historicalaccountabilityline",
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
            model_name="historicalaccountabilityline",
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
            model_name="historicalaccountabilityline",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalaccountabilityline",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalfieldstatement",
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
            model_name="historicalfieldstatement",
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
            model_name="historicalfieldstatement",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalfieldstatement",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalfieldstatement",
            name="value",
            field=models.TextField(blank=True, help_text="As text; a reference row by its slug."),
        ),
        migrations.AddField(
            model_name="historicalindicator",
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
            model_name="historicalindicator",
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
            model_name="historicalindicator",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalindicator",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalmeasurementcoding",
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
            model_name="historicalmeasurementcoding",
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
            model_name="historicalmeasurementcoding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalmeasurementcoding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalquote",
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
            model_name="historicalquote",
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
            model_name="historicalquote",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalquote",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteaccountabilityapproach",
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
            model_name="historicalsiteaccountabilityapproach",
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
            model_name="historicalsiteaccountabilityapproach",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteaccountabilityapproach",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitealias",
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
            model_name="historicalsitealias",
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
            model_name="historicalsitealias",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitealias",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitedriver",
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
            model_name="historicalsitedriver",
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
            model_name="historicalsitedriver",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitedriver",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteframeworktheme",
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
            model_name="historicalsiteframeworktheme",
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
            model_name="historicalsiteframeworktheme",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteframeworktheme",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitefunding",
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
            model_name="historicalsitefunding",
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
            model_name="historicalsitefunding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitefunding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitejustification",
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
            model_name="historicalsitejustification",
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
            model_name="historicalsitejustification",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitejustification",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteleadershipstyle",
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
            model_name="historicalsiteleadershipstyle",
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
            model_name="historicalsiteleadershipstyle",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteleadershipstyle",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteorganisation",
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
            model_name="historicalsiteorganisation",
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
            model_name="historicalsiteorganisation",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsiteorganisation",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitepartner",
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
            model_name="historicalsitepartner",
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
            model_name="historicalsitepartner",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitepartner",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitepractice",
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
            model_name="historicalsitepractice",
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
            model_name="historicalsitepractice",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicalsitepractice",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="historicaltypologycoding",
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
            model_name="historicaltypologycoding",
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
            model_name="historicaltypologycoding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="historicaltypologycoding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="quote",
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
            model_name="quote",
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
            model_name="quote",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitealias",
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
            model_name="sitealias",
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
            model_name="sitealias",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitealias",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitedriver",
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
            model_name="sitedriver",
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
            model_name="sitedriver",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitedriver",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="siteframeworktheme",
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
            model_name="siteframeworktheme",
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
            model_name="siteframeworktheme",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="siteframeworktheme",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitefunding",
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
            model_name="sitefunding",
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
            model_name="sitefunding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitefunding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitejustification",
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
            model_name="sitejustification",
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
            model_name="sitejustification",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitejustification",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="siteleadershipstyle",
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
            model_name="siteleadershipstyle",
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
            model_name="siteleadershipstyle",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="siteleadershipstyle",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="siteorganisation",
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
            model_name="siteorganisation",
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
            model_name="siteorganisation",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="siteorganisation",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitepartner",
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
            model_name="sitepartner",
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
            model_name="sitepartner",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitepartner",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="sitepractice",
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
            model_name="sitepractice",
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
            model_name="sitepractice",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="sitepractice",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="details_note",
            field=models.TextField(
                blank=True,
                help_text="What the document does not state about itself (no title, author or date).",
            ),
        ),
        migrations.AddField(
            model_name="typologycoding",
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
            model_name="typologycoding",
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
            model_name="typologycoding",
            name="rank_reason",
            field=models.CharField(
                blank=True,
                help_text="Why preferred or deprecated; shown to readers.",
                max_length=500,
            ),
        ),
        migrations.AddField(
            model_name="typologycoding",
            name="status",
            field=models.CharField(
                choices=[("agreed", "Agreed"), ("disputed", "Disputed")],
                default="agreed",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="fieldstatement",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="fieldstatement",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="field_statements",
                to="collaborations.site",
            ),
        ),
        migrations.AlterField(
            model_name="historicalaccountabilityline",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalfieldstatement",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalindicator",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalmeasurementcoding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalquote",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsiteaccountabilityapproach",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitealias",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitedriver",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsiteframeworktheme",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitefunding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitejustification",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsiteleadershipstyle",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsiteorganisation",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitepartner",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicalsitepractice",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="historicaltypologycoding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="quote",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitealias",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitedriver",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="siteframeworktheme",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitefunding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitejustification",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="siteleadershipstyle",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="siteorganisation",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitepartner",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="sitepractice",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AlterField(
            model_name="typologycoding",
            name="note",
            field=models.TextField(blank=True, help_text="A caveat for readers, in plain words."),
        ),
        migrations.AddIndex(
            model_name="sitefunding",
            index=models.Index(fields=["funding_type", "site"], name="funding_site"),
        ),
        migrations.AddIndex(
            model_name="typologycoding",
            index=models.Index(fields=["typology", "rank"], name="typology_rank"),
        ),
        migrations.AddConstraint(
            model_name="fieldstatement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_fieldstatement_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="fieldstatement",
            constraint=models.UniqueConstraint(
                fields=("site", "field", "source"),
                name="collaborations_fieldstatement_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="fieldstatement",
            constraint=models.UniqueConstraint(
                condition=models.Q(("rank", "preferred")),
                fields=("site", "field"),
                name="one_preferred_field_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_quote_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitealias",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitealias_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitealias",
            constraint=models.UniqueConstraint(
                fields=("site", "name", "source"), name="collaborations_sitealias_unique_value"
            ),
        ),
        migrations.AddConstraint(
            model_name="sitedriver",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitedriver_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitedriver",
            constraint=models.UniqueConstraint(
                fields=("site", "driver", "source"), name="collaborations_sitedriver_unique_value"
            ),
        ),
        migrations.AddConstraint(
            model_name="siteframeworktheme",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_siteframeworktheme_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteframeworktheme",
            constraint=models.UniqueConstraint(
                fields=("site", "theme", "source"),
                name="collaborations_siteframeworktheme_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitefunding",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitefunding_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitefunding",
            constraint=models.UniqueConstraint(
                fields=("site", "funding_type", "source"),
                name="collaborations_sitefunding_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitejustification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitejustification_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitejustification",
            constraint=models.UniqueConstraint(
                fields=("site", "justification", "source"),
                name="collaborations_sitejustification_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteleadershipstyle",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_siteleadershipstyle_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteleadershipstyle",
            constraint=models.UniqueConstraint(
                fields=("site", "leadership_style", "source"),
                name="collaborations_siteleadershipstyle_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteorganisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_siteorganisation_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="siteorganisation",
            constraint=models.UniqueConstraint(
                fields=("site", "organisation", "role", "source"),
                name="collaborations_siteorganisation_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitepartner",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitepartner_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitepartner",
            constraint=models.UniqueConstraint(
                fields=("site", "partner_type", "source"),
                name="collaborations_sitepartner_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitepractice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_sitepractice_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="sitepractice",
            constraint=models.UniqueConstraint(
                fields=("site", "practice", "source"),
                name="collaborations_sitepractice_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="typologycoding",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rank", "deprecated"), _negated=True),
                    models.Q(("rank_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="collaborations_typologycoding_deprecated_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="typologycoding",
            constraint=models.UniqueConstraint(
                fields=("site", "typology", "source"),
                name="collaborations_typologycoding_unique_value",
            ),
        ),
        migrations.AddConstraint(
            model_name="typologycoding",
            constraint=models.UniqueConstraint(
                condition=models.Q(("rank", "preferred")),
                fields=("site",),
                name="one_preferred_typology",
            ),
        ),
        migrations.AddField(
            model_name="finding",
            name="source",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="findings",
                to="collaborations.source",
            ),
        ),
        migrations.AddField(
            model_name="passage",
            name="source",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="passages",
                to="collaborations.source",
            ),
        ),
        migrations.AddField(
            model_name="reference",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="reference",
            name="passage",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="references",
                to="collaborations.passage",
            ),
        ),
        migrations.AddField(
            model_name="reference",
            name="site",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="statement_references",
                to="collaborations.site",
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="source",
            field=models.ForeignKey(
                blank=True,
                help_text="The document that defines this value.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="collaborations.source",
            ),
        ),
        migrations.AddField(
            model_name="finding",
            name="topic",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="findings",
                to="collaborations.topic",
            ),
        ),
        migrations.AddIndex(
            model_name="reference",
            index=models.Index(fields=["content_type", "object_id"], name="reference_statement"),
        ),
        migrations.AddConstraint(
            model_name="reference",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id", "passage"), name="unique_statement_passage"
            ),
        ),
        migrations.RunPython(current_codings_preferred, migrations.RunPython.noop),
        migrations.RunPython(field_statement_values, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="historicalmeasurementcoding",
            name="is_current",
        ),
        migrations.RemoveField(
            model_name="historicaltypologycoding",
            name="is_current",
        ),
        migrations.RemoveField(
            model_name="typologycoding",
            name="is_current",
        ),
    ]
