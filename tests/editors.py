"""Helpers for editor-workflow tests: users in their roles, and a CSRF-enforcing admin client."""

from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def make_editor(username: str = "editor1"):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
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
