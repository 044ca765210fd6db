"""Helpers for editor-workflow tests: users in their roles, and a CSRF-enforcing admin client."""

import importlib

from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def editors_group() -> Group:
    """The "Editors" group of migration 0002. Transactional tests (live server, threads)
    end with a flush, which empties it; recreate it from the migration's own list."""
    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        migration = importlib.import_module("pledges.migrations.0002_editors_group")
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in migration.EDITOR_PERMISSIONS
        )
    return group


def make_editor(username: str = "editor1"):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(editors_group())
    return user


def make_superuser(username: str = "admin1"):
    return UserFactory(username=username, is_staff=True, is_superuser=True)


def csrf_client(user) -> Client:
    """A logged-in client that enforces CSRF like a browser: posts need the token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")  # sets the csrftoken cookie
    return client


def post(client: Client, url: str, data: dict, **kwargs):
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, **kwargs)
