"""Statements sent on a second connection while the generator's own goes on.

Writing search entries is mostly PostgreSQL's work (`to_tsvector` for every text, then
the GIN indexes): about a third of a fresh fill, during which the generator's Python
would wait. Inside `alongside()`, work handed to `submit()` runs in a thread on that
thread's own Django connection, in a transaction of its own, while the main thread
prepares the next rows; on the machine's two cores both proceed at once. The second
transaction commits only after the main one did (when the `with` block ends without an
error) and is rolled back otherwise, so entries never outlive a failed batch.

Only work that reads nothing uncommitted of the main transaction may be handed over:
the search entries refer to their objects by id, not by a foreign key.
"""

import queue
import threading
from contextlib import contextmanager

from django.db import connection

_current = threading.local()


class _Worker(threading.Thread):
    def __init__(self, session):
        super().__init__(name="bench-alongside", daemon=True)
        self.session = session
        self.jobs: queue.Queue = queue.Queue()
        self.error: BaseException | None = None
        self.outcome: queue.Queue = queue.Queue()

    def run(self):
        # This thread's connection (Django keeps one per thread).
        try:
            with self.session():
                connection.set_autocommit(False)
                while (job := self.jobs.get()) is not None:
                    if self.error is None:
                        try:
                            job()
                        except Exception as error:  # noqa: BLE001 (raised by the main thread)
                            self.error = error
                commit = self.outcome.get()
                if commit and self.error is None:
                    connection.commit()
                else:
                    connection.rollback()
                connection.set_autocommit(True)
        except Exception as error:  # noqa: BLE001 (raised by the main thread)
            self.error = self.error or error
        finally:
            connection.close()


def submit(job) -> None:
    """Run `job()` on the second connection inside `alongside()`, here otherwise."""
    worker = getattr(_current, "worker", None)
    if worker is None:
        job()
    else:
        worker.jobs.put(job)


@contextmanager
def alongside(session):
    """Hand work to a second connection (opened with the `session` context manager,
    e.g. gen_tree.loading_session) until the block ends; then wait for it, and commit
    it if the block succeeded."""
    # Inside a caller's transaction (a test's) the entries must be part of it: a second
    # connection could neither see its rows nor commit or roll back with it.
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block
        or getattr(_current, "worker", None) is not None
    ):
        yield
        return
    worker = _Worker(session)
    worker.start()
    _current.worker = worker
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        _current.worker = None
        worker.jobs.put(None)
        worker.outcome.put(succeeded and worker.error is None)
        worker.join()
    if worker.error is not None:
        raise worker.error
