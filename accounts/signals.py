import logging
import time

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import Signal, receiver

from accounts.middleware import SESSION_STARTED_KEY

security_log = logging.getLogger("podium.security")

# Sent once a consultant's workspace (collection and group) exists, with `workspace`.
# The portfolio app answers with the consultant's draft profile; accounts imports
# nothing from the apps above it, so it announces and they listen.
consultant_workspace_created = Signal()

# Sent with `user` inside account_delete's transaction, before the user row goes. Each
# app removes what the database cascade would leave behind (pages, page history), or
# raises ValidationError to refuse; a refusal rolls everything back.
account_deleting = Signal()

# Sent with `user` to gather the person's export of their own records. Each app answers
# with a dict of sections (name -> plain data) about what it holds on that person, and
# only what the person may already see; accounts.selectors.records_export merges them.
account_exporting = Signal()


@receiver(user_logged_in)
def record_session_start(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = int(time.time())
    security_log.info("login user=%s", user.public_id)


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    # No e-mail address or password in the log: only that it happened.
    security_log.info("login_failed")
