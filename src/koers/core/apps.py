from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "koers.core"
    label = "core"
    verbose_name = "Koers"

    def ready(self) -> None:
        # Importing registers the permission predicates, the periodic sweep, the core's jobs and
        # its demo data (the people of `manage.py demo`).
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created
        from django.utils.translation import gettext

        from koers.core import demo, jobs, lockouts, mfa, permissions, sessions, sweep  # noqa: F401
        from koers.core.search import add_sqlite_search_text
        from koers.lib.rules import use_translation

        # The funder's reasons are written in Dutch in the pure rules; shown, they are translated.
        use_translation(gettext)
        # At each login: is a second factor due, and when did the session start (idle and absolute).
        user_logged_in.connect(mfa.note_at_login, dispatch_uid="koers_mfa_at_login")
        user_logged_in.connect(sessions.note_at_login, dispatch_uid="koers_session_clocks")
        # Failed logins are cleared once the whole sign-in (password and code) succeeded.
        user_logged_in.connect(lockouts.reset_at_login, dispatch_uid="koers_lockout_reset")
        connection_created.connect(add_sqlite_search_text, dispatch_uid="koers_sqlite_search_text")
