"""Writes for circles, threads and posts. Each checks its actor's permission, writes in
one transaction, and is safe to run twice (a form sent twice makes one post)."""

import re
from contextlib import contextmanager
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from circle.models import Circle, Member, Participation, Post, ReadMark, Thread
from circle.names import KEY_MAX, mixes_scripts, name_key, name_look, reserved_keys
from circle.selectors.forum import opening_post_id, own_post_for, thread_for
from core.throttle import over_limit
from networking.errors import Hidden, RateLimited, Refused
from networking.viewer import as_viewer

POSTS_PER_MEMBER_PER_MINUTE = 10
TITLE_MAX = 160
BODY_MAX = 8000
NOTE_MAX = 160
NAME_MAX = 120
# One answer for a name the forum uses and for a name another member has: "taken" would
# confirm to someone asking to join that a member goes by that name.
NAME_REFUSED = gettext_noop("This name cannot be used in the circle. Please choose another.")
# Characters with no place in plain text (tabs and line ends are kept), and the
# direction embeddings, overrides and isolates: they reorder what follows them (a name
# that turns the date after it around, a note that shows ".../gnp.exe" as
# ".../exe.png"). Arabic and Hebrew need none of them; the marks U+200E/U+200F stay.
BLANK_BRAILLE = "\u2800"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _allowed(actor, perm: str, obj=None) -> None:
    """Anything the person may not do to this object looks as if it did not exist."""
    if not as_viewer(actor).has_perm(perm, obj):
        raise Hidden(_("Not found."))


def checked_text(
    value: str, *, field: str, limit: int, required: bool, empty_message: str = ""
) -> str:
    """A circle text as written in the form field `field`, refused beside that field:
    every text members write to each other goes through here. Text of invisible
    characters only (zero-width spaces, a blank Braille cell) counts as none."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not name_key(text).replace(BLANK_BRAILLE, "").strip():
        text = ""
    if CONTROL.search(text):
        raise Refused(_("This contains characters that cannot be used."), field=field)
    if required and not text:
        raise Refused(empty_message or _("Write something first."), field=field)
    if len(text) > limit:
        message = _("This can be up to %(limit)s characters.") % {"limit": f"{limit:,}"}
        raise Refused(message, field=field)
    return text


def checked_line(
    value: str, *, field: str, limit: int, required: bool, empty_message: str = ""
) -> str:
    """A one-line text: a title, a content note, a name."""
    text = checked_text(
        value, field=field, limit=limit, required=required, empty_message=empty_message
    )
    return " ".join(text.split())


def longest(model, field: str) -> int:
    """The longest text a model's field keeps: the one limit for its form and its check."""
    return model._meta.get_field(field).max_length


def _thread_title(title: str) -> str:
    return checked_line(
        title,
        field="title",
        limit=TITLE_MAX,
        required=True,
        empty_message=_("Give the thread a title."),
    )


def _throttle(actor) -> None:
    if over_limit(f"circle-posts:user:{actor.pk}", POSTS_PER_MEMBER_PER_MINUTE):
        raise RateLimited(_("Many posts in a short time. Please wait a minute."))


def _earlier(actor, send_key) -> Post | None:
    if send_key is None:
        return None
    return Post.objects.select_related("thread").filter(author=actor, send_key=send_key).first()


def _mark_read(*, user, thread: Thread, up_to: datetime) -> None:
    """Upsert without a race: the row exists after the first statement whoever made it,
    and the second only ever moves the mark forward."""
    ReadMark.objects.bulk_create(
        [ReadMark(thread=thread, user=user, read_at=up_to)], ignore_conflicts=True
    )
    ReadMark.objects.filter(thread=thread, user=user, read_at__lt=up_to).update(read_at=up_to)


def _create_post(*, actor, thread: Thread, body, content_note, as_member, send_key) -> Post:
    """The post, or the one this same form already made (send_key is unique per author)."""
    try:
        with transaction.atomic():
            post = Post.objects.create(
                thread=thread,
                author=actor,
                body=body,
                content_note=content_note,
                as_member=bool(as_member),
                send_key=send_key,
            )
    except IntegrityError:
        earlier = _earlier(actor, send_key)
        if earlier is None:
            raise
        return earlier
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    thread.last_post_at = post.created_at
    _mark_read(user=actor, thread=thread, up_to=post.created_at)
    return post


@transaction.atomic
def circle_join(*, actor, circle: Circle) -> Participation:
    viewer = as_viewer(actor)
    if not viewer.has_perm("circle.enter"):
        raise Hidden(_("Not found."))
    participation, _created = Participation.objects.get_or_create(circle=circle, user=actor)
    return participation


@transaction.atomic
def circle_leave(*, actor, circle: Circle) -> int:
    """Leave one circle; what the person wrote there stays, under the same name."""
    if not as_viewer(actor).has_perm("circle.enter"):
        raise Hidden(_("Not found."))
    deleted, _kinds = Participation.objects.filter(circle=circle, user=actor).delete()
    return deleted


@transaction.atomic
def thread_start(
    *,
    actor,
    circle: Circle,
    title: str,
    body: str,
    content_note: str = "",
    as_member: bool = False,
    send_key=None,
) -> Thread:
    """A new thread with its opening post."""
    _allowed(actor, "circle.start_thread", circle)
    earlier = _earlier(actor, send_key)
    if earlier is not None:
        return earlier.thread
    title = _thread_title(title)
    body = checked_text(body, field="body", limit=BODY_MAX, required=True)
    content_note = checked_line(content_note, field="content_note", limit=NOTE_MAX, required=False)
    _throttle(actor)
    thread = Thread.objects.create(circle=circle, title=title, last_post_at=timezone.now())
    post = _create_post(
        actor=actor,
        thread=thread,
        body=body,
        content_note=content_note,
        as_member=as_member,
        send_key=send_key,
    )
    if post.thread_id != thread.pk:
        # The same form, sent twice at once, made its thread first: this one goes.
        thread.delete()
    return post.thread


