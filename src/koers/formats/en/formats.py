# English in Koers is for people working in Belgium: same dd/mm/yyyy dates and 24-hour clock as
# nl-BE, so that a date typed or read means the same day whatever the interface language.
from koers.formats.nl.formats import *  # noqa: F403

MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
