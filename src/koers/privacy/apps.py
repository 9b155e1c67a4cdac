from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "koers.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        # Every app's shredders.py, the retention sweep job and the permissions.
        from koers.privacy import jobs, permissions, registry  # noqa: F401

        registry.load()
