"""Production settings read from the environment: a blank variable never turns a
safeguard off, and forwarded headers count only from the configured proxies."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "rallying.example.org",
}


def production_settings(**overrides) -> dict:
    """The settings a production process would start with, given these variables."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.pop("SECURE_SSL_REDIRECT", None)
    env.update(PRODUCTION, **overrides, DJANGO_SETTINGS_MODULE="rallying.settings")
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: "
        "getattr(s, k, None) for k in ('DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_PRELOAD', "
        "'EMAIL_USE_TLS', 'SECURE_PROXY_SSL_HEADER', 'TRUSTED_PROXIES')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_an_empty_secure_ssl_redirect_keeps_the_redirect_on():
    assert production_settings(SECURE_SSL_REDIRECT="")["SECURE_SSL_REDIRECT"] is True
    assert production_settings(SECURE_SSL_REDIRECT="  ")["SECURE_SSL_REDIRECT"] is True
    assert production_settings(SECURE_HSTS_PRELOAD="")["SECURE_HSTS_PRELOAD"] is True
    assert production_settings(SECURE_SSL_REDIRECT="false")["SECURE_SSL_REDIRECT"] is False


def test_an_empty_debug_means_off():
    assert production_settings(DEBUG="")["DEBUG"] is False


def test_forwarded_proto_is_believed_only_with_trusted_proxies():
    assert production_settings()["SECURE_PROXY_SSL_HEADER"] is None
    configured = production_settings(TRUSTED_PROXIES="10.0.0.5, 192.168.0.0/24")
    assert configured["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert configured["TRUSTED_PROXIES"] == ["10.0.0.5", "192.168.0.0/24"]


def test_a_malformed_trusted_proxy_stops_the_process():
    env = {**os.environ, **PRODUCTION, "TRUSTED_PROXIES": "not-an-address"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "rallying.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "TRUSTED_PROXIES" in result.stderr


@pytest.mark.parametrize(
    "variables,expected",
    [({}, []), ({"TRUSTED_PROXIES": "10.0.0.0/8,127.0.0.1"}, ["10.0.0.0/8", "127.0.0.1"])],
)
def test_gunicorn_believes_forwarded_headers_from_the_same_proxies(variables, expected):
    """gunicorn's own default would believe X-Forwarded-Proto from any local client."""
    env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXIES"}
    code = (
        "from gunicorn.config import Config; c = Config(); "
        "ns = {}; exec(open('gunicorn.conf.py').read(), ns); "
        "c.set('forwarded_allow_ips', ns['forwarded_allow_ips']); "
        "print(c.forwarded_allow_ips)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, **variables},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(expected)
