from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from collaborations.catalogue import default_fixture_path
from collaborations.registers import RegistersError, registers_load


class Command(BaseCommand):
    help = (
        "Load the public registers (fixtures/registers.yaml) and the ONS local authority "
        "lookup, match councils' identifiers and sites' councils (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=None, help="Folder holding the file.")

    def handle(self, *args, path=None, **options):
        try:
            counts = registers_load(path or default_fixture_path())
        except RegistersError as error:
            raise CommandError(f"Registers not loaded. {error}") from error
        self.stdout.write(", ".join(f"{number} {name}" for name, number in counts.items()))
