"""The errors allauth's two-step forms raise use Podium's one name for the feature."""

import pytest
from allauth.mfa.adapter import get_adapter
from django.utils import translation


@pytest.mark.parametrize("language", ["en", "es"])
def test_two_step_errors_never_say_two_factor(language):
    with translation.override(language):
        messages = [str(text) for text in get_adapter().error_messages.values()]

    assert all("two-factor" not in text.lower() for text in messages)
    assert all("dos factores" not in text.lower() for text in messages)
    if language == "en":
        assert any("two-step verification" in text for text in messages)
    else:
        assert any("verificación en dos pasos" in text for text in messages)
