"""Create the local demo editor account and print how to log in.

The password is generated on first use and kept in var/ (git-ignored), so no
password is ever written into the code.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create a local superuser 'editor' with a random password and print the login."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url: str, **options) -> None:
        password_file = Path(settings.BASE_DIR) / "var" / "editor-password.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = user_model.objects.create_superuser(USERNAME, email="", password=password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        editors = Group.objects.filter(name="Editors").first()
        if editors is not None:
            user.groups.add(editors)
        password = password_file.read_text(encoding="utf-8").strip()
        self.stdout.write(f"Log in at {url} as '{USERNAME}' with password: {password}")
