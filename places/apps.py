from django.apps import AppConfig


class PlacesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "places"
    verbose_name = "Places and the map"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from collaborations import versions
        from collaborations.extensions import Extension, extend

        from .loading import load_places

        extend(Extension(catalogue_loader=("Places", load_places)))
        # The map is kept per version of the catalogue: a new or moved place moves it.
        for signal in (post_save, post_delete):
            signal.connect(
                versions.reference_changed, sender="places.Place", dispatch_uid="reference-place"
            )
