"""Work that leaves the database (e-mail, Celery tasks), recorded with the change first."""
