"""HTML templates to PDF with WeasyPrint. Rendering happens outside database transactions."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: loading Pango is slow and only PDFs need it

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def css_string(text: str) -> str:
    """`text` inside a CSS string of a <style> element (the page footer): quotes, backslashes,
    angle brackets and control characters as CSS escapes, so no name can end the string or the
    element."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '\\"<>&' or ord(ch) < 32 else ch for ch in text)
    return mark_safe(escaped)  # noqa: S308 — every character that could break out is escaped
