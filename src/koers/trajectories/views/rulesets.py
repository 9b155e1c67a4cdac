"""Centrum ▾ Regelsets: the versions of each programme's rule set, and publishing a new one
(administrators only). Thin glue around `koers.trajectories.rulesets`: a first POST shows what
the version changes, the confirmed one publishes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories import rulesets
from koers.trajectories.ruleset_forms import RulesetVersionForm


def _require_admin(request) -> None:
    if not request.user.has_perm("core.manage_rulesets"):
        raise PermissionDenied


@login_required
def ruleset_list(request):
    _require_admin(request)
    overview = rulesets.ruleset_overview(today=timezone.localdate())
    return render(request, "rulesets/ruleset_list.html", {"overview": overview})


def _apply(form: RulesetVersionForm, exc: ValidationError) -> None:
    for key, errors in exc.message_dict.items():
        for message in errors:
            form.add_error(form.service_field(key), message)


def _entry(programme: str) -> rulesets.ProgrammeRuleset:
    try:
        return rulesets.programme_ruleset(programme)
    except KeyError:
        raise Http404 from None


def _base(request, programme: str):
    known = {r.version: r for r in rulesets.versions(programme)}
    wanted = request.POST.get("based_on") or request.GET.get("based_on")
    return known.get(wanted) or rulesets.default_base(programme, today=timezone.localdate())


def _publication_data(form: RulesetVersionForm, programme: str, base, changes) -> dict:
    return {
        "programme": programme,
        "version": form.cleaned_data["version"],
        "valid_from": form.cleaned_data["valid_from"],
        "valid_until": form.cleaned_data["valid_until"],
        "based_on": base.version,
        "changes": changes,
        "reason": form.cleaned_data["reason"],
    }


def _check_or_publish(request, form, entry, context: dict, data: dict):
    """The confirmation page (first POST), or the publication (confirmed): None when published."""
    try:
        if request.POST.get("confirm") != "1":
            publication = rulesets.ruleset_check(**data)
            changes = _change_rows(entry, publication)
            confirm = {**context, "publication": publication, "changes": changes}
            return render(request, "rulesets/ruleset_confirm.html", confirm)
        rulesets.ruleset_publish(**data, acting_user=request.user)
    except ValidationError as exc:
        _apply(form, exc)
        return render(request, "rulesets/ruleset_form.html", context)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def ruleset_new(request, programme: str):
    _require_admin(request)
    entry = _entry(programme)
    if entry.not_publishable:
        messages.error(request, entry.not_publishable)
        return redirect("ruleset_list")
    base = _base(request, programme)
    posted = request.POST if request.method == "POST" else None
    form = RulesetVersionForm(posted, programme=entry, base=base)
    context = {"form": form, "programme": entry, "base": base, "locked": _locked(entry, base)}
    if request.method != "POST" or "edit" in request.POST or not form.is_valid():
        return render(request, "rulesets/ruleset_form.html", context)
    changes = form.changes()
    if form.errors:
        return render(request, "rulesets/ruleset_form.html", context)
    data = _publication_data(form, programme, base, changes)
    if (page := _check_or_publish(request, form, entry, context, data)) is not None:
        return page
    messages.success(
        request,
        _("Versie %(v)s van de regelset %(p)s is gepubliceerd.")
        % {"v": data["version"].strip(), "p": entry.label},
    )
    return redirect("ruleset_list")


def _locked(entry: rulesets.ProgrammeRuleset, base) -> list[rulesets.ParameterRow]:
    return [row for row in rulesets.parameter_rows(entry, base) if not row.editable]


def _change_rows(entry: rulesets.ProgrammeRuleset, publication: rulesets.Publication) -> list:
    before = {row.name: row for row in rulesets.parameter_rows(entry, publication.base)}
    after = {row.name: row for row in rulesets.parameter_rows(entry, publication.ruleset)}
    return [
        {"label": after[name].label, "old": before[name].text, "new": after[name].text}
        for name in publication.changes
    ]
