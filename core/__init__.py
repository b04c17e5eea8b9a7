"""What every app shares; it imports none of them.

core.media: images, videos, attachments and PDFs (scrubbing, models, serving, the video task).
core.jobs: the outbox, the e-mail that goes through it, and its Celery tasks.
core.models: every model of the app (Django finds them there), and what pages share.
The modules beside them are small and general: money, i18n, blocks, forms, throttling...
"""
