"""Settings for benchmark runs only: the portal's, plus the minimal comparison view."""

from rallying.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
