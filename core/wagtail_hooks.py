from wagtail import hooks


@hooks.register("on_serve_page")
def robots_header(next_serve):
    """The page's robots directive as a header too, so it also covers non-HTML readers."""

    def serve(page, request, args, kwargs):
        response = next_serve(page, request, args, kwargs)
        directive = getattr(page.specific, "get_robots_directive", None)
        if directive is not None and not response.has_header("X-Robots-Tag"):
            response["X-Robots-Tag"] = directive(request)
        return response

    return serve
