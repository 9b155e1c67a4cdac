"""Template filters for the PDF templates."""

from django import template

from koers.documents.render import css_string

register = template.Library()

# The page footer is a CSS string inside <style>: escapejs would print "-" as "\u002D".
register.filter("css_string", css_string)
