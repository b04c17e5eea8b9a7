"""What every networking view shares: running a service and turning refusals into answers."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from networking.errors import Forbidden, Hidden, RateLimited, Refused


def member_view(view: Callable) -> Callable:
    """Signed in; anything hidden from this person is a 404, never a hint.

    A visitor who is not signed in is sent to sign in from a list page, but gets a 404
    from the address of an object (an id in the URL): the answer must not depend on
    whether the id exists, and nobody should learn that it might.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated and kwargs:
            raise Http404
        try:
            return login_required(view)(request, *args, **kwargs)
        except Hidden as hidden:
            raise Http404 from hidden

    return wrapped


def permission_required(perm: str, fetch: Callable | None = None, *, by: tuple[str, ...] = ()):
    """Declares what a view needs: `perm`, asked of `request.viewer`.

    Without `fetch` the permission is about the person (a consultant, an organization's
    administrator). With `fetch`, the object is looked up first, scoped to the person
    (`fetch(user=request.viewer, <the URL arguments named in by>)`), the permission is
    asked of it, and the view receives the object in place of those arguments.

    A refusal is a 404, never a 403: an address must not tell a stranger that something is
    there for others. Put it below `require_POST` and the like, so a wrong method is still
    a 405 for everyone.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            viewer = request.viewer
            if fetch is None:
                if not viewer.has_perm(perm):
                    raise Http404
                return view(request, *args, **kwargs)
            ids = {name: kwargs.pop(name) for name in by}
            try:
                obj = fetch(user=viewer, **ids)
            except Hidden as hidden:
                raise Http404 from hidden
            if not viewer.has_perm(perm, obj):
                raise Http404
            return view(request, obj, *args, **kwargs)

        return wrapped

    return decorator


def attempt(form, action: Callable):
    """Run a service for a valid form. Returns (result, status): a refusal becomes a form
    error (status 400, or 429 when rate-limited) and nothing is written."""
    try:
        return action(), 200
    except Hidden:
        raise
    except RateLimited as limited:
        form.add_error(None, str(limited))
        return None, 429
    except Forbidden as forbidden:
        form.add_error(None, str(forbidden))
        return None, 403
    except Refused as refused:
        field = refused.field if refused.field in form.fields else None
        form.add_error(field, str(refused))
        return None, 400


def render(request, template: str, context: dict, status: int = 200):
    return TemplateResponse(request, template, context, status=status)


def submit(request, form, action: Callable, *, success: str = "", then: Callable | str):
    """A form posted to a service: returns (redirect or None, status).

    GET: (None, 200). An invalid form: (None, 400). A refusal: (None, 400/403/429) with
    its message on the form. Success: the message, and a redirect to `then` (a URL name,
    or a function of the result giving redirect()'s arguments).
    """
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    result, status = attempt(form, lambda: action(**form.cleaned_data))
    if status != 200:
        return None, status
    if success:
        messages.success(request, success)
    target = then(result) if callable(then) else (then,)
    return redirect(*target), status
