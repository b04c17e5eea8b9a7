"""How English dates read on Podium: in words, day first ("12 March 2027").

Django's own English formats write "March 12, 2027", which readers outside the United
States misread as often as not on a site used across borders. Spanish keeps Django's
formats ("12 de marzo de 2027"). Input formats are Django's, unchanged.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
# Weeks start on Monday, as ISO 8601 and the Spanish formats have it.
FIRST_DAY_OF_WEEK = 1
