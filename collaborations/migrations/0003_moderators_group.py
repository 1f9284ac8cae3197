"""The "moderators" group: its members review submissions and change proposals."""

from django.db import migrations

GROUP_NAME = "moderators"


def create_moderators_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=GROUP_NAME)


def remove_moderators_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("collaborations", "0002_submissions_moderation_history"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
