import math
from collections import Counter

from statements import codes


def test_code_has_enough_entropy_and_no_look_alikes():
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 58
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET)
    for confusable in "0O1IlUV":
        assert confusable not in codes.ALPHABET


def test_codes_use_the_whole_alphabet_and_do_not_repeat():
    drawn = [codes.new_code() for _ in range(2000)]
    assert len(set(drawn)) == 2000
    assert all(len(code) == codes.LENGTH for code in drawn)
    counts = Counter("".join(drawn))
    assert set(counts) == set(codes.ALPHABET)
    # 24,000 characters over 29 symbols: about 828 each; far fewer means a bias.
    assert min(counts.values()) > 600


def test_code_prints_in_groups_and_reads_back_however_typed():
    code = "ABCDEFGHJKMN"
    assert codes.grouped(code) == "ABCD-EFGH-JKMN"
    for typed in ("ABCD-EFGH-JKMN", "abcd efgh jkmn", " abcd.efgh.jkmn ", "ABCDEFGHJKMN"):
        assert codes.normalized(typed) == code


def test_something_that_cannot_be_a_code_reads_as_none():
    for typed in ("", "ABCD-EFGH", "ABCD-EFGH-JKM0", "ABCD-EFGH-JKMNP", "<script>"):
        assert codes.normalized(typed) is None
