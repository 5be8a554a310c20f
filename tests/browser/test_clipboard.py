"""dcc.Clipboard in Chromium: a click copies the target's text, or the content a callback on n_clicks set."""

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html


def test_clipboard_copies_target_text_and_callback_content(open_app):
    app = Dash(__name__)
    app.layout = html.Div([
        html.Pre("print('hi')", id="code"),
        dcc.Clipboard(id="copy-code", target_id="code", title="Copy code"),
        dcc.Clipboard(id="copy"),
        html.Div(id="out"),
    ])

    @app.callback(Output("copy", "content"), Output("out", "children"), Input("copy", "n_clicks"),
                  prevent_initial_call=True)
    def content(n):
        return f"copied {n} times", str(n)

    page = open_app(app)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    expect(page.locator("#copy-code")).to_have_attribute("title", "Copy code")
    page.locator("#copy-code").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === \"print('hi')\"")
    page.locator("#copy").click()
    expect(page.locator("#out")).to_have_text("1")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'copied 1 times'")
