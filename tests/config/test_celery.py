from django.conf import settings

from config.celery import app


def test_celery_accepts_and_sends_json_only():
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_serializer == "json"
    assert app.conf.result_serializer == "json"


def test_tasks_are_acknowledged_late_so_a_lost_worker_means_redelivery():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True


def test_test_settings_run_tasks_eagerly_and_propagate_errors():
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    assert settings.CELERY_TASK_EAGER_PROPAGATES is True


def test_base_settings_are_eager_exactly_when_no_broker_is_configured():
    from config.settings import base, env

    assert base.CELERY_TASK_ALWAYS_EAGER is (not env.CELERY_BROKER_URL)
    assert base.PODIUM_BROKER_CONFIGURED is bool(env.CELERY_BROKER_URL)


def test_every_scheduled_job_names_a_registered_task():
    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule
    assert schedule, "beat has nothing to do: make beat would be pointless"
    for entry in schedule.values():
        assert entry["task"] in app.tasks


def test_unfinished_work_comes_back_within_minutes():
    # The drain job retries what a dead worker or a broker outage left, every minute...
    [drain] = [e for e in app.conf.beat_schedule.values() if e["task"] == "core.drain_outbox"]
    assert drain["schedule"] <= 60
    # ...and the broker gives a dead worker's unacknowledged task back within 5 minutes.
    assert app.conf.broker_transport_options["visibility_timeout"] <= 300
