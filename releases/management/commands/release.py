from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from releases.services import release_publish, releases_dir
from releases.versioning import NothingToRelease


class Command(BaseCommand):
    help = (
        "Freeze the published catalogue as the next numbered release (CSV, JSON, SQLite, a "
        "Frictionless data package, checksums, citations, notes). The version is worked out "
        "from the change log: minor for new records or fields, patch for corrections; "
        "--major when a field changes meaning."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--major",
            metavar="REASON",
            default="",
            help="Make a major release and say why (e.g. which field changed meaning).",
        )

    def handle(self, *args, major="", **options):
        try:
            release = release_publish(major_reason=major.strip())
        except NothingToRelease as error:
            raise CommandError(str(error)) from error
        except (IntegrityError, FileExistsError) as error:
            raise CommandError(f"Nothing published: {error}") from error
        self.stdout.write(
            f"Release {release.version} ({release.level}): "
            f"{release.record_count} records, in {releases_dir() / release.version}"
        )
