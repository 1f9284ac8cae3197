"""Count accountability's statements into each site's fact counts too: collaborations'
migration that introduced the counts cannot see this app's models (it never depends on it)."""

from importlib import import_module

from django.db import migrations


def count_facts(apps, schema_editor):
    counts = import_module("collaborations.migrations.0014_site_fact_counts")
    counts.count_facts(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0003_statements"),
        ("collaborations", "0014_site_fact_counts"),
    ]

    operations = [migrations.RunPython(count_facts, migrations.RunPython.noop)]
