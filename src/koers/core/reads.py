"""The client pages of core whose reads are logged (`koers.core.access_log`)."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.core.models import Client

CLIENT = FileRead("client", _("cliëntgegevens"), Client, "pk")

PAGES = {"client_update": CLIENT}
