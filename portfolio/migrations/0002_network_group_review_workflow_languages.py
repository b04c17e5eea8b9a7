from django.db import migrations

LANGUAGES = [
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ko", "Korean"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("es", "Spanish"),
    ("tl", "Tagalog"),
    ("th", "Thai"),
    ("uk", "Ukrainian"),
    ("vi", "Vietnamese"),
    ("ase", "American Sign Language"),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Language = apps.get_model("portfolio.Language")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    Task = apps.get_model("wagtailcore.Task")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    Group.objects.get_or_create(name="Network")
    # Editors review consultants' first publications, so they may publish (approving a
    # review publishes the page as the approving editor).
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Permission = apps.get_model("auth.Permission")
    root = Page.objects.filter(depth=1).first()
    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    editors = Group.objects.filter(name="Editors").first()
    if root and publish and editors:
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})

    if Workflow.objects.filter(name="Safety review").exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Editors' safety review", content_type=task_type, active=True
    )
    task.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
    workflow = Workflow.objects.create(name="Safety review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=Task.objects.get(pk=task.pk), sort_order=0)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name="Safety review").delete()
    apps.get_model("wagtailcore.Task").objects.filter(name="Editors' safety review").delete()
    apps.get_model("auth.Group").objects.filter(name="Network").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0001_initial"),
        ("accounts", "0003_editors_group"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
