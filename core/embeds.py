"""Video embeds without tracking: links are parsed here, never looked up over oEmbed.

Podium builds the player address itself (YouTube's privacy-enhanced domain, Vimeo with
do-not-track), so no request leaves the server and none leaves the visitor's browser
until they press play (templates/components/video_embed.html, static/js/click-to-load.js).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")
UNSUPPORTED = _("Use a YouTube or Vimeo link, such as https://www.youtube.com/watch?v=…")


@dataclass(frozen=True)
class VideoEmbed:
    provider: str  # "YouTube" or "Vimeo"
    video_id: str

    @property
    def player_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"

    @property
    def watch_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url: str) -> VideoEmbed:
    """The embed for a YouTube or Vimeo link; ValidationError for anything else."""
    parsed = urlparse((url or "").strip())
    host = (parsed.hostname or "").lower()
    if parsed.scheme not in ("http", "https"):
        raise ValidationError(UNSUPPORTED, code="unsupported_video")
    parts = [p for p in parsed.path.split("/") if p]
    candidate = ""
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be" and parts:
            candidate = parts[0]
        elif parts[:1] == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif len(parts) == 2 and parts[0] in ("embed", "shorts", "live"):
            candidate = parts[1]
        if YOUTUBE_ID.match(candidate):
            return VideoEmbed("YouTube", candidate)
    elif host in VIMEO_HOSTS:
        candidate = parts[-1] if parts else ""
        if VIMEO_ID.match(candidate):
            return VideoEmbed("Vimeo", candidate)
    raise ValidationError(UNSUPPORTED, code="unsupported_video")
