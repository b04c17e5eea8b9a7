"""Files leave storage when their row does: a deleted photo or video must not remain on disk.

Django never deletes a FileField's file. These handlers do, once the transaction commits:
a rolled-back deletion keeps its file, and a committed one keeps nothing.
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save


def _delete_later(storage, name: str) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def delete_files_with_rows(model, *field_names: str) -> None:
    """Delete the files in `field_names` when a row is deleted or a file is replaced."""
    storages = {name: model._meta.get_field(name).storage for name in field_names}

    def on_delete(sender, instance, **kwargs):
        for name, storage in storages.items():
            _delete_later(storage, getattr(instance, name).name)

    def on_replace(sender, instance, update_fields=None, **kwargs):
        if instance._state.adding or (update_fields and not set(update_fields) & set(storages)):
            return
        old = sender._base_manager.filter(pk=instance.pk).values(*storages).first() or {}
        for name, storage in storages.items():
            if old.get(name) and old[name] != getattr(instance, name).name:
                _delete_later(storage, old[name])

    uid = f"delete-files-{model._meta.label}"
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=uid)
    pre_save.connect(on_replace, sender=model, weak=False, dispatch_uid=uid)
