from django.utils import timezone, translation

from core.jobs.outbox import outbox_enqueue
from networking.models import Notification


def notify(*, user, event_key: str, text: str, url: str) -> Notification | None:
    """Record one event for one person and queue its e-mail after commit.

    `text` must be discreet (it may show on a shared screen and goes into e-mail subjects
    of nobody: e-mails only say that something happened). The same event_key twice does
    nothing the second time, so a retried task or a double click notifies once.
    """
    # Stored as the untranslated English (the text's msgid), whatever language the person
    # who triggered it reads: Notification.shown_text translates it for the recipient.
    with translation.override(None):
        text = str(text)
    notification, created = Notification.objects.get_or_create(
        user=user, event_key=event_key[:120], defaults={"text": text[:200], "url": url[:300]}
    )
    if not created:
        return None
    # networking.tasks imports the services, which import this module: importing it here
    # breaks the cycle (tasks -> services -> notifications -> tasks).
    from networking.tasks import deliver_notification

    outbox_enqueue(task=deliver_notification, args=[notification.pk])
    return notification


def notify_many(*, users, event_key: str, text: str, url: str) -> int:
    return sum(
        notify(user=user, event_key=event_key, text=text, url=url) is not None for user in users
    )


def notifications_mark_read(*, user, ids=None) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def conversation_notifications_read(*, user, url: str) -> int:
    """Reading a conversation reads the new-message notifications that lead to it, so the
    dashboard's count of new messages falls when the person has seen them."""
    return Notification.objects.filter(
        user=user, read_at__isnull=True, event_key__startswith="message:", url=url
    ).update(read_at=timezone.now())
