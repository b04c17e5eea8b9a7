"""A throwaway copy of the demo site, served as production serves it, for the tools in
bench/ (Lighthouse, screenshots).

It has its own SQLite database and media folders in a temporary directory, the demo
content (`load_demo`, run with the development settings since it refuses DEBUG off),
static files collected as in a release, and gunicorn with DEBUG off on a free port
(bench/lighthouse_settings.py). Nothing else has to run: tasks are eager and e-mail goes
to the log. Everything is removed afterwards.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], env: dict[str, str], log) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    if result.returncode:
        sys.exit(f"failed: {' '.join(args)} (see {log.name})")


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the server stopped while starting")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the server did not answer at {url} within {seconds:.0f} s")


@dataclass
class DemoSite:
    url: str
    env: dict[str, str]

    def query(self, code: str) -> str:
        """What Python `code` prints in `manage.py shell` against this copy's database."""
        result = subprocess.run(
            [str(PYTHON), "manage.py", "shell", "-c", code],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return result.stdout.strip()


@contextmanager
def demo_site(*, workers: int = 2, say=print) -> Iterator[DemoSite]:
    """Yield a fresh demo site, served; stop it and remove its files after."""
    if not PYTHON.exists():
        sys.exit("no .venv: run `make install` first")
    folder = Path(tempfile.mkdtemp(prefix="podium-demo-"))
    env = {
        key: value
        for key, value in os.environ.items()
        # The copy uses nothing outside itself: eager tasks, an in-process cache.
        if key not in {"DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}
    }
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        PODIUM_MEDIA_ROOT=str(folder / "media"),
        PODIUM_PRIVATE_MEDIA_ROOT=str(folder / "private_media"),
        PODIUM_SITE_URL=url,
        PODIUM_EMAIL_DELIVERY_BACKEND="django.core.mail.backends.console.EmailBackend",
    )
    dev = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    production = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.lighthouse_settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Production refuses to start without a shared cache; lighthouse_settings replaces
        # it with an in-process one, so this address is never used.
        "CACHE_URL": "redis://127.0.0.1:1/0",
    }
    log_path = folder / "server.log"
    server = None
    try:
        with log_path.open("w") as log:
            say(f"demo site in {folder}: migrating and loading the demo content")
            _run([str(PYTHON), "manage.py", "migrate", "--noinput"], dev, log)
            _run([str(PYTHON), "manage.py", "load_demo"], dev, log)
            _run([str(PYTHON), "manage.py", "collectstatic", "--noinput"], production, log)
            say(f"gunicorn with DEBUG off at {url}")
            server = subprocess.Popen(
                [str(GUNICORN), "config.wsgi", "--workers", str(workers), "--bind",
                 f"127.0.0.1:{port}", "--timeout", "60"],
                cwd=ROOT, env=production, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            _wait_until_up(url, server)
            yield DemoSite(url=url, env=production)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if os.environ.get("PODIUM_KEEP_DEMO"):
            say(f"kept {folder} (PODIUM_KEEP_DEMO)")
        else:
            shutil.rmtree(folder, ignore_errors=True)
