"""dash-mantine-components: a MantineProvider (Mantine needs it around every component, as on Dash), a Select
whose value is a callback Input, a Button whose `leftSection` holds a component a callback updates (a child in
a prop other than `children`), inside a Card. The same source runs on Dash (only the imports differ)."""

import dash_mantine_components as dmc

from propwire import Dash, Input, Output, State, callback

CITIES = {"Paris": ("FR", "Mild, light rain"), "Tokyo": ("JP", "Clear skies"), "Nairobi": ("KE", "Warm and sunny"),
          "Oslo": ("NO", "Cold, snow showers")}

app = Dash(__name__, title="Mantine demo")

app.layout = dmc.MantineProvider(dmc.Container([
    dmc.Title("dash-mantine-components", order=1, my="md"),
    dmc.Card([
        dmc.Text("Pick a city, then ask for its weather.", size="sm", c="dimmed", mb="sm"),
        dmc.Select(id="city", label="City", data=list(CITIES), value="Paris", allowDeselect=False, w=260),
        dmc.Group([
            dmc.Button("Show weather", id="show", n_clicks=0,
                       leftSection=dmc.Badge("FR", id="flag", variant="white", size="sm")),
            dmc.Text(id="clicks", size="sm"),
        ], mt="md"),
        dmc.Alert(id="weather", title="Weather", color="blue", mt="md", hide=True),
    ], withBorder=True, shadow="sm", radius="md", padding=20, w=420),
], size="sm"))


@callback(Output("flag", "children"), Input("city", "value"))
def flag(city):
    """The badge sits in the Button's leftSection prop: a callback reaches it by its id like any component."""
    return CITIES[city][0] if city in CITIES else "?"


@callback(Output("weather", "children"), Output("weather", "hide"), Output("clicks", "children"),
          Input("show", "n_clicks"), State("city", "value"), prevent_initial_call=True)
def weather(n_clicks, city):
    return f"{city}: {CITIES[city][1]}.", False, f"asked {n_clicks} time{'s' if n_clicks != 1 else ''}"


if __name__ == "__main__":
    app.run(debug=True)
