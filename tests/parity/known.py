"""Open divergences from Dash 4.4.1: app name -> the reason, one line. Their Dash-vs-propwire tests are strict
xfails, so a fixed divergence fails until its line is removed. Only real, described divergences belong here."""

KNOWN: dict[str, str] = {
    "celery_set_props": "Dash's CeleryManager never clears a job's set_props value once read (get_updated_props "
                        "clears the result's key instead), so each poll (every 100 ms here) applies it again and its "
                        "reader runs once a poll; propwire applies each set_props call once",
}

# Apps where propwire's headless client does not yet see what propwire's renderer shows in Chromium (the
# conformance contract, README.md): app name -> the reason. Strict xfails, like KNOWN.
HEADLESS: dict[str, str] = {
    "celery_cancel": "its Cancel button is enabled by the job's first progress update: Playwright's click waits "
                     "until it is enabled, the headless Client's click of a disabled button fails at once (the "
                     "headless cancel on Celery: tests/background/test_celery_jobs.py)",
    "clientside_async": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_chain": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_context": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_graph_store": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_function": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_inline": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_no_update": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_pattern": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_server_set_props": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
    "clientside_set_props": "clientside callbacks: the headless Client runs no JavaScript and raises ClientsideUnsupported",
}


# Apps whose concurrent callbacks (several MATCH instances started by one action) finish in whatever order the
# threads or requests do, on Dash as on propwire, so which frame a call is logged in is a race: their call logs are
# compared once, at the end, as multisets per callback; their pages are still compared after every step.
CALLS_AT_END: dict[str, str] = {
    "dt_missing_all_and_match_output": "every instance of a MATCH callback runs on one click",
    "dt_wild_add_filter": "a new dropdown's first call and the re-render of the old one race",
    "dt_wild_todo": "the MATCH instances of every item re-run when an item is added",
    "dt_wild_todo_content": "the MATCH instances of every item re-run when an item is added",
}
