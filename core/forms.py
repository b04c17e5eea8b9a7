"""Helpers shared by every app's form views."""


def posted(request):
    """A form's data: the POST, even an empty one, or None for a GET.

    Unlike `request.POST or None`, an empty POST still binds the form, so it is
    validated and shows its errors instead of being redrawn without a word.
    """
    return request.POST if request.method == "POST" else None


def uploaded(request):
    """A form's files, on the same terms as posted()."""
    return request.FILES if request.method == "POST" else None
