"""Every admin action, ours and any added later, declares the permissions it needs."""

import pytest
from django.contrib import admin
from django.contrib.admin.options import ActionLocation


def _all_actions():
    for model, model_admin in admin.site._registry.items():
        for location in ActionLocation:
            for action in model_admin._get_base_actions(location):
                yield model, model_admin, action


def test_the_registry_has_actions_to_check():
    names = {action.name for _, _, action in _all_actions()}
    assert {"delete_selected", "cleanup_expired_attempts"} <= names


@pytest.mark.parametrize(
    ("model", "model_admin", "action"),
    list(_all_actions()),
    ids=lambda value: getattr(value, "name", None) or getattr(getattr(value, "_meta", None), "label", None) or "",
)
def test_every_admin_action_declares_permissions(model, model_admin, action):
    permissions = getattr(action.func, "allowed_permissions", ())
    assert permissions, f"{model._meta.label}: action {action.name!r} declares no permissions"
    for permission in permissions:
        assert callable(getattr(model_admin, f"has_{permission}_permission", None)), (
            f"{model._meta.label}: action {action.name!r} names unknown permission {permission!r}"
        )
