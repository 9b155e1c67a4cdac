from django.apps import AppConfig


class TrajectoriesConfig(AppConfig):
    name = "koers.trajectories"
    label = "trajectories"
    verbose_name = "Trajecten"
