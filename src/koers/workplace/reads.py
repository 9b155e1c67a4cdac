"""The client file's pages and the client API: their reads are logged (`koers.core.access_log`)."""

from koers.core.reads import CLIENT

PAGES = {"client_detail": CLIENT, "client_history": CLIENT, "client_print": CLIENT}
API = {"clients/{client_id}": CLIENT}
