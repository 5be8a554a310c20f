"""Open divergences from Dash 4.4.1: app name -> the reason, one line. Their Dash-vs-propwire tests are strict
xfails, so a fixed divergence fails until its line is removed. Only real, described divergences belong here."""

KNOWN: dict[str, str] = {

    "basic_slider_auto_marks": "dcc.Slider without marks: Dash 4.4.1 draws a label per step (0 1 … 10); propwire "
                               "draws none",
    "basic_dropdown_empty": "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing in Dash "
                            "4.4.1",
    "basic_dropdown_multi": "multi dcc.Dropdown: Dash 4.4.1 shows a count after the chosen labels ('One Three 2 "
                            "selected'); propwire shows the labels only",
    "seed_temperature": "issue 11 item 5: a callback returning None for dcc.Input.value leaves the old text in the "
                        "box on propwire (Dash clears it)",
    'dt_basic_dropdown_options': "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing on Dash 4.4.1",
    'dt_basic_multi_output_rapid': 'issue 11 item 6: after two rapid clicks (the first one slow) propwire calls the callback a second time with n_clicks=2 (Dash: [0], [1], [2])',
    'dt_basic_no_input': "issue 11 item 16: a callback without any Input is rejected at start-up on propwire ('a callback needs at least one Input'); Dash runs it on load",
    'dt_basic_no_input_duplicate': "issue 11 item 16: a callback without any Input is rejected at start-up on propwire ('a callback needs at least one Input'); Dash runs it on load",
    'dt_basic_no_input_no_output': "issue 11 item 16: a callback without any Input is rejected at start-up on propwire ('a callback needs at least one Input'); Dash runs it on load",
    'dt_basic_no_output': 'issue 11 item 14: a callback without any Output never runs on propwire (no_output_callback absent from the log at load and on clicks)',
    'dt_ctx_initial_predecessor': "issue 11 item 8: ctx.triggered on an initial call iterates empty on propwire; Dash holds one {'prop_id': '.', 'value': None}",
    'dt_ctx_triggered_buttons': "issue 11 item 8: ctx.triggered on an initial call iterates empty on propwire; Dash holds one {'prop_id': '.', 'value': None}",
    'dt_ctx_triggered_id_pattern': 'issue 11 item 1: an ALL Input over buttons never clicked: propwire does not run the callback on the first click (Dash runs it with [1, None], triggered_id the button)',
    'dt_ctx_triggered_initial': "issue 11 item 8: ctx.triggered on an initial call iterates empty on propwire; Dash holds one {'prop_id': '.', 'value': None}",
    'dt_initial_chain_content': "issue 11 item 13/S1: in inserted content, the prevent_initial_call source (a) stops b, e, f on propwire; Dash runs them at load (b='A', e='AD', f='AAD')",
    'dt_initial_chain_content_global': 'issue 11 item 15: ids only inserted later by a callback make propwire refuse to start without suppress_callback_exceptions; Dash starts',
    'dt_initial_chain_pattern': "issue 11 item 13/S1 with MATCH ids: the prevent_initial_call source stops b, e, f on propwire; Dash runs them at load (b='A', e='AD', f='AAD')",
    'dt_initial_chain_pattern_content': "issue 11 item 13/S1 with MATCH ids in inserted content: b, e, f do not run at load on propwire (Dash: 'A', 'AD', 'AAD')",
    'dt_initial_positional': "issue 11 item 22: prevent_initial_call given positionally is rejected ('a callback takes Output, Input and State objects, got True')",
    'dt_missing_all_and_match_output': "issue 11 item 17: a MATCH Output ({'i': ALL, 'j': MATCH}) with only a plain Input is rejected at start-up ('an Input must use MATCH too'); Dash accepts it",
    'dt_missing_all_inputs': "issue 11 item 7: a callback with one Input from a skipped callback's output and one present Input (out3) does not run at load on propwire; Dash runs it once",
    'dt_missing_all_output_combined': "issue 11 item 21: a callback with ALL outputs over no items plus a plain Output does not run at load on propwire (Dash: output '0')",
    'dt_missing_all_output_split': 'issue 11 item 21: the ALL-Input sum over an empty list does not run at load on propwire (Dash shows 0); and propwire calls the ALL-Output writer with no outputs',
    'dt_missing_all_wildcards_some_outputs': "issue 11 item 19: an ALL-only callback with one Output absent runs at load on propwire (out3='no items - 3'); Dash waits",
    'dt_missing_match_all_missing': 'issue 11 item 7 with MATCH ids: out3 (one Input from a skipped callback, one present) does not run at load on propwire',
    'dt_missing_multi_all': 'issue 11 item 21: the total over two ALL Inputs (both empty at first) misses its first initial call ([], []) on propwire',
    'dt_missing_some_inputs': "issue 11 item 19: with Input 'a' absent and 'title' present propwire calls out1 with None at load (and out2 after it); Dash runs neither",
    'dt_missing_wildcard_and_simple': "issue 11 item 19: with plain Input 'a' absent propwire calls out1([], None) at load (and out2); Dash runs neither",
    'dt_multi_chain_sliders': 'issue 11 item 20: an initial call that raises PreventUpdate must skip the initial calls of the callbacks its outputs alone feed; propwire runs them (the slider labels)',
    'dt_multi_chain_sliders_multi': 'issue 11 item 20: an initial call that raises PreventUpdate must skip the initial calls of the callbacks its outputs alone feed; propwire runs them (the slider labels, one two-output setter)',
    'dt_multi_converging': "a dcc.Slider without a value renders nothing on propwire (Dash: its marks and a handle at min); issue 11 item 20: the initial PreventUpdate of update_sliders must skip update_graph (propwire shows 'x=None, y=None'); and issue 11 item 8 (ctx.triggered empty on the initial call)",
    'dt_multi_shared_grandparent': "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing on Dash 4.4.1",
    'dt_multi_store_timestamp': 'issue 11 item 23: Store.modified_timestamp is not set when a callback writes the store during page load, so its reader misses the initial write (Dash shows 0)',
    'dt_setprops_chain_optional': 'issue 11 item 18: Input(..., allow_optional=True) raises TypeError on propwire',
    'dt_setprops_inserts_chain': 'issue 11 item 14: a callback without any Output never runs on propwire: set_props inserting a button never happens, so its callback has nothing to click',
    'dt_setprops_no_output': "issue 11 item 14: a callback without any Output never runs on propwire: a click leaves secondary-output empty (Dash: set_props writes 'no-output')",
    'dt_setprops_twice_same': 'issue 11 item 14: a callback without any Output never runs on propwire: its two set_props at load (children, title) never land',
    'dt_setprops_wildcard_id': 'issue 11 item 14: a callback without any Output never runs on propwire: set_props to a dict id from such a callback never happens',
    'dt_valid_positional_id': "issue 11 item 22: html.Button('B', 'btn') (the id as second positional argument) raises PropError on propwire",
    'dt_wild_add_filter': "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing on Dash 4.4.1",
    'dt_wild_fibonacci': 'issue 11 item 17: a MATCH Output with an ALLSMALLER-only Input is rejected at start-up; Dash accepts it',
    'dt_wild_grouping': 'issue 11 item 22: dict groupings given positionally to app.callback are rejected at start-up',
    'dt_wild_layout_chunk_triggered': "issue 11 item 8: on the initial call propwire's ctx.triggered has no '.' placeholder ('prop_ids ' vs Dash's 'prop_ids .')",
    'dt_wild_match_input_fixed_output': 'issue 11 item 17: a MATCH Input with a plain-id Output is rejected at start-up; Dash accepts it',
    'dt_wild_match_input_no_output': 'issue 11 item 14: a callback without any Output never runs on propwire (a MATCH Input acting through set_props)',
    'dt_wild_running_match': "running= with a MATCH output: after the click the button keeps 'Test1' on propwire (Dash shows the 'finished' off-value)",
    'dt_wild_subtree_order': "picking 'option2-2' in a Dropdown whose options are plain strings leaves its value None on propwire (the ALL reader is not called)",
    'dt_wild_todo': "issue 11 item 8: ctx.triggered on an initial call iterates empty on propwire; Dash holds one {'prop_id': '.', 'value': None}; and dcc.Input.n_submit starts at 0 on propwire, None on Dash",
    'dt_wild_todo_content': "issue 11 item 8: ctx.triggered on an initial call iterates empty on propwire; Dash holds one {'prop_id': '.', 'value': None}; and dcc.Input.n_submit starts at 0 on propwire, None on Dash",
    "pattern_all_add_filter": "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing on "
                              "Dash (the callbacks and their values agree)",
    "pattern_match_add_filter": "issue 11 item 10: an empty dcc.Dropdown shows 'Select...' on propwire, nothing on "
                                "Dash (the callbacks and their values agree)",
}

# Apps where propwire's headless client does not yet see what propwire's renderer shows in Chromium (the
# conformance contract, README.md): app name -> the reason. Strict xfails, like KNOWN.
HEADLESS: dict[str, str] = {
}
