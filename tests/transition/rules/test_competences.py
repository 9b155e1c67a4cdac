"""TRN-04, TRN-05: the seed's 18 competences in three groups, the SAM scale, "Initiatief", and an
organisation's own profile."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.competences import (
    GROUP_LABELS,
    INITIATIEF,
    SAM_LABELS,
    SEED_CODES,
    SEED_COMPETENCES,
    SEED_INDICATORS,
    Competence,
    Group,
    IndicatorRow,
    Indicators,
    OrganisationProfile,
    SamLevel,
    indicator_refusal,
    level_refusal,
    profile_codes,
    profile_competences,
    profile_refusal,
)
from koers.transition.rules.ruleset import SAM_LEVELS


def _labels(group):
    return [c.label for c in SEED_COMPETENCES if c.group == group]


def test_trn_04_eighteen_competences_in_the_seeds_order_and_groups():
    assert len(SEED_COMPETENCES) == 18
    assert len(SEED_CODES) == 18
    assert _labels(Group.CORE) == [
        "Samenwerken",
        "Zelfstandigheid – zelfredzaamheid",
        "Initiatief",
        "Flexibiliteit",
        "Leervermogen, leergierigheid en interesse",
        "Motivatie",
    ]
    assert _labels(Group.ADDITIONAL) == [
        "Nauwkeurigheid",
        "Discipline – omgaan met regels en afspraken",
        "Gezag aanvaarden",
        "Stressbestendigheid",
        "Conflicthantering",
    ]
    assert _labels(Group.EXTRA) == [
        "Voorkomen",
        "Fysieke mogelijkheden, medische mogelijkheden",
        "Lees-, schrijf-, rekenvaardigheden",
        "Communicatievaardigheden (vlotheid, ...)",
        "Taalkennis (Nederlands)",
        "Werkorganisatie / tijdsbeheer",
        "Overige",
    ]
    assert all(c.from_seed for c in SEED_COMPETENCES)


def test_trn_04_group_names_are_the_seeds():
    assert GROUP_LABELS == {
        Group.CORE: "Kerncompetenties",
        Group.ADDITIONAL: "Bijkomende competenties",
        Group.EXTRA: "Extra competenties",
    }


def test_trn_05_the_sam_scale_has_four_levels_lowest_first():
    assert [str(SAM_LABELS[level]) for level in SamLevel] == list(SAM_LEVELS)
    assert SamLevel.ONVOLDOENDE < SamLevel.MATIG < SamLevel.GOED < SamLevel.ZEER_GOED


def test_trn_05_initiatief_definition_and_four_indicator_rows_from_the_seed():
    assert SEED_INDICATORS == {"initiatief": INITIATIEF}
    assert INITIATIEF.definition == (
        "Zelfstandig werken, het zetten van de eerste stap tot of ten behoeve van iets"
    )
    assert len(INITIATIEF.rows) == 4
    assert all(len(row.levels) == 4 for row in INITIATIEF.rows)
    first = INITIATIEF.rows[0]
    assert first.at(SamLevel.ONVOLDOENDE) == "Ziet geen werk en neemt geen initiatief."
    assert first.at(SamLevel.ZEER_GOED) == "Ziet werk en pakt het spontaan aan."
    assert INITIATIEF.rows[3].at(SamLevel.ZEER_GOED) == (
        "Meldt spontaan wanneer een taak is afgerond en vraagt spontaan naar extra taken."
    )
    assert (
        INITIATIEF.rows[2].at(SamLevel.MATIG)
        == "Constateert problemen, maar blijft er passief bij."
    )
    assert indicator_refusal(INITIATIEF, SEED_CODES) == ()


def test_trn_04_the_default_profile_is_the_seeds():
    assert profile_competences(OrganisationProfile()) == SEED_COMPETENCES
    assert profile_refusal(OrganisationProfile()) == ()


@given(st.sets(st.sampled_from(sorted(SEED_CODES))))
def test_trn_04_switched_off_competences_leave_the_profile(off):
    profile = OrganisationProfile(switched_off=frozenset(off))
    assert profile_codes(profile) == SEED_CODES - off
    order = [c.code for c in SEED_COMPETENCES if c.code not in off]
    assert [c.code for c in profile_competences(profile)] == order
    assert bool(profile_refusal(profile)) == (off == SEED_CODES)


def test_trn_04_an_empty_profile_is_refused():
    (refusal,) = profile_refusal(OrganisationProfile(switched_off=SEED_CODES))
    assert refusal.rule == "TRN-04"


def test_trn_04_own_competences_join_their_group():
    own = Competence("klantgericht", "Klantgerichtheid", Group.CORE, from_seed=False)
    profile = OrganisationProfile(own=(own,))
    competences = profile_competences(profile)
    assert profile_refusal(profile) == ()
    assert competences.index(own) == 6  # after the six seed core competences
    assert "klantgericht" in profile_codes(profile)


def test_trn_04_unknown_switched_off_competence_is_refused():
    (refusal,) = profile_refusal(OrganisationProfile(switched_off=frozenset({"zwemmen"})))
    assert refusal.rule == "TRN-04"
    assert "zwemmen" in refusal.message


@pytest.mark.parametrize(
    "own",
    [
        (Competence("x", "  ", Group.EXTRA, False),),
        (Competence("initiatief", "Initiatief nemen", Group.CORE, False),),
        (Competence("y", "motivatie", Group.CORE, False),),
        (
            Competence("a", "Rijbewijs", Group.EXTRA, False),
            Competence("a", "Heftruck", Group.EXTRA, False),
        ),
        (
            Competence("a", "Rijbewijs", Group.EXTRA, False),
            Competence("b", "rijbewijs ", Group.EXTRA, False),
        ),
    ],
)
def test_trn_04_own_competences_have_a_name_and_are_not_doubles(own):
    refusals = profile_refusal(OrganisationProfile(own=own))
    assert len(refusals) == 1
    assert refusals[0].rule == "TRN-04"


def test_trn_05_organisations_add_indicators_for_the_other_competences():
    row = IndicatorRow(("Werkt alleen.", "Werkt soms samen.", "Werkt samen.", "Helpt anderen."))
    own = Indicators("samenwerken", "Samen met anderen een taak uitvoeren", (row,))
    assert indicator_refusal(own, SEED_CODES) == ()


def test_trn_05_indicators_belong_to_a_competence_of_the_profile_and_describe_every_level():
    row = IndicatorRow(("Werkt alleen.", "", "Werkt samen.", " "))
    refusals = indicator_refusal(Indicators("zwemmen", "", (row,)), SEED_CODES)
    assert [r.rule for r in refusals] == ["TRN-05", "TRN-05"]
    assert "matig" in refusals[1].message
    assert "zeer goed" in refusals[1].message
    assert "Rij 1" in refusals[1].message
    (empty,) = indicator_refusal(Indicators("samenwerken", "", ()), SEED_CODES)
    assert "minstens één rij" in empty.message


@pytest.mark.parametrize("value", [1, 2, 3, 4, SamLevel.GOED])
def test_trn_05_levels_on_the_scale_are_accepted(value):
    assert level_refusal(value) is None


@pytest.mark.parametrize("value", [0, 5, -1, 7, "goed", None, True, 2.0])
def test_trn_05_scores_outside_the_scale_are_refused(value):
    refusal = level_refusal(value)
    assert refusal.rule == "TRN-05"
    assert "buiten de SAM-schaal" in refusal.message
