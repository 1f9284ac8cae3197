from django.apps import AppConfig


class PlacesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "places"
    verbose_name = "Places and the map"

    def ready(self):
        from collaborations.extensions import Extension, extend

        from .loading import load_places

        extend(Extension(catalogue_loader=("Places", load_places)))
