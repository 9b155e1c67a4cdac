"""/facturatie/export/<uren|afrekeningen|dossiers>/?formaat=xlsx|csv: the download links of the
hours, statements and dossiers pages (issue 12 "Exports"). The selector decides the rows the
user may see; `?maand=2026-05` narrows to one month."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.billing.selectors import exports as selectors


@login_required
@require_GET
def billing_export(request, slug: str):
    export = selectors.export_by_slug(slug)
    if export is None:
        raise Http404
    fmt = request.GET.get("formaat", "xlsx")
    try:
        month = selectors.parse_month(request.GET.get("maand"))
    except ValueError:
        return HttpResponseBadRequest(_("Geef de maand als JJJJ-MM, bv. 2026-05."))
    if fmt not in selectors.FORMATS:
        return HttpResponseBadRequest(_("Kies het formaat xlsx of csv."))
    file = selectors.export_file(
        user=request.user, kind=export.kind, fmt=fmt, today=timezone.localdate(), month=month
    )
    return file.as_response()
