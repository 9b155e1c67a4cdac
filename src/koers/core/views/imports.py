"""Pages to import clients, staff and organisations: upload, preview (dry run), confirm.

Between preview and confirm the upload waits as a file with a random name under
`DATA_DIR/imports`; only its key sits in the session, never in a URL. It is deleted after
confirm or cancel, and by the sweep after 24 hours (it holds personal data).
"""

import csv
import io
import os
import re
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.core.imports import (
    COLUMNS,
    MAX_BYTES,
    SPECS,
    ImportFileError,
    ImportKind,
    import_organisations_for,
    map_headers,
    pending_dir,
    read_table,
    run_import,
)

SESSION_KEY = "koers_import"
ERRORS_SHOWN = 500
_KEY = re.compile(r"^[0-9a-f]{32}$")

# One fictional example row per kind for the downloadable template.
EXAMPLES = {
    ImportKind.CLIENTS: {
        "first_name": "Ann",
        "last_name": "Voorbeeld",
        "birth_date": "30/07/1985",
        "email": "ann.voorbeeld@example.org",
        "phone": "0470 12 34 56",
        "street": "Kerkstraat 1",
        "postal_code": "9000",
        "city": "Gent",
        "preferred_language": "nl",
        "consent_processing": "ja",
        "consent_contact": "nee",
    },
    ImportKind.STAFF: {
        "username": "lien.voorbeeld",
        "first_name": "Lien",
        "last_name": "Voorbeeld",
        "email": "lien@example.org",
        "roles": "Loopbaanbegeleider",
    },
    ImportKind.ORGANISATIONS: {
        "name": "Loopbaanpraktijk Voorbeeld",
        "kind": "Onderaannemer",
        "enterprise_number": "0403.170.701",
        "email": "info@example.org",
        "phone": "09 264 11 11",
        "working_name": "Voorbeeld",
    },
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Wat importeer je?"), choices=ImportKind.choices, initial="clients"
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisatie"),
        queryset=None,
        required=False,
        help_text=gettext_lazy("Voor cliënten en medewerkers: de organisatie waaronder ze komen."),
    )
    file = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy("CSV (gescheiden door ; of ,) of Excel (.xlsx), maximaal 5 MB."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = import_organisations_for(user)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan 5 MB. Splits het op in kleinere delen.")
            )
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Kies een CSV- of XLSX-bestand."))
        return upload

    def clean(self):
        data = super().clean()
        if data.get("kind") != ImportKind.ORGANISATIONS and not data.get("organisation"):
            self.add_error("organisation", _("Kies een organisatie."))
        return data


def _require_permission(request) -> None:
    if not request.user.has_perm("core.import_data"):
        raise Http404


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if not pending or not _KEY.match(pending.get("key", "")):
        return None
    return pending


def _store(content: bytes) -> str:
    """Keep the upload under a random name, readable by the app's user only (personal data)."""
    key = secrets.token_hex(16)
    pending_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(pending_dir() / key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
    return key


def _discard(request) -> None:
    """Delete the waiting file and forget it."""
    pending = _pending(request)
    if pending:
        (pending_dir() / pending["key"]).unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


def _load(request) -> tuple[dict, bytes, object]:
    """The pending import (session data, file content, organisation); Http404 if none."""
    pending = _pending(request)
    path = pending and pending_dir() / pending["key"]
    if not pending or not path.exists():
        request.session.pop(SESSION_KEY, None)
        raise Http404
    organisation = None
    if pending["organisation"]:
        organisation = import_organisations_for(request.user).filter(pk=pending["organisation"])
        organisation = organisation.first()
        if organisation is None:
            raise Http404
    return pending, path.read_bytes(), organisation


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    _require_permission(request)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        kind = form.cleaned_data["kind"]
        try:
            map_headers(read_table(content).headers, SPECS[kind])  # file-level problems first
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            _discard(request)
            key = _store(content)
            organisation = form.cleaned_data["organisation"]
            request.session[SESSION_KEY] = {
                "key": key,
                "kind": kind,
                "organisation": organisation.pk
                if organisation and kind != "organisations"
                else None,
            }
            return redirect("import_preview")
    return render(request, "imports/start.html", {"form": form, "kinds": ImportKind.choices})


@login_required
@require_GET
def import_preview(request):
    _require_permission(request)
    try:
        pending, content, organisation = _load(request)
    except Http404:
        messages.info(request, _("Er is geen import in voorbereiding. Laad een bestand op."))
        return redirect("import_start")
    try:
        result = run_import(
            kind=pending["kind"], content=content, user=request.user, organisation=organisation
        )
    except ImportFileError as exc:
        _discard(request)
        messages.error(request, str(exc))
        return redirect("import_start")
    context = {
        "result": result,
        "kind_label": ImportKind(pending["kind"]).label,
        "organisation": organisation,
        "errors": result.errors[:ERRORS_SHOWN],
        "errors_hidden": max(len(result.errors) - ERRORS_SHOWN, 0),
    }
    return render(request, "imports/preview.html", context)


def _imported_text(result) -> str:
    """How many rows were imported, and how many with errors were skipped."""
    text = ngettext("%(count)s rij geïmporteerd.", "%(count)s rijen geïmporteerd.", result.created)
    text %= {"count": result.created}
    if result.invalid:
        skipped = ngettext(
            "%(count)s rij met fouten is overgeslagen.",
            "%(count)s rijen met fouten zijn overgeslagen.",
            result.invalid,
        )
        text += " " + skipped % {"count": result.invalid}
    return text


@login_required
@require_POST
def import_confirm(request):
    _require_permission(request)
    action = request.POST.get("action")
    if action == "cancel":
        _discard(request)
        messages.info(request, _("De import is geannuleerd; het bestand is verwijderd."))
        return redirect("import_start")
    if action not in {"all", "valid"}:
        raise Http404
    pending, content, organisation = _load(request)
    try:
        result = run_import(
            kind=pending["kind"],
            content=content,
            user=request.user,
            organisation=organisation,
            commit=True,
            only_valid=action == "valid",
        )
    except ImportFileError as exc:
        _discard(request)
        messages.error(request, str(exc))
        return redirect("import_start")
    if not result.committed:
        messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten."))
        return redirect("import_preview")
    _discard(request)
    messages.success(request, _imported_text(result))
    return redirect("import_start")


@login_required
@require_GET
def import_template(request, kind: str):
    """An example CSV for one kind: the usual headers and one fictional row, as Excel opens it."""
    _require_permission(request)
    if kind not in SPECS:
        raise Http404
    names = SPECS[kind].fields
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([COLUMNS[name][0][0] for name in names])
    writer.writerow([EXAMPLES[kind].get(name, "") for name in names])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = {"clients": "clienten", "staff": "medewerkers", "organisations": "organisaties"}
    response["Content-Disposition"] = f'attachment; filename="voorbeeld-{filename[kind]}.csv"'
    return response
