"""The slide deck's slug named an author its text does not state: it becomes
slide-deck-ten-research-subjects. An existing row is renamed (its passages and the facts
citing it keep pointing at it), so load_catalogue finds it under the new slug; the API's
stored site documents, which carry the slug, are dropped to be rebuilt. A source's kind
"document" no longer claims the document was published."""

from django.db import migrations, models

OLD, NEW = "golab-research-slides", "slide-deck-ten-research-subjects"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        Source = apps.get_model("collaborations", "Source")
        if Source.objects.filter(slug=new).exists():
            return
        if Source.objects.filter(slug=old).update(slug=new):
            apps.get_model("collaborations", "SiteDocument").objects.all().delete()

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("collaborations", "0012_registers_and_identifiers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="source",
            name="kind",
            field=models.CharField(
                choices=[
                    ("document", "Document"),
                    ("practitioner", "Practitioner (self-reported)"),
                    ("moderator", "Moderator coding"),
                ],
                default="document",
                max_length=20,
            ),
        ),
        migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD)),
    ]
