"""python manage.py create_api_token <email>: a new API key for an account, printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from collaborations.submissions.tokens import api_token_replace


class Command(BaseCommand):
    help = "Make a new API token for an account (any earlier one stops working) and print it."

    def add_arguments(self, parser):
        parser.add_argument("user", help="The account's email address or user name.")

    def handle(self, *args, user, **options):
        account = get_user_model().objects.filter(username__iexact=user).first()
        if account is None:
            raise CommandError(f"No account {user!r}.")
        self.stdout.write(api_token_replace(user=account))
