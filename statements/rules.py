"""Who may do what with statements: only the consultant, and only with their own."""

import rules

from networking.rules import is_consultant, is_its_consultant


@rules.predicate
def is_revoked(subject, statement) -> bool:
    return statement is not None and statement.is_revoked


@rules.predicate
def is_valid(subject, statement) -> bool:
    return statement is not None and statement.is_valid


PERMISSIONS = {
    "statements.issue_statement": is_consultant,
    "statements.view_statement": is_consultant & is_its_consultant,
    # A statement that no longer verifies is not handed out again.
    "statements.download_statement": is_consultant & is_its_consultant & is_valid,
    "statements.revoke_statement": is_consultant & is_its_consultant & ~is_revoked,
}

for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
