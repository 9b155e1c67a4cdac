"""TRN-04/05: an organisation's competence profile — seeded with the seed's 18 competences and
the indicators of "Initiatief" on first use; competences switched off or added, definitions and
indicator rows edited. Every refusal names the rule and changes nothing."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import competences as rules


@transaction.atomic
def profile_ensure(organisation: Organisation, *, acting_user: User | None = None) -> None:
    """Seed the profile once (TRN-04) with the seed's indicators (TRN-05); other slices may call
    it before they read the profile. A seed competence already there is left as it is."""
    have = set(
        m.Competence.objects.filter(organisation=organisation).values_list("code", flat=True)
    )
    missing = [c for c in rules.SEED_COMPETENCES if c.code not in have]
    if not missing:
        return
    # Lock the organisation row: two first visits at once seed once.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    have = set(
        m.Competence.objects.filter(organisation=organisation).values_list("code", flat=True)
    )
    for position, seed in enumerate(rules.SEED_COMPETENCES, start=1):
        if seed.code in have:
            continue
        known = rules.SEED_INDICATORS.get(seed.code)
        competence = save_with_user(
            m.Competence(
                organisation=organisation,
                code=seed.code,
                name=seed.label,
                group=seed.group.value,
                position=position * 10,
                from_seed=True,
                definition=known.definition if known else "",
            ),
            acting_user,
        )
        for row_position, row in enumerate(known.rows if known else (), start=1):
            _row_save(
                m.IndicatorRow(competence=competence, position=row_position), row, acting_user
            )


def _profile_of(organisation: Organisation) -> rules.OrganisationProfile:
    rows = list(m.Competence.objects.filter(organisation=organisation))
    return rules.OrganisationProfile(
        switched_off=frozenset(c.code for c in rows if c.from_seed and not c.active),
        own=tuple(
            rules.Competence(c.code, c.name, rules.Group(c.group), from_seed=False)
            for c in rows
            if not c.from_seed and c.active
        ),
    )


def profile_codes(organisation: Organisation) -> frozenset[str]:
    """The codes of the competences now in the organisation's profile."""
    return rules.profile_codes(_profile_of(organisation))


def _free_code(organisation: Organisation, name: str) -> str:
    base = (slugify(name)[:50] or "competentie").replace("-", "_")
    taken = set(
        m.Competence.objects.filter(organisation=organisation, code__startswith=base).values_list(
            "code", flat=True
        )
    ) | set(rules.SEED_CODES)
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


@transaction.atomic
def competence_add(
    *, organisation: Organisation, name: str, group: str, definition: str = "", acting_user: User
) -> m.Competence:
    """TRN-04: the organisation's own competence (a practitioner addition)."""
    profile_ensure(organisation, acting_user=acting_user)
    if group not in m.CompetenceGroup.values:
        raise refusal("group", Reason("TRN-04", "Kies een groep van het profiel."))
    name = name.strip()
    current = _profile_of(organisation)
    code = _free_code(organisation, name)
    # Compare with every competence the organisation has, switched off or not.
    existing = m.Competence.objects.filter(organisation=organisation, from_seed=False)
    own = tuple(rules.Competence(c.code, c.name, rules.Group(c.group), False) for c in existing)
    candidate = rules.OrganisationProfile(
        switched_off=current.switched_off,
        own=(*own, rules.Competence(code, name, rules.Group(group), from_seed=False)),
    )
    reasons = rules.profile_refusal(candidate)
    if reasons:
        raise refusal("name", *reasons)
    last = m.Competence.objects.filter(organisation=organisation).order_by("-position").first()
    return save_with_user(
        m.Competence(
            organisation=organisation,
            code=code,
            name=name,
            group=group,
            position=(last.position if last else 0) + 10,
            from_seed=False,
            definition=definition.strip(),
        ),
        acting_user,
    )


@transaction.atomic
def competence_update(
    competence: m.Competence,
    *,
    acting_user: User,
    active: bool | None = None,
    definition: str | None = None,
    name: str | None = None,
) -> m.Competence:
    """TRN-04: switch a competence off or on, edit its definition (and an own one's name)."""
    competence = m.Competence.objects.select_for_update().get(pk=competence.pk)
    if active is not None and active != competence.active:
        competence.active = active
        profile = _profile_of(competence.organisation)
        if not active and competence.from_seed:
            profile = rules.OrganisationProfile(
                profile.switched_off | {competence.code}, profile.own
            )
        elif not active:
            profile = rules.OrganisationProfile(
                profile.switched_off, tuple(c for c in profile.own if c.code != competence.code)
            )
        reasons = rules.profile_refusal(profile)
        if reasons:
            raise refusal("active", *reasons)
    if name is not None and not competence.from_seed:
        if not name.strip():
            raise refusal("name", Reason("TRN-04", "Een eigen competentie heeft een naam."))
        competence.name = name.strip()
    if definition is not None:
        competence.definition = definition.strip()
    return save_with_user(competence, acting_user)


@dataclass(frozen=True)
class RowTexts:
    """TRN-05: one behaviour on the four SAM levels, lowest first."""

    insufficient: str
    moderate: str
    good: str
    very_good: str

    def rule_row(self) -> rules.IndicatorRow:
        return rules.IndicatorRow((self.insufficient, self.moderate, self.good, self.very_good))


def _row_save(row: m.IndicatorRow, texts, acting_user) -> m.IndicatorRow:
    levels = texts.levels if isinstance(texts, rules.IndicatorRow) else texts.rule_row().levels
    row.insufficient, row.moderate, row.good, row.very_good = (t.strip() for t in levels)
    return save_with_user(row, acting_user)


def _indicator_check(competence: m.Competence, texts: RowTexts) -> None:
    indicators = rules.Indicators(competence.code, competence.definition, (texts.rule_row(),))
    reasons = rules.indicator_refusal(indicators, profile_codes(competence.organisation))
    if reasons:
        raise refusal("__all__", *reasons)


@transaction.atomic
def indicator_add(
    *, competence: m.Competence, texts: RowTexts, acting_user: User
) -> m.IndicatorRow:
    _indicator_check(competence, texts)
    last = competence.indicators.order_by("-position").first()
    row = m.IndicatorRow(competence=competence, position=(last.position if last else 0) + 1)
    return _row_save(row, texts, acting_user)


@transaction.atomic
def indicator_update(*, row: m.IndicatorRow, texts: RowTexts, acting_user: User) -> m.IndicatorRow:
    row = (
        m.IndicatorRow.objects.select_for_update(of=("self",))
        .select_related("competence")
        .get(pk=row.pk)
    )
    _indicator_check(row.competence, texts)
    return _row_save(row, texts, acting_user)
