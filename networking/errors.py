class Refused(Exception):
    """A write the rules do not allow; the message is shown to the person as it is, beside
    the form field it is about when `field` names one (a screen reader then reads it with
    that field), otherwise at the top of the form."""

    def __init__(self, message: str = "", *, field: str | None = None):
        super().__init__(message)
        self.field = field


class Hidden(Refused):
    """The target must look as if it did not exist (a block): views answer 404."""


class RateLimited(Refused):
    """Too many in a short time: views answer 429."""


class Forbidden(Refused):
    """The person may not do this at all (e.g. an unverified organization): views answer 403."""
