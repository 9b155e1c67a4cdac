"""The demo's organisation readiness checklist (TRN-14): two fillings a few months apart by the
job coach, so the comparison shows what moved. The KPIs (TRN-13) need no demo rows of their own:
they are counted from the events the other parts record."""

from datetime import timedelta

from koers.core.demo import register_demo
from koers.transition.services.checklist import checklist_save

FIRST = [3, 2, 1, 1, 2, 5, 2, 4, 2, 1, 1, 2, 1]
SECOND = [4, 4, 3, 2, 3, 5, 3, 5, 2, 3, 2, 3, 3]


def build(demo) -> None:
    coach, company = demo.staff.get("jobcoach"), demo.orgs.get("social")
    if coach is None or company is None:
        return
    checklist_save(
        organisation=company,
        filled_on=demo.today - timedelta(days=180),
        scores=FIRST,
        answers=[
            "Actieve kennis van het Nederlands en sollicitatietraining zitten goed.",
            "De visie op doorstroom leeft nog niet bij alle begeleiders; weinig netwerking.",
            "Een visietekst met het team en twee netwerkmomenten met bedrijven per kwartaal.",
        ],
        actions=[
            {
                "action": "Visietekst doorstroom met het team schrijven",
                "time_span": "3 maanden",
                "who": "Directie en jobcoaches",
                "done": "+",
                "remarks": "",
                "statements": [1, 2],
            },
            {
                "action": "Netwerkmoment met bedrijven uit de regio",
                "time_span": "elk kwartaal",
                "who": "Rudi Dewaele",
                "done": "+/-",
                "remarks": "Eerste editie in het voorjaar",
                "statements": [12, 13],
            },
        ],
        acting_user=coach,
    )
    checklist_save(
        organisation=company,
        filled_on=demo.today - timedelta(days=20),
        scores=SECOND,
        answers=[
            "De visie staat op papier; de jobcoaches bespreken doorstroom in elk functioneringsgesprek.",
            "Vorming voor begeleiders in communicatie met het NEC.",
            "Een vorming plannen en de netwerkmomenten voortzetten.",
        ],
        actions=[
            {
                "action": "Vorming ‘communiceren met bedrijven’ voor de begeleiders",
                "time_span": "volgend halfjaar",
                "who": "HR",
                "done": "-",
                "remarks": "",
                "statements": [10, 11],
            }
        ],
        acting_user=coach,
    )


register_demo("transition_kpis", build, order=48)
