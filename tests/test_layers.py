"""The apps' layers, read from the source: which app may import which, no app importing
the project's configuration, no oversized module, no import tucked inside a function
without the cycle that forces it, and comments that stand on their own (no pointer to a
document outside the repository, a reason after every noqa).

Imports go one way, from the top down:

    cms -> circle -> insight -> networking -> portfolio -> accounts -> core
    cms -> statements -> networking

An app may import any app below it, never one above. accounts sits on core: its views
and record export use core's form helpers and field readers, and core needs nothing from
accounts (its models name the user model by the string "accounts.User", which is no
import). Settings belong in config/settings; an app reads them from django.conf.settings.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "circle", "cms", "core", "insight", "networking", "portfolio", "statements")
# What each app may import, besides itself.
MAY_IMPORT = {
    "cms": {"circle", "insight", "statements", "networking", "portfolio", "accounts", "core"},
    "circle": {"insight", "networking", "portfolio", "accounts", "core"},
    "insight": {"networking", "portfolio", "accounts", "core"},
    "statements": {"networking", "portfolio", "accounts", "core"},
    "networking": {"portfolio", "accounts", "core"},
    "portfolio": {"accounts", "core"},
    "accounts": {"core"},
    "core": set(),
}
MAX_LINES = 400

RULES = ("direction", "config", "size", "local import", "outside reference", "bare noqa")
# A comment that sends the reader to a document or ticket the repository does not hold.
OUTSIDE_REFERENCE = re.compile(r"\b(?:safety|design|product|style|tooling)\.md\b|\bissue \d+")
BARE_NOQA = re.compile(r"#\s*noqa(?::\s*[A-Z0-9, ]+)?\s*$")


@dataclass(frozen=True)
class Module:
    path: str  # relative to ROOT, with "/"
    app: str
    text: str

    @property
    def tree(self) -> ast.Module:
        return ast.parse(self.text, filename=self.path)


def production_modules(root: Path = ROOT) -> list[Module]:
    modules = []
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root)
            parts = relative.parts
            if "migrations" in parts or "tests" in parts or path.name.startswith("test_"):
                continue
            modules.append(Module("/".join(parts), app, path.read_text(encoding="utf-8")))
    return modules


def _imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative: inside the module's own app
        return []
    return [node.module or ""]


def _imports(tree: ast.Module):
    """Every import statement, with whether it sits inside a function."""

    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, in_function
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            yield from walk(child, inside)

    yield from walk(tree, False)


def _names_a_cycle(lines: list[str], lineno: int) -> bool:
    """A comment on the import"s line, or on the line above it, says "cycle"."""
    here = lines[lineno - 1]
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    same_line_comment = here.split("#", 1)[1] if "#" in here else ""
    above_comment = above[1:] if above.startswith("#") else ""
    return "cycle" in same_line_comment.lower() or "cycle" in above_comment.lower()


def violations(modules: list[Module]) -> dict[str, dict[str, str]]:
    """Per rule, each violation's key (its module and statement, which survive edits
    elsewhere in the file) and a message that says where it is now."""
    found = {rule: {} for rule in RULES}
    for module in modules:
        lines = module.text.splitlines()
        if len(lines) > MAX_LINES:
            found["size"][module.path] = f"{module.path} has {len(lines)} lines"
        for number, line in enumerate(lines, start=1):
            key = f"{module.path} {line.strip()}"
            if OUTSIDE_REFERENCE.search(line):
                found["outside reference"][key] = f"{module.path}:{number} {line.strip()}"
            if BARE_NOQA.search(line):
                found["bare noqa"][key] = f"{module.path}:{number} {line.strip()}"
        for node, in_function in _imports(module.tree):
            where = f"{module.path}:{node.lineno}"
            for name in _imported_names(node):
                top = name.split(".")[0]
                key = f"{module.path} {name}"
                if top == "config":
                    found["config"][key] = f"{where} imports {name}"
                elif top in APPS and top != module.app and top not in MAY_IMPORT[module.app]:
                    found["direction"][key] = f"{where} ({module.app}) imports {name}"
            if in_function and not _names_a_cycle(lines, node.lineno):
                statement = lines[node.lineno - 1].split("#")[0].strip()
                found["local import"][f"{module.path} {statement}"] = f"{where} {statement}"
    return found


@pytest.fixture(scope="module")
def found() -> dict[str, dict[str, str]]:
    return violations(production_modules())


def _check(found: dict[str, dict[str, str]], rule: str) -> None:
    assert not found[rule], f"{rule}:\n" + "\n".join(sorted(found[rule].values()))


def test_imports_go_one_way(found):
    _check(found, "direction")


def test_no_app_imports_the_configuration(found):
    _check(found, "config")


def test_no_module_is_over_400_lines(found):
    _check(found, "size")


def test_an_import_inside_a_function_names_the_cycle_that_forces_it(found):
    _check(found, "local import")


def test_comments_name_no_document_outside_the_repository(found):
    _check(found, "outside reference")


def test_every_noqa_says_why(found):
    _check(found, "bare noqa")


def test_the_scan_finds_each_kind_of_violation(tmp_path):
    """The rules above pass only if the scan can see a violation at all."""
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text(
        "from networking import services\n"
        "import config.settings\n"
        "def f():\n"
        "    import json\n"
        "    # an import cycle: x imports this module\n"
        "    from core import x\n"
        "    from core import y  # cycle with y\n"
        "# as safety.md says\n"
        "import os  # noqa: F401\n"
        "import re  # noqa: F401 (the reason)\n" + "\n" * MAX_LINES,
        encoding="utf-8",
    )
    (tmp_path / "core" / "migrations").mkdir()
    (tmp_path / "core" / "migrations" / "0001_x.py").write_text("import cms\n", encoding="utf-8")
    (tmp_path / "portfolio").mkdir()
    (tmp_path / "portfolio" / "ok.py").write_text(
        "from core.models import BasePage\nfrom .x import y\n", encoding="utf-8"
    )
    for app in ("accounts", "cms", "networking"):
        (tmp_path / app).mkdir()

    found = violations(production_modules(tmp_path))

    assert found["direction"] == {
        "core/bad.py networking": "core/bad.py:1 (core) imports networking"
    }
    assert found["config"] == {
        "core/bad.py config.settings": "core/bad.py:2 imports config.settings"
    }
    assert found["size"] == {"core/bad.py": f"core/bad.py has {MAX_LINES + 10} lines"}
    assert found["local import"] == {"core/bad.py import json": "core/bad.py:4 import json"}
    assert found["outside reference"] == {
        "core/bad.py # as safety.md says": "core/bad.py:8 # as safety.md says"
    }
    assert found["bare noqa"] == {
        "core/bad.py import os  # noqa: F401": "core/bad.py:9 import os  # noqa: F401"
    }
