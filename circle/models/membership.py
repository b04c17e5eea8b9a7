from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from circle.enums import CircleKind, MemberStatus
from circle.names import KEY_MAX

VOUCHES_NEEDED = 2


class Member(models.Model):
    """A consultant's place in the circle, from asking to join to leaving.

    Leaving deletes this row (and, if the person chooses, what they wrote): nothing here
    outlives their wish to go. Organization members never have one.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_member"
    )
    status = models.CharField(
        max_length=10, choices=MemberStatus.choices, default=MemberStatus.APPLIED
    )
    # The name other members see. It starts as the professional name and never needs to
    # be a legal name.
    name = models.CharField(_("name shown to other members"), max_length=120)
    # The name as a reader takes it in (circle.names.name_key), set with the name. Unique,
    # so that nobody passes for another member under a name that only looks different
    # (other case, full-width letters, zero-width characters, more spaces).
    name_key = models.CharField(max_length=KEY_MAX, editable=False)
    note = models.TextField(
        _("a few words for whoever lets you in (optional)"), max_length=1000, blank=True
    )
    is_moderator = models.BooleanField(default=False, editable=False)
    # Weekly and discreet: "there is something new", never what it is.
    wants_digest = models.BooleanField(_("send me a weekly reminder e-mail"), default=False)
    digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    applied_at = models.DateTimeField(auto_now_add=True)
    admitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The editor who let them in; empty when two members vouched.
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "applied_at"])]
        constraints = [models.UniqueConstraint(fields=["name_key"], name="circle_member_name_once")]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == MemberStatus.ACTIVE


class Vouch(models.Model):
    """An active member's word for a consultant who asked to join."""

    candidate = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="vouches")
    voucher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_vouches"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "voucher"], name="circle_vouch_once")
        ]

    def __str__(self):
        return f"Vouch {self.pk}"


class MemberBlock(models.Model):
    """One member's block of another: neither sees the other anywhere in the circle."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="circle_block_once"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="circle_block_not_self"
            ),
        ]

    def __str__(self):
        return f"MemberBlock {self.pk}"


class Circle(models.Model):
    """A topic or region group inside the circle. Editors create them; members join."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(unique=True, max_length=80)
    description = models.TextField(_("what it is for"), max_length=600)
    kind = models.CharField(_("kind"), max_length=10, choices=CircleKind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Participation(models.Model):
    """A member's place in one circle."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_participations"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="circle_participate_once")
        ]

    def __str__(self):
        return f"Participation {self.pk}"
