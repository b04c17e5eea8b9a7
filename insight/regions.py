"""Which coarse region an organization's country belongs to (after the UN's geoscheme,
with the Middle East counted in Asia and Mexico, Central America and the Caribbean in
Latin America)."""

from insight.enums import Region

_COUNTRIES = {
    Region.AFRICA: (
        "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR "
        "LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH "
        "ZM ZW IO TF"
    ),
    Region.ASIA: (
        "AF AM AZ BH BD BT BN KH CN GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM "
        "NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE CX CC"
    ),
    Region.EUROPE: (
        "AX AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE XK "
        "LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB"
    ),
    Region.LATIN_AMERICA: (
        "AI AG AR AW BS BB BZ BO BQ BR VG KY CL CO CR CU CW DM DO EC SV FK GF GD GP GT GY HT "
        "HN JM MQ MX MS NI PA PY PE PR BL KN LC MF VC SX SR TT TC UY VI VE GS BV"
    ),
    Region.NORTH_AMERICA: "US CA BM GL PM UM",
    Region.OCEANIA: (
        "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF HM AQ"
    ),
}
REGION_OF = {code: region for region, codes in _COUNTRIES.items() for code in codes.split()}


def region_of(country) -> Region:
    """The region of an ISO 3166 code or a CountryField's value; a blank or unknown one
    is "not given"."""
    return REGION_OF.get(str(country or "").upper(), Region.UNSPECIFIED)
