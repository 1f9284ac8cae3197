from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from collaborations.catalogue import CatalogueError, catalogue_load, default_fixture_path
from collaborations.extensions import ExtensionLoadError, collected
from collaborations.registers import RegistersError, registers_load


class Command(BaseCommand):
    help = "Load the seed catalogue from fixtures/ (idempotent: loading twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            type=Path,
            default=None,
            help=f"Folder holding the fixture YAML files (default: {default_fixture_path()}).",
        )

    def handle(self, *args, path=None, **options):
        try:
            summary = catalogue_load(path=path)
        except CatalogueError as error:
            raise CommandError(f"Nothing loaded. {error}") from error
        try:  # public registers and the councils' lookup, after the organisations they identify
            registers = registers_load(path or default_fixture_path())
        except RegistersError as error:
            raise CommandError(f"Registers not loaded. {error}") from error
        loaded = []
        for name, load in filter(None, collected("catalogue_loader")):
            try:  # the other apps' reference data (the map's places), after the catalogue
                loaded.append(f"{name}: {load(path or default_fixture_path())}.")
            except ExtensionLoadError as error:
                raise CommandError(f"{name} not loaded. {error}") from error
        counts = ", ".join(f"{number} {name}" for name, number in registers.items())
        self.stdout.write(" ".join([summary.line(), *loaded, f"Registers: {counts or 'none'}."]))
