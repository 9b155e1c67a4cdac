from django.apps import AppConfig


class TrajectoriesConfig(AppConfig):
    name = "koers.trajectories"
    label = "trajectories"
    verbose_name = "Trajecten"

    def ready(self) -> None:
        from koers.trajectories import demo  # noqa: F401  (registers its part of manage.py demo)
