"""HTML templates to PDF with WeasyPrint. Rendering happens outside database transactions."""

from django.template.loader import render_to_string


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: loading Pango is slow and only PDFs need it

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()
