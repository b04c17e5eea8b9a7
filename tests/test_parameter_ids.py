from tests.conftest import LONGEST_ID_PART, short_id


def test_a_long_parameter_is_named_by_its_size():
    assert short_id(b"\xff\xd8" * 5_000_000) == "10000000-bytes"
    assert short_id("a" * 10_000) == "aaaaaaaaaaaa...10000-characters"


def test_a_long_text_is_named_in_printable_characters():
    name = short_id("\x00\n😀" * 100)
    assert name.isprintable()
    assert name.endswith("...300-characters")


def test_a_short_parameter_keeps_pytests_own_name():
    assert short_id("x" * LONGEST_ID_PART) is None
    assert short_id(b"\x00") is None
    assert short_id(42) is None
