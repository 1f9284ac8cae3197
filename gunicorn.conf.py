"""gunicorn reads this file from the directory it starts in (the repository root).

Forwarded headers (X-Forwarded-Proto...) are believed from the same reverse proxies as the
application believes them, TRUSTED_PROXIES, and from none when that is empty; gunicorn's
own default would believe any client connecting from 127.0.0.1.
"""

import os

forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "").strip()
