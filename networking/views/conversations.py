from django.core.paginator import Paginator
from django.http import FileResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from core.forms import posted, uploaded
from networking import selectors
from networking.forms import MessageForm
from networking.services import conversations as services
from networking.services.notifications import conversation_notifications_read
from networking.views.common import member_view, render, submit

PAGE_SIZE = 20


@member_view
@require_safe
def inbox(request):
    listing = selectors.conversations_for(user=request.viewer)
    page_obj = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "networking/inbox.html", {"page_obj": page_obj})


@member_view
@require_http_methods(["GET", "POST"])
def conversation(request, conversation_id):
    conversation = selectors.conversation_for(user=request.viewer, conversation_id=conversation_id)
    form = MessageForm(posted(request), uploaded(request))
    done, status = submit(
        request,
        form,
        lambda body, attachment, send_key: services.message_send(
            conversation=conversation,
            sender=request.user,
            body=body,
            attachment=attachment,
            send_key=send_key,
        ),
        then=lambda _message: ("networking:conversation", conversation.pk),
    )
    if done:
        return done
    conversation_notifications_read(
        user=request.user, url=reverse("networking:conversation", args=[conversation.pk])
    )
    return render(
        request,
        "networking/conversation.html",
        {
            "conversation": conversation,
            "messages_list": selectors.conversation_messages(conversation=conversation),
            "form": form,
            "links_allowed": services.links_allowed(conversation),
        },
        status,
    )


@member_view
@require_safe
def attachment(request, attachment_id):
    """A file from a conversation, to its two sides only; never from a public address."""
    found = selectors.attachment_for(user=request.viewer, attachment_id=attachment_id)
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=f"podium-{found.pk.hex[:8]}{found.file.name[found.file.name.rfind('.') :]}",
        content_type=found.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
