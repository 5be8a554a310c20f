"""dcc.Geolocation in Chromium: the position Playwright gives on mount and on update_now, and a refusal."""

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Geolocation(id="geo"),
        html.Button("Again", id="again"),
        html.Div(id="pos"),
        html.Div(id="err"),
        html.Div(id="stamp"),
    ])

    @app.callback(Output("pos", "children"), Output("err", "children"), Output("stamp", "children"),
                  Input("geo", "position"), Input("geo", "position_error"), Input("geo", "timestamp"),
                  Input("geo", "local_date"))
    def show(pos, err, stamp, local):
        where = "none" if pos is None else f"{pos['lat']} {pos['lon']} {pos['accuracy']} {pos['alt']} {pos['speed']}"
        why = "none" if err is None else f"{err['code']} {err['message']}"
        return where, why, "stamped" if isinstance(stamp, (int, float)) and local else "no time"

    @app.callback(Output("geo", "update_now"), Input("again", "n_clicks"), prevent_initial_call=True)
    def again(n):
        return True

    return app


def test_position_on_mount_and_on_update_now(open_app):
    page = open_app(_app())
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 48.85, "longitude": 2.35, "accuracy": 12})
    page.reload()  # mounted again, now with a position to read
    expect(page.locator("#pos")).to_have_text("48.85 2.35 12 None None")
    expect(page.locator("#err")).to_have_text("none")
    expect(page.locator("#stamp")).to_have_text("stamped")
    page.context.set_geolocation({"latitude": -33.9, "longitude": 151.2, "accuracy": 5})
    page.locator("#again").click()
    expect(page.locator("#pos")).to_have_text("-33.9 151.2 5 None None")
    # update_now went back to False, so a second click reads again
    page.context.set_geolocation({"latitude": 1.5, "longitude": 2.5, "accuracy": 1})
    page.locator("#again").click()
    expect(page.locator("#pos")).to_have_text("1.5 2.5 1 None None")


def test_refused_permission_sets_position_error(open_app):
    page = open_app(_app())
    page.context.clear_permissions()
    page.locator("#again").click()
    expect(page.locator("#err")).to_have_text("1 User denied Geolocation")
    expect(page.locator("#pos")).to_have_text("none")
