from django.apps import AppConfig


class CollaborationsConfig(AppConfig):
    name = "collaborations"
    verbose_name = "Collaborations catalogue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from collaborations import signals

        signals.connect()
