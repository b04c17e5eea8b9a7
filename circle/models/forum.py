from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from circle.models.membership import Circle


class Thread(models.Model):
    """A conversation in one circle. Its first post is the opening post."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=160)
    # Empty once its author erased what they wrote; the thread stays for the replies.
    title_removed = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        indexes = [models.Index(fields=["circle", "-last_post_at"])]

    def __str__(self):
        return f"Thread {self.pk}"


class Post(models.Model):
    """An opening post or a reply, in plain text (addresses become safe links on display).

    `author` stays known to the peer moderators even when the post is shown as "a member
    of this circle". A post erased by its author keeps its place, empty, shown as removed.
    """

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="circle_posts",
    )
    body = models.TextField(_("your post"), max_length=8000)
    content_note = models.CharField(
        _("content note (optional)"),
        max_length=160,
        blank=True,
        help_text=_("Readers see this first and open the post only if they choose to."),
    )
    as_member = models.BooleanField(
        _('post as "a member of this circle" instead of your name'), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The token of the form that posted it: the same form sent twice makes one post.
    send_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "send_key"],
                condition=models.Q(send_key__isnull=False),
                name="circle_post_send_once",
            )
        ]

    def __str__(self):
        return f"Post {self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


class ReadMark(models.Model):
    """How far a member has read a thread: the unread markers come from it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="circle_read_mark_once")
        ]

    def __str__(self):
        return f"ReadMark {self.pk}"
