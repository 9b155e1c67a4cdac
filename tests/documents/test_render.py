"""`koers.documents.render`: an HTML template becomes a PDF, with the template's text in it."""

from io import BytesIO
from types import SimpleNamespace

from django.template.loader import render_to_string
from pypdf import PdfReader

from koers.documents.render import render_pdf

CENTRE = SimpleNamespace(
    name="Loopbaancentrum Voorbeeld",
    working_name="Voorbeeld",
    enterprise_number="0403170701",
    enterprise_number_display="0403.170.701",
    email="info@voorbeeld.example.be",
)


def _attendance_context() -> dict:
    return {
        "centre": CENTRE,
        "client": SimpleNamespace(full_name="Ann Voorbeeld"),
        "coach": SimpleNamespace(get_full_name="Lien Begeleider"),
        "voucher": SimpleNamespace(number="LBC-2026-0001"),
        "rows": [
            SimpleNamespace(
                date="03/03/2026",
                time="09:00",
                form="Individueel",
                minutes=60,
                counted=60,
                is_video=False,
            )
        ],
        "counted_total": 60,
    }


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_the_letterhead_names_the_centre():
    html = render_to_string("documents/pdf/_letterhead.html", {"centre": CENTRE})
    assert "Voorbeeld" in html
    assert "Ondernemingsnummer 0403.170.701" in html
    assert "info@voorbeeld.example.be" in html


def test_the_letterhead_leaves_out_what_the_centre_lacks():
    centre = SimpleNamespace(name="Zonder Nummer", working_name="", enterprise_number="", email="")
    html = render_to_string("documents/pdf/_letterhead.html", {"centre": centre})
    assert "Zonder Nummer" in html
    assert "Ondernemingsnummer" not in html


def test_render_pdf_makes_a_pdf_with_the_template_text():
    pdf = render_pdf("documents/pdf/attendance.html", _attendance_context())
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "Ann Voorbeeld" in text
    assert "LBC-2026-0001" in text


def test_the_page_footer_prints_a_centre_name_with_dash_and_ampersand_as_written():
    centre = SimpleNamespace(**{**vars(CENTRE), "working_name": "Loopbaan-Punt & Co"})
    pdf = render_pdf("documents/pdf/attendance.html", {**_attendance_context(), "centre": centre})
    text = _text(pdf)
    assert "Loopbaan-Punt & Co" in text
    assert "u002D" not in text
