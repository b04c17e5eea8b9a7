# Podium: `make run` serves the site with demo content; `make test` runs the whole suite.
# The virtualenv's Python: Debian's 3.11 where it can make one. Debian builds it with
# profile-guided and link-time optimization; a pyenv build (first on PATH on many
# machines) has neither and runs the suite about 15 % slower. Elsewhere, python3.
DEBIAN_PYTHON := /usr/bin/python3.11
PYTHON ?= $(shell $(DEBIAN_PYTHON) -c "import ensurepip, venv" 2>/dev/null && echo $(DEBIAN_PYTHON) || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test install migrate demo lint format check worker beat lock clean messages screenshots lighthouse bench

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The suite always uses the test settings, whatever DJANGO_SETTINGS_MODULE says, on one
# pytest-xdist worker per core (PYTEST_WORKERS=0 runs it in this process). loadgroup keeps
# the tests marked xdist_group("name") on one worker; the workers take the tests in the
# order tests/conftest.py gives them (long work first), not pytest-xdist's by group size.
# PYTHONDONTWRITEBYTECODE is emptied for the run: where the environment sets it, every
# worker would compile the project's modules again, and pytest rewrite and compile every
# test module again, on every run (__pycache__ is git-ignored).
PYTEST_WORKERS ?= auto
test: install
	PYTHONDONTWRITEBYTECODE= DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest \
		-n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# A real Celery worker and scheduler against CELERY_BROKER_URL (see README).
worker: install
	$(BIN)/celery -A config worker --loglevel=INFO

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

# Screenshots of every page type, each role, both languages, phone and desktop widths,
# into screenshots/ (open screenshots/index.html). Starts its own copy of the demo.
screenshots: install
	$(BIN)/python bench/screenshots.py $(SCREENSHOTS_ARGS)

# Lighthouse (mobile) on the public pages of a production-like copy of the demo; writes
# the scores to docs/performance.md. Needs npm (installs Lighthouse into .tools/).
lighthouse: install
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# Regenerate the pinned requirements from requirements*.in (needs uv: pip install uv).
lock:
	uv pip compile --python-version 3.11 requirements.in -o requirements.txt
	uv pip compile --python-version 3.11 requirements-dev.in -o requirements-dev.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Refresh the Spanish catalogue after changing interface strings, translate what is new in
# locale/es/LC_MESSAGES/django.po, then compile. The .mo is committed: running the site
# needs no gettext tools.
messages: install
	$(BIN)/python manage.py makemessages -l es --no-location --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The site at 10,000 consultants in PostgreSQL and Redis, served by gunicorn with production
# settings, measured with wrk against a constant page; writes the section "At 10,000
# consultants" of docs/performance.md (bench/make_bench.py; ~15 minutes once the data
# exists, a few with BENCH_ARGS='--consultants 1000 --seconds 3 --rounds 1 --runs 2').
bench: install
	$(BIN)/python bench/make_bench.py $(BENCH_ARGS)
