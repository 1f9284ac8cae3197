from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = "Accountability and measurement"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What this app adds to collaborations, which imports nothing from here.
        from collaborations.extensions import extend
        from collaborations.filters import add_filters

        from .extension import EXTENSION, site_filters

        extend(EXTENSION)
        add_filters(site_filters(), after="theme")
