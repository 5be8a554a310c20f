"""Open divergences from Dash 4.4.1: app name -> the reason, one line. Their Dash-vs-propwire tests are strict
xfails, so a fixed divergence fails until its line is removed. Only real, described divergences belong here."""

KNOWN: dict[str, str] = {
    "client_cookies_two_speeds": "ctx.cookies (the request's cookies, Dash >= 2.x) is missing on propwire, so the "
                                 "third action cannot read the cookies back; the cookies themselves arrive "
                                 "(tests/testing/test_client_issue11.py compares both clients' jars)",
    "seed_checklists": "Checklist: Dash 4.4.1 appends a newly checked option to the end of value; propwire keeps "
                       "option order (['New York City', 'Montréal', 'San Francisco'] vs Dash's [..., 'Montréal'])",
}

# Apps where propwire's headless client does not yet see what propwire's renderer shows in Chromium (the
# conformance contract, README.md): app name -> the reason. Strict xfails, like KNOWN.
HEADLESS: dict[str, str] = {
}
