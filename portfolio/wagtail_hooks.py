from django.http import Http404
from wagtail import hooks

from portfolio import policy
from portfolio.models import ConsultantPage


@hooks.register("before_serve_page")
def refuse_hidden_consultant_pages(page, request, serve_args, serve_kwargs):
    """A page the viewer may not see does not exist for them: 404, never a login prompt.

    Runs before Wagtail's own view-restriction check, which would answer with a sign-in
    page and so confirm that the page exists.
    """
    if isinstance(page, ConsultantPage) and not policy.can_view(request.user, page):
        raise Http404
