"""With CACHE_URL pointing at Redis, the API's rate limit holds across server processes:
two gunicorn processes sharing one redis-server (started here) count one client together."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 5

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs Debian's redis-server"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


@pytest.fixture
def redis_url():
    port = free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def two_servers(redis_url):
    # Each process its own data folder, so the only thing they share is Redis.
    data_dirs = [tempfile.mkdtemp(), tempfile.mkdtemp()]
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": redis_url,
        "API_ANON_RATE": f"{LIMIT}/hour",
    }
    env.pop("DATABASE_URL", None)  # the addresses asked need no database
    ports = [free_port(), free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    servers = [
        subprocess.Popen(
            [gunicorn, "rallying.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
            cwd=ROOT,
            env={**env, "RALLYING_DATA_DIR": data_dir},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port, data_dir in zip(ports, data_dirs, strict=True)
    ]
    try:
        for port in ports:
            wait_for(port)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(10)
        for data_dir in data_dirs:
            shutil.rmtree(data_dir, ignore_errors=True)


def status(port: int) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/no-such-thing/") as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_a_rate_limit_holds_across_two_server_processes_sharing_redis(two_servers):
    first, second = two_servers
    answers = [status(first if n % 2 == 0 else second) for n in range(LIMIT + 2)]
    # Within the limit each request is answered (here a JSON 404), whichever process
    # takes it; past it, both processes refuse, as they share the count.
    assert [code for code, _ in answers] == [404] * LIMIT + [429, 429]
    retry_after = int(answers[-1][1]["Retry-After"])
    assert 0 < retry_after <= 3600
