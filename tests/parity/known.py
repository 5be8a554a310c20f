"""Open divergences from Dash 4.4.1: app name -> the reason, one line. Their Dash-vs-propwire tests are strict
xfails, so a fixed divergence fails until its line is removed. Only real, described divergences belong here."""

KNOWN: dict[str, str] = {
    "seed_checklists": "Checklist: Dash 4.4.1 appends a newly checked option to the end of value; propwire keeps "
                       "option order (['New York City', 'Montréal', 'San Francisco'] vs Dash's [..., 'Montréal'])",
    "seed_temperature": "issue 11 item 5: a callback returning None for dcc.Input.value leaves the old text in the "
                        "box on propwire (Dash clears it)",
}