@transaction.atomic
def post_reply(
    *,
    actor,
    thread: Thread,
    body: str,
    content_note: str = "",
    as_member: bool = False,
    send_key=None,
) -> Post:
    # Scoped afresh for the actor: a thread in a circle they left, or that a person they
    # blocked started, is not there for them.
    thread = thread_for(user=actor, thread_id=thread.pk)
    _allowed(actor, "circle.reply", thread)
    earlier = _earlier(actor, send_key)
    if earlier is not None:
        return earlier
    body = checked_text(body, field="body", limit=BODY_MAX, required=True)
    content_note = checked_line(content_note, field="content_note", limit=NOTE_MAX, required=False)
    _throttle(actor)
    return _create_post(
        actor=actor,
        thread=thread,
        body=body,
        content_note=content_note,
        as_member=as_member,
        send_key=send_key,
    )


@transaction.atomic
def post_edit(*, actor, post: Post, body: str, content_note: str = "", title=None) -> Post:
    """Change one's own post (and the thread's title, for its opening post)."""
    post = own_post_for(user=actor, post_id=post.pk)
    _allowed(actor, "circle.edit_post", post)
    body = checked_text(body, field="body", limit=BODY_MAX, required=True)
    content_note = checked_line(content_note, field="content_note", limit=NOTE_MAX, required=False)
    is_opening = opening_post_id(post.thread) == post.pk
    if is_opening and title is not None:
        title = _thread_title(title)
        if title != post.thread.title:
            post.thread.title = title
            post.thread.save(update_fields=["title"])
    if body != post.body or content_note != post.content_note:
        post.body, post.content_note = body, content_note
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "content_note", "edited_at"])
    return post


@transaction.atomic
def post_delete(*, actor, post: Post) -> Post:
    """Erase one's own post: its words go, its place stays (shown as removed). Erasing an
    opening post erases the thread's title too, which its author also wrote."""
    post = own_post_for(user=actor, post_id=post.pk)
    _allowed(actor, "circle.delete_post", post)
    if post.removed_at is not None:
        return post
    post.removed_at = timezone.now()
    post.body, post.content_note = "", ""
    post.save(update_fields=["removed_at", "body", "content_note"])
    if opening_post_id(post.thread) == post.pk:
        Thread.objects.filter(pk=post.thread_id).update(title="", title_removed=True)
    return post


def thread_read(*, user, thread: Thread, up_to: datetime | None = None) -> None:
    """Remember that the person has read the thread up to `up_to` (now when None)."""
    _mark_read(user=user, thread=thread, up_to=up_to or timezone.now())


def member_name(value: str, *, empty_message: str, user) -> str:
    """The name a member is shown under, as given when asking to join or in the settings.

    Refused, with one message for both, when a reader would take it for a name the forum
    shows for posts without one or for another member's name (`user` keeps their own): the
    answer must not tell someone asking to join which names are whose.
    """
    name = checked_line(
        value, field="name", limit=NAME_MAX, required=True, empty_message=empty_message
    )
    if len(name_key(name)) > KEY_MAX:
        message = _("This can be up to %(limit)s characters.") % {"limit": f"{NAME_MAX:,}"}
        raise Refused(message, field="name")
    if mixes_scripts(name):
        raise Refused(_("Write a name in one alphabet."), field="name")
    if _passes_for_another(name, user=user):
        raise Refused(_(NAME_REFUSED), field="name")
    return name


def _passes_for_another(name: str, *, user) -> bool:
    """Whether a reader could take `name` for another member's, or for what the forum
    shows in place of a name (also inside a longer name, as in "A member of this circle
    (...)"). Looks are compared, not only keys: the database's unique key holds the
    exact rule against two people taking a name at once; this one is wider. Every
    member's name is read: names change rarely, and a circle has hundreds, not millions."""
    look = name_look(name)
    if any(name_look(reserved) in look for reserved in reserved_keys()):
        return True
    others = Member.objects.exclude(user=user).values_list("name", flat=True)
    return any(name_look(other) == look for other in others.iterator())


@contextmanager
def taking_name(*, user, name: str):
    """Write a name `user` takes, in a savepoint. Two people taking the same name at the
    same moment both pass member_name(); the database's constraint lets one in, and the
    other is refused as if the name had been taken before, with nothing of their request
    kept."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        taken = Member.objects.filter(name_key=name_key(name)).exclude(user=user).exists()
        if not taken:
            raise
        raise Refused(_(NAME_REFUSED), field="name") from None


@transaction.atomic
def member_settings_update(*, actor, name: str, wants_digest: bool) -> Member:
    """The name other members see, and the weekly reminder e-mail, on or off."""
    _allowed(actor, "circle.change_settings")
    name = member_name(name, empty_message=_("Give a name."), user=actor)
    member = Member.objects.select_for_update().get(user=actor)
    member.name, member.name_key, member.wants_digest = name, name_key(name), bool(wants_digest)
    with taking_name(user=actor, name=name):
        member.save(update_fields=["name", "name_key", "wants_digest"])
    return member
