"""gunicorn reads this file from the directory it starts in (the repository root); each
setting can be overridden on the command line.

Forwarded headers (X-Forwarded-Proto...) are believed from the same reverse proxies as the
application believes them, TRUSTED_PROXIES, and from none when that is empty; gunicorn's
own default would believe any client connecting from 127.0.0.1.

Threads, not a process per request: a download streaming to a slow client, or a large page
being built, holds one thread while the others go on answering; and a threaded worker keeps
telling the master it is alive, so a long download is not killed halfway. Every SQL
statement a request runs is bounded (DATABASE_STATEMENT_TIMEOUT) and each worker is
replaced after a few thousand requests, so neither time nor memory can grow without end.
"""

import os

forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "").strip()

wsgi_app = "rallying.wsgi"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60  # seconds a worker may go silent (its threads keep it talking)
graceful_timeout = 30
max_requests = 5000
max_requests_jitter = 500
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "15000")
