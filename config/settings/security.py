"""Security headers and the Content-Security-Policy. Read through base."""

# --- Security headers ----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# No Referer leaves the site: an outbound link or the quick exit never reveals Podium.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Only the privacy-enhanced video players, and only after a click (core/embeds.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin still writes a few inline <script> and style attributes
# (inline panels, date widgets), so its pages get these additions; see docs/decisions.md.
PODIUM_ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
PODIUM_ADMIN_PATH_PREFIX = "/admin/"
