"""API tokens: made and shown once, stored as a SHA-256, checked on every API request."""

import hashlib
import secrets

from django.db import transaction
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from collaborations.models import ApiToken

MAX_KEY_LENGTH = 100


def token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_replace(*, user) -> str:
    """A new key for the account (any earlier one stops working); returned once, never kept."""
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        ApiToken.objects.filter(user=user).delete()
        ApiToken.objects.create(user=user, digest=token_digest(key), prefix=key[:6])
    return key


class HashedTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, looked up by the key's digest."""

    def authenticate_credentials(self, key):
        if len(key) > MAX_KEY_LENGTH:
            raise AuthenticationFailed("Invalid token.")
        token = ApiToken.objects.select_related("user").filter(digest=token_digest(key)).first()
        if token is None:
            raise AuthenticationFailed("Invalid token.")
        if not token.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        return token.user, token
