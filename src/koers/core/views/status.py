"""`/status/ping`: a trivial page for a signed-in user, the framework floor of the benchmarks.

It goes through every middleware and the session, authentication and OTP checks as any staff page
does, then answers a tiny "ok" without touching anything else: `benchmarks/bench_http.py` and
`benchmarks/load.py` measure each page as a ratio to it (issue 14). Harmless in production: it
tells a signed-in user nothing but that they are signed in. `/health` is the anonymous check."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
@login_required
def ping(request):
    return HttpResponse("ok", content_type="text/plain")
