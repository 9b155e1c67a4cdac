from django.urls import path, re_path

from koers.api.api import api
from koers.api.errors import not_found_view

urlpatterns = [
    path("", api.urls),
    # Anything else under /api/v1/ answers a JSON 404, not the HTML page.
    re_path(r"^.*$", not_found_view),
]
