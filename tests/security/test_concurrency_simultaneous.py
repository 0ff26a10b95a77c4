"""Two editors saving the same record at the same moment (two threads, committed data):
one wins, one is refused. The helpers are those of test_concurrency.py."""

import threading
import time

import pytest
from django.db import connection

from core.concurrency import CONFLICT_MESSAGE
from tests.security.test_concurrency import (
    TARGETS,
    _change_url,
    _editors,
    _model,
    _object,
    _open,
    _save,
    _text_field,
    locking_site,
)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_simultaneous_saves_cannot_both_pass_the_check(
    target, demo_data, locking_urls, django_user_model, monkeypatch
):
    """The first save holds its row lock while the second one arrives: one wins, one is
    refused, none is lost silently."""
    model = _model(*target)
    obj = _object(model)
    url = _change_url(locking_urls, obj)
    first, second = _editors(django_user_model)
    data_first, data_second = _open(first, url), _open(second, url)
    field = _text_field(data_first, model)
    data_first[field] = ["Bản của biên tập viên 1"]
    data_second[field] = ["Bản của biên tapp viên 2".replace("tapp", "tập")]

    admin_class = type(locking_site._registry[model])
    original_save_model = admin_class.save_model
    first_is_saving = threading.Event()

    def slow_save_model(self, request, obj, form, change):
        original_save_model(self, request, obj, form, change)
        if request.user.username == "bientap1":
            first_is_saving.set()
            time.sleep(0.5)  # still inside the admin's transaction, holding the lock

    monkeypatch.setattr(admin_class, "save_model", slow_save_model)
    results = {}

    def run(name, client, data):
        try:
            results[name] = _save(client, url, data)
        finally:
            connection.close()

    thread = threading.Thread(target=run, args=("first", first, data_first))
    thread.start()
    assert first_is_saving.wait(20)
    run("second", second, data_second)
    thread.join(30)

    assert results["first"].status_code == 302
    assert results["second"].status_code == 200
    assert CONFLICT_MESSAGE in results["second"].content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field) == "Bản của biên tập viên 1"
