from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the seed catalogue from fixtures/ (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write("The seed catalogue is not written yet: nothing loaded.")
