"""Create the "Editors" group with only the permissions editors need."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    # Paste reports and fix their metadata.
    ("pledges", "add_report"),
    ("pledges", "change_report"),
    ("pledges", "view_report"),
    # Review proposals: correct, accept, reject.
    ("pledges", "view_proposal"),
    ("pledges", "change_proposal"),
    # Correct published pledges and link further sources; no deleting.
    ("pledges", "view_pledge"),
    ("pledges", "change_pledge"),
    ("pledges", "add_pledgesource"),
    ("pledges", "view_pledgesource"),
    # Pick donors and systems (autocomplete needs view permission).
    ("pledges", "view_donor"),
    ("pledges", "view_system"),
]


def create_editors(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create
    # them now so the group can be given them in a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in EDITOR_PERMISSIONS
    ]
    group.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
