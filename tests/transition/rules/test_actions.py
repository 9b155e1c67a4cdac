"""rules/actions.py: application actions, trainings, employer contacts, portfolio (TRN-08)."""

import pytest

from koers.transition.rules.actions import (
    ACTION_LABELS,
    EMPLOYER_CONTACT_LABELS,
    HOEKENWERK_PARTS,
    JOB_CENTER_II_QUESTIONS,
    PORTFOLIO_LABELS,
    TRAINING_FORM_LABELS,
    TRAINING_KEYS,
    TRAININGS,
    VDAB_STATUS_LABELS,
    ActionKind,
    EmployerContactKind,
    PortfolioPiece,
    TrainingForm,
    VdabStatus,
    portfolio_missing,
    portfolio_reminder,
    training_refusal,
    vdab_status_reminder,
)


def test_trn_08_the_four_ways_of_working_towards_a_job():
    assert set(ACTION_LABELS) == set(ActionKind)
    assert str(ACTION_LABELS[ActionKind.JOB_CENTER_I]).startswith("Job center I")
    assert str(ACTION_LABELS[ActionKind.JOB_CENTER_II]).startswith("Job center II")
    assert str(ACTION_LABELS[ActionKind.MARKET_DEVELOPMENT]) == "Marktbewerking"


def test_trn_08_trainings_are_the_seeds_in_its_order():
    assert [t.key for t in TRAININGS] == [
        "application_training",
        "cv",
        "job_channels",
        "motivation_letter",
        "stoefboek",
        "psychotechnical_tests",
        "bus_driver_exam",
        "hoekenwerk",
        "job_center_2",
        "workshop",
    ]
    assert str(TRAININGS[0].label) == "Sollicitatietraining: Solliciteren kan je leren!"
    assert "De Lijn" in str(TRAININGS[6].label)
    assert str(TRAININGS[7].duration) == "1 dag" and str(TRAININGS[8].duration) == "1/2 dag"
    assert len(TRAINING_KEYS) == len(TRAININGS)


def test_trn_08_hoekenwerk_and_job_center_ii_contents():
    assert len(HOEKENWERK_PARTS) == 4 and "Axenroos" in str(HOEKENWERK_PARTS[2])
    assert [str(q) for q in JOB_CENTER_II_QUESTIONS] == [
        "Wat ga je concreet doen?",
        "Wat heb je hierbij nodig?",
    ]


def test_trn_08_trainings_individual_or_collective():
    assert set(TRAINING_FORM_LABELS) == set(TrainingForm)
    assert training_refusal("cv", "collective") is None
    assert training_refusal("cv", "individual") is None


def test_trn_08_unknown_training_or_form_refused():
    assert "Onbekende training" in training_refusal("yoga", "collective").message
    assert training_refusal("cv", "online").rule == "TRN-08"


def test_trn_08_organisation_adds_its_own_trainings():
    assert training_refusal("forklift", "collective", known=TRAINING_KEYS | {"forklift"}) is None


def test_trn_08_employer_contact_kinds():
    assert set(EMPLOYER_CONTACT_LABELS) == set(EmployerContactKind)
    assert str(EMPLOYER_CONTACT_LABELS[EmployerContactKind.PHONE_PROSPECTING]) == (
        "Telefonische prospectie"
    )
    assert {EmployerContactKind.JOB_DAY, EmployerContactKind.JOB_FAIR} <= set(EmployerContactKind)


def test_trn_08_portfolio_cv_motivation_letter_stoefboek():
    assert [str(PORTFOLIO_LABELS[p]) for p in PortfolioPiece] == [
        "CV",
        "Motivatiebrief",
        "Stoefboek",
    ]


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ([], ["cv", "motivation_letter", "stoefboek"]),
        (["stoefboek"], ["cv", "motivation_letter"]),
        (["cv", "motivation_letter", "stoefboek"], []),
    ],
)
def test_trn_08_portfolio_missing_pieces(present, missing):
    assert [p.value for p in portfolio_missing(present)] == missing
    reminder = portfolio_reminder(present)
    if missing:
        assert reminder.rule == "TRN-08" and "ontbreekt" in reminder.message
    else:
        assert reminder is None


def test_trn_08_portfolio_reminder_names_the_pieces():
    assert portfolio_reminder(["cv"]).message == (
        "Het portfolio is nog niet volledig; ontbreekt: Motivatiebrief, Stoefboek."
    )


def test_trn_08_vdab_status_working_and_looking_for_work():
    assert str(VDAB_STATUS_LABELS[VdabStatus.WORKING_AND_SEEKING]) == "werkend en op zoek naar werk"
    assert vdab_status_reminder(VdabStatus.WORKING_AND_SEEKING) is None


@pytest.mark.parametrize("status", [VdabStatus.WORKING, None])
def test_trn_08_vdab_status_reminder_until_changed(status):
    reminder = vdab_status_reminder(status)
    assert reminder.rule == "TRN-08" and "werkend en op zoek naar werk" in reminder.message
