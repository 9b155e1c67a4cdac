from django.urls import URLPattern, path, re_path

from koers.api.api import api
from koers.api.errors import json_method_not_allowed, not_found_view

# (Not unpacked into module names: an `app_name` here would namespace this whole urlconf.)
_api_urls = api.urls
for _pattern in _api_urls[0]:
    if isinstance(_pattern, URLPattern):
        _pattern.callback = json_method_not_allowed(_pattern.callback)

urlpatterns = [
    path("", _api_urls),
    # Anything else under /api/v1/ answers a JSON 404, not the HTML page.
    re_path(r"^.*$", not_found_view),
]
