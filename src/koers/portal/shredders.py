"""What the portal holds of a client: the e-mailed login links (deleted on erasure)."""

from koers.portal.models import LoginLink
from koers.privacy.shredding import ModelShredder

SHREDDERS = [ModelShredder(LoginLink, paths={"client": "client_id"}, delete=True)]
