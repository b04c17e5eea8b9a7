# ruff: noqa: E501 (code samples are shown exactly as written, one include to a line)
"""What the living style page (/style/) shows besides the components themselves.

The code samples live here, not in the template, because they are code, not interface
text: the template test that looks for untranslated words would read them as such.
"""

import datetime

# The colour tokens of static/css/podium.css: (swatch class, token name).
COLOUR_TOKENS = [
    (name, f"--color-{name}")
    for name in (
        "ink",
        "ink-soft",
        "paper",
        "surface",
        "surface-muted",
        "line",
        "line-strong",
        "accent",
        "accent-strong",
        "accent-soft",
        "info",
        "info-soft",
        "success",
        "success-soft",
        "warning",
        "warning-soft",
        "danger",
        "danger-soft",
        "focus",
        "dark",
    )
]

# Dates and amounts of the example table (the words are in the template, translated).
TABLE_SAMPLE = {
    "first_date": datetime.date(2027, 3, 12),
    "first_fee": "USD 1,100.00",
    "second_date": datetime.date(2027, 4, 3),
    "second_fee": "USD 850.00",
}

# The type scale, largest first: (sample class, token name).
TYPE_SIZES = [(size, f"--text-{size}") for size in ("3xl", "2xl", "xl", "lg", "md", "base", "sm")]

# The code shown under each example of the style page, in the order of the page.
STYLE_EXAMPLES = {
    "buttons": """<a class="button" href="...">Send the request</a>
<a class="button button--secondary" href="...">Save as draft</a>
<a class="button button--quiet" href="...">Not now</a>
<button type="submit" class="button button--small">Small</button>""",
    "confirm": """{% include "components/confirm_action.html" with action=URL label=_("Decline") question=_("Decline this request?") confirm_label=_("Yes, decline") name="action" value="decline" %}""",
    "badges": """{% include "components/badge.html" with label=_("Confirmed") tone="neutral|info|success|warning|danger" %}
{% load podium_tags %}{% include "components/badge.html" with label=booking.get_state_display tone=booking.state|status_tone %}""",
    "notices": """{% include "components/notice.html" with tone="info|success|warning|danger" title=_("Saved") text=_("Your changes are live.") %}""",
    "empty": """{% include "components/empty_state.html" with title=_("No bookings yet") text=... action_url=... action_label=... %}""",
    "cards": """<ul class="grid-cards"><li><article class="card">
  <div class="card__media">{% include "components/cover_art.html" with variant=1 only %}</div>
  <div class="card__body">
    <p class="card__meta">Writing</p>
    <h3 class="card__title"><a href="...">Title</a></h3>
    <p class="card__text">Summary</p>
  </div>
</article></li></ul>""",
    "tables": """<div class="table-wrap" tabindex="0"><table class="table">...<td class="num">USD 1,100.00</td>...</table></div>""",
    "forms": """<form method="post">{% csrf_token %}{{ form.as_div }}
  <div class="form-actions"><button type="submit">Save</button></div>
</form>
<div class="field"><label for="x">Label</label><input id="x"><p class="field__help">Help</p><p class="field__error">Error</p></div>""",
    "layout": """.container   the page width with side padding
.stack      vertical rhythm between children (.stack--lg for more)
.cluster    a wrapping row with a gap
.grid-cards a responsive grid of cards
.layout-two > .layout-two__main + .layout-two__aside   two columns from 60rem
.panel      a framed section; .nowrap keeps a number on one line""",
}
