"""Management commands used by `make run`."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_editor_prints_a_working_random_login(tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path
    call_command("ensure_editor", url="http://127.0.0.1:9000/admin/")
    out = capsys.readouterr().out
    password = out.rsplit("password: ", 1)[1].strip()
    user = get_user_model().objects.get(username="editor")
    assert user.check_password(password) and user.is_superuser
    assert len(password) >= 12
    assert "http://127.0.0.1:9000/admin/" in out


def test_ensure_editor_keeps_the_same_password_on_the_next_run(tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path
    call_command("ensure_editor")
    first = capsys.readouterr().out
    call_command("ensure_editor")
    assert capsys.readouterr().out == first


def test_editors_group_has_only_what_editors_need():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"add_report", "change_report", "change_proposal", "change_pledge"} <= codenames
    assert not {c for c in codenames if c.endswith("_user") or c.endswith("_group") or c.startswith("delete_")}


def test_load_commands_report_what_they_did(capsys):
    call_command("load_reference")
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "created" in out and "2 published pledges" in out
