"""The mediation models' choices: each value is a rule module's constant, each label the Dutch name.

The states, closing reasons, advices and appointment kinds are defined once, in `rules`; here they
only get the label the pages and the admin show.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder, states
from koers.mediation.rules import ruleset as ruleset_rules


class Tender(models.TextChoices):
    TIBB4 = ruleset_rules.Tender.TIBB4, "TIBB4"
    TIBB4_OTHER_LANGUAGES = ruleset_rules.Tender.TIBB4_OTHER_LANGUAGES, _("TIBB4 anderstaligen")
    SCRABA = ruleset_rules.Tender.SCRABA, "SCRABA"
    SAB3 = ruleset_rules.Tender.SAB3, "SAB3"
    WIJ3 = ruleset_rules.Tender.WIJ3, "WIJ3"


class ServiceState(models.TextChoices):
    # MED-01: opened from the client form, the API or an import without the referral's details.
    INCOMPLETE = states.ServiceState.INCOMPLETE, _("Toeleiding onvolledig")
    REFERRED = states.ServiceState.REFERRED, _("Nieuwe service - Intensieve bemiddeling")
    FIRST_PRESENT = states.ServiceState.FIRST_PRESENT, _("Eerste afspraak: aanwezig")
    MEDIATING = states.ServiceState.MEDIATING, _("Bemiddeling lopend")
    TO_CLOSE = states.ServiceState.TO_CLOSE, _("Ter afsluiting")
    CLOSED = states.ServiceState.CLOSED, _("Afgesloten")
    STOPPED = states.ServiceState.STOPPED, _("Gestopt wegens afwezigheid")


class LadderState(models.TextChoices):
    """MED-02/03/04: the first appointment that is due now, or how the ladder ended."""

    ORDINARY_1 = ladder.LadderState.ORDINARY_1, _("Eerste afspraak (gewoon)")
    REGISTERED_2 = ladder.LadderState.REGISTERED_2, _("Tweede afspraak (aangetekend)")
    ORDINARY_2 = ladder.LadderState.ORDINARY_2, _("Tweede afspraak (gewoon)")
    REGISTERED_3 = ladder.LadderState.REGISTERED_3, _("Derde afspraak (aangetekend)")
    PRESENT = ladder.LadderState.PRESENT, _("Aanwezig op de eerste afspraak")
    STOPPED = ladder.LadderState.STOPPED, _("Gestopt wegens afwezigheid")


class ClosingReason(models.TextChoices):
    PASSIVE = closing_rules.ClosingReason.PASSIVE, _("3× passieve categorie")
    MAX_DURATION = closing_rules.ClosingReason.MAX_DURATION, _("Maximale duur")
    ABSENCE = closing_rules.ClosingReason.ABSENCE, _("Afwezig op de eerste afspraak")


class ClosingWay(models.TextChoices):
    PARTNER_ADVICE = (
        closing_rules.ClosingWay.PARTNER_ADVICE,
        _("Manueel door partner (met eindadvies)"),
    )
    AUTOMATIC = closing_rules.ClosingWay.AUTOMATIC, _("Automatisch (zonder eindadvies partner)")
    VDAB = closing_rules.ClosingWay.VDAB, _("Afgesloten door VDAB")
    ABSENCE_STOP = (
        closing_rules.ClosingWay.ABSENCE_STOP,
        _("Automatisch gestopt wegens afwezigheid"),
    )


class Advice(models.TextChoices):
    NO_NEED = closing_rules.Advice.NO_NEED, _("Geen nood aan persoonlijke dienstverlening")
    NEED = closing_rules.Advice.NEED, _("Nood aan persoonlijke dienstverlening")
    EXHAUSTED = closing_rules.Advice.EXHAUSTED, _("Dienstverlening uitgeput")
    REASSESS = closing_rules.Advice.REASSESS, _("Nieuwe inschatting nodig")


class ReturnTo(models.TextChoices):
    NONE = closing_rules.ReturnTo.NONE, _("Nee")
    VDAB_MEDIATOR = closing_rules.ReturnTo.VDAB_MEDIATOR, _("Ja (VDAB-bemiddelaar)")
    CHEF_OE = closing_rules.ReturnTo.CHEF_OE, _("Ja (Chef OE)")


class AppointmentKind(models.TextChoices):
    ORDINARY = ladder.AppointmentKind.ORDINARY, _("Gewone afspraak")
    REGISTERED = ladder.AppointmentKind.REGISTERED, _("Aangetekende afspraak")


class AppointmentOutcome(models.TextChoices):
    PRESENT = "present", _("Aanwezig")
    ABSENT = "absent", _("Afwezig")


class AbsenceReason(models.TextChoices):
    NONE = ladder.AbsenceReason.NONE, _("Geen reden")
    VALID = ladder.AbsenceReason.VALID, _("Geldige reden")
    INVALID = ladder.AbsenceReason.INVALID, _("Ongeldige reden")


class SendBy(models.TextChoices):
    LETTER = "letter", _("Brief")
    EMAIL = "email", _("E-mail")


class TrainingKind(models.TextChoices):
    OWN = "own", _("Eigen opleiding")
    REQUESTED = "requested", _("Aangevraagde opleiding")


class FollowUpReason(models.TextChoices):
    LOST_STATUS = "lost_status", _("Onttering")
    EARLY_STOP = "early_stop", _("Vervroegde stopzetting")
    OTHER = "other", _("Andere vraag")
