"""Consultants' media answer only those who may see a page that shows them.

Renditions of a consultant's images and their uploaded videos (with captions) live under
MEDIA_URL like any public file, but their addresses must stop working for anyone whose
access ended: a page made private or network-only, unpublished, a paused profile, a
block. So every request for one comes here, and the same policy as the pages decides
(portfolio.viewer.Viewer.can_view). The file itself is handed over by core.media: by the web
server (X-Accel-Redirect / X-Sendfile) in production, by Django in development.
"""

from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from accounts.models import ConsultantWorkspace
from core.media.serving import media_response
from core.models import PodiumVideo
from portfolio.models import ConsultantPage, VideoPage

# The scrubbed originals are never served, even if a copy strayed into MEDIA_ROOT.
NEVER_SERVED = ("original_images", "video_sources")


def _pages_showing_image(image) -> list[ConsultantPage]:
    """The consultant's pages that use the image (Wagtail's reference index). Another
    page that embeds it does not widen its audience: the consultant's choice decides."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(image).filter(base_content_type=page_type)
    # object_id is text in the index: compared as such, PostgreSQL refuses the subquery.
    ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    pages = Page.objects.filter(pk__in=ids).specific()
    return [page for page in pages if isinstance(page, ConsultantPage)]


def consultant_media_owner(name: str) -> tuple[int, list[ConsultantPage]] | None:
    """(consultant id, pages that show the file) for a consultant's media file, else None."""
    rendition = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(file=name)
        .select_related("image")
        .first()
    )
    if rendition is not None:
        workspace = ConsultantWorkspace.objects.filter(
            collection_id=rendition.image.collection_id
        ).first()
        if workspace is None:
            return None  # an editor's image (home page, resources): public
        return workspace.user_id, _pages_showing_image(rendition.image)
    video = PodiumVideo.objects.filter(Q(file=name) | Q(captions=name)).first()
    if video is not None:
        return video.uploaded_by_id, list(VideoPage.objects.filter(uploaded_video=video))
    return None


def may_see(viewer, consultant_id: int, pages: list[ConsultantPage]) -> bool:
    if viewer.is_authenticated and (viewer.pk == consultant_id or viewer.is_editor):
        return True
    return any(viewer.can_view(page) for page in pages)


@require_safe
def serve_media(request, path: str):
    name = PurePosixPath(path)
    if name.is_absolute() or ".." in name.parts or name.parts[0] in NEVER_SERVED:
        raise Http404
    owner = consultant_media_owner(str(name))
    if owner is None:
        return media_response(str(name), private=False)
    if not may_see(request.viewer, *owner):
        raise Http404
    return media_response(str(name), private=True)
