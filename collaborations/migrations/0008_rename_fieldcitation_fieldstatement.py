# A field citation becomes a field statement (it will carry its own value).

from django.conf import settings
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("collaborations", "0007_private_links_expire"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("FieldCitation", "FieldStatement"),
        migrations.RenameModel("HistoricalFieldCitation", "HistoricalFieldStatement"),
    ]
