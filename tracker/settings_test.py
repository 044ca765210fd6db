"""Test settings: the real settings in debug mode, with fast password hashing."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from tracker.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
