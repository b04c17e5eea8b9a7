"""The consultant's statements, and the public page where a statement is checked."""

from allauth.account.adapter import get_adapter
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from core.throttle import over_limit
from networking.views.common import member_view, permission_required, render, submit
from statements import selectors, services
from statements.codes import grouped
from statements.figures import shown
from statements.forms import RevokeForm, StatementForm, VerifyForm
from statements.pdf import statement_pdf, verify_url

# Tries of the verification form per address and minute: plenty for a person retyping a
# code, nothing like what guessing would need.
VERIFY_ATTEMPTS_PER_MINUTE = 10


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("statements.issue_statement")
def statements(request):
    form = StatementForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda **fields: services.statement_issue(consultant=request.user, **fields),
        success=_("Your statement is ready. Share the PDF or its code with whoever asked."),
        then=lambda statement: ("statements:statement", statement.pk),
    )
    if done:
        return done
    return render(
        request,
        "statements/statements.html",
        {
            "form": form,
            "statements": list(selectors.statements_for(user=request.viewer)[:100]),
            "valid_days": services.VALID_DAYS,
        },
        status,
    )


def _statement_page(request, statement, revoke_form, status=200):
    return render(
        request,
        "statements/statement.html",
        {
            "statement": statement,
            "figures": shown(statement.figures),
            "code": grouped(statement.code),
            "verify_url": verify_url(),
            "can_download": request.viewer.has_perm("statements.download_statement", statement),
            "can_revoke": request.viewer.has_perm("statements.revoke_statement", statement),
            "revoke_form": revoke_form,
            "records_changed": selectors.records_changed_since_issue(statement=statement),
        },
        status,
    )


@member_view
@require_safe
@permission_required("statements.view_statement", selectors.statement_for, by=("statement_id",))
def statement(request, statement):
    return _statement_page(request, statement, RevokeForm())


@member_view
@require_safe
@permission_required("statements.download_statement", selectors.statement_for, by=("statement_id",))
def statement_pdf_view(request, statement):
    pdf = statement_pdf(statement)
    response = HttpResponse(pdf, content_type="application/pdf")
    day = statement.issued_at.date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="statement-{day}.pdf"'
    return response


@member_view
@require_POST
@permission_required("statements.revoke_statement", selectors.statement_for, by=("statement_id",))
def statement_revoke(request, statement):
    form = RevokeForm(request.POST)
    done, status = submit(
        request,
        form,
        lambda confirm: services.statement_revoke(consultant=request.user, statement=statement),
        success=_("The statement is revoked: its code no longer confirms anything."),
        then=lambda revoked: ("statements:statement", revoked.pk),
    )
    return done or _statement_page(request, statement, form, status)


def _too_many_tries(request) -> bool:
    # The counter's key is a keyed hash of the address, so the cache never holds the
    # address itself; the counter is gone within two minutes.
    address = get_adapter(request).get_client_ip(request) or ""
    key = salted_hmac("statements.verify", address, algorithm="sha256").hexdigest()[:32]
    return over_limit(f"statement-verify:{key}", VERIFY_ATTEMPTS_PER_MINUTE)


# The verifier is a visitor: no session, no CSRF cookie, nothing that would identify
# them on a later visit. The form has nothing to protect that a forged post could abuse
# (it signs no one in and changes nothing of anyone's), and each try counts against the
# address's limit.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def verify(request):
    form = VerifyForm(posted(request))
    outcome = statement = None
    status = 200
    if request.method == "POST":
        if _too_many_tries(request):
            status = 429
        elif form.is_valid():
            outcome, statement = services.statement_verify(**form.cleaned_data)
        else:
            status = 400
    response = render(
        request,
        "statements/verify.html",
        {
            "form": form,
            "outcome": outcome.value if outcome else "",
            "statement": statement,
            "figures": shown(statement.figures) if statement else None,
            "rate_limited": status == 429,
        },
        status,
    )
    patch_cache_control(response, private=True, no_store=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
