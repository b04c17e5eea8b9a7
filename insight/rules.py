"""Who may see what insight shows."""

import rules

from networking.rules import is_consultant, is_editor, is_org_member

# The fair-rate figures: for the people who set and accept fees, and the editors.
can_see_fair_rates = is_consultant | is_org_member | is_editor
# Insight on one's own work: the consultant's own figures only.
can_see_own_insight = is_consultant

PERMISSIONS = {
    "insight.see_fair_rates": can_see_fair_rates,
    "insight.see_own_insight": can_see_own_insight,
}

for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
