from django.core.management.base import BaseCommand

from following.digests import digests_run


class Command(BaseCommand):
    help = (
        "Email each follower a digest of the changes to what they follow, when it is due "
        "(daily or weekly). Run it from cron, e.g. hourly; running it twice sends nothing twice."
    )

    def handle(self, *args, **options):
        run = digests_run()
        self.stdout.write(run.line())
        if run.failed:
            self.stderr.write("Some digests could not be sent; they will be tried again.")
