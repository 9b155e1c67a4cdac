"""LBC-10: what the coach explains during the intake, kept as a checklist per voucher."""

INTAKE_TOPICS: dict[str, str] = {
    "right_to_guidance": "Recht op loopbaanbegeleiding",
    "financial_contribution": "Financiële bijdrage",
    "code_of_conduct": "De gedragscode",
    "complaints_procedure": "Interne en externe klachtenprocedure",
    "confidentiality": "Confidentialiteit",
    "equal_treatment": "Gelijke behandeling en non-discriminatie",
    "career_goal": "Belang van de loopbaandoelstelling",
    "career_question": "De exploratie van de loopbaanvraag",
    "content_and_result": "Mogelijke inhoud van een loopbaanbegeleiding en resultaat (POP)",
    "agreement_signed": "Ondertekening overeenkomst",
}


def missing_intake_topics(ticked: set[str] | frozenset[str]) -> list[str]:
    """LBC-10: the topics not yet explained, in the seed's order."""
    return [key for key in INTAKE_TOPICS if key not in ticked]
