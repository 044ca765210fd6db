"""App configuration for the pledges app."""

from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = "Pledge tracker"
