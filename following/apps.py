from django.apps import AppConfig


class FollowingConfig(AppConfig):
    name = "following"
    verbose_name = "Following sites and searches"
    default_auto_field = "django.db.models.BigAutoField"
