from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerRange(id="stay", start_date="2024-05-17", end_date="2024-05-20", minimum_nights=1,
                        min_date_allowed="2024-05-01", clearable=True),
    html.P(id="nights"),
])


@app.callback(Output("nights", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
def nights(start, end):
    return f"{start} to {end}"


with Client(app).open() as client:
    assert client.text("nights") == "2024-05-17 to 2024-05-20"
    client.pick_dates("stay", "2024-05-22", "2024-05-25")  # two calendar clicks: start, then end
    assert client.text("nights") == "2024-05-22 to 2024-05-25"
    client.type_date("stay", "2024-05-28", end=True)  # typed into the end field, then Enter
    assert client.text("nights") == "2024-05-22 to 2024-05-28"
