"""Browser tests assert what a page shows with Playwright's `expect`, which waits.

`locator.is_visible()` answers at once: right after a click that navigates, the URL
can already be the next page's while the old document is still on screen, so an
`assert locator.is_visible()` fails or passes by timing alone (a CI run failed on
exactly that). `expect(locator).to_be_visible()` retries until the page settles.
"""

import ast
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTANT = {"is_visible", "is_hidden"}


def instant_checks_in_asserts(source):
    """Lines where an assert reads visibility once instead of waiting for it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assert):
            for inner in ast.walk(node.test):
                if isinstance(inner, ast.Attribute) and inner.attr in INSTANT:
                    found.append(node.lineno)
    return found


def test_browser_tests_wait_for_what_they_assert():
    offenders = {
        path.name: lines
        for path in sorted(HERE.glob("*.py"))
        if (lines := instant_checks_in_asserts(path.read_text()))
    }
    assert offenders == {}


def test_the_scan_finds_an_instant_check():
    source = "assert page.get_by_text('x').is_visible()\nassert not button.is_hidden() == 1\n"
    assert instant_checks_in_asserts(source) == [1, 2]
    assert instant_checks_in_asserts("expect(page.get_by_text('x')).to_be_visible()\n") == []
