"""The registrations of `manage.py demo` (see `koers.core.demo`): a few fresh leads, routed to
the centre's coaches with the 24-hour clock running. The centre mails them from its own address
with its signature (INT-04)."""

from datetime import timedelta

from django.utils import timezone

from koers.core.demo import Demo, register_demo
from koers.intake.models import CentreBranding
from koers.intake.services import LeadData, lead_submit

# Fictional registrations: (hours ago, name, channel, career question, first window in days).
DEMO_LEADS = [
    (
        2,
        ("Jolien", "Van Acker"),
        "website",
        "Ik werk al acht jaar in de winkel en wil iets met kinderen doen.",
        0,
    ),
    (
        20,
        ("Koen", "De Bruyne"),
        "social",
        "Na mijn ziekteverlof wil ik weten welk werk nog bij me past.",
        2,
    ),
    (
        30,
        ("Nadia", "El Amrani"),
        "word_of_mouth",
        "Ik twijfel tussen doorgroeien in mijn job of iets nieuws.",
        1,
    ),
]


def _window_start(arrived, window_days: int):
    start = timezone.localtime(arrived + timedelta(days=window_days)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    if start + timedelta(hours=2) <= arrived:  # arrived after that evening's window
        start = timezone.localtime(arrived + timedelta(hours=1)).replace(
            minute=0, second=0, microsecond=0
        )
    return start


def build_leads(demo: Demo) -> None:
    centre = demo.orgs["centre"]
    CentreBranding.objects.create(
        organisation=centre,
        sender_name="Horizon",
        sender_email=centre.email,
        address="Voskenslaan 12, 9000 Gent",
        signature="Het team van Horizon\nLoopbaancentrum Horizon — erkend loopbaancentrum",
    )
    now = timezone.now()
    for hours_ago, (first, last), channel, question, window_days in DEMO_LEADS:
        arrived = now - timedelta(hours=hours_ago)
        start = _window_start(arrived, window_days)
        lead_submit(
            organisation=centre,
            data=LeadData(
                first_name=first,
                last_name=last,
                email=f"{first}.{last}@example.be".lower().replace(" ", ""),
                phone=f"+3247{hours_ago % 10}{(hours_ago * 7919) % 1000000:06d}",
                career_question=question,
                channel=channel,
                consent=True,
                windows=[(start, start + timedelta(hours=2))],
                postal_code="9000",
            ),
            now=arrived,
        )


register_demo("leads", build_leads, order=40)
