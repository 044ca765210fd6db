"""Test settings: the real settings in debug mode, with fast password hashing."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from tracker.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A stand-in read replica: the test database under a second name (a mirror,
# so no second database is created). Replica reads stay off unless a test
# turns them on with settings.DATABASE_REPLICAS = ["replica_1"], because a
# test may only query the aliases it declares.
DATABASES.setdefault("replica_1", {**DATABASES["default"], "TEST": {"MIRROR": "default"}})  # noqa: F405
DATABASE_REPLICAS = []

# Tests run with DEBUG off (pytest-django) and no collectstatic: serve static
# files from the finders, as runserver would.
WHITENOISE_USE_FINDERS = True
