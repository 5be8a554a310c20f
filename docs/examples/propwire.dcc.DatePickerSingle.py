import datetime

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerSingle(id="day", date=datetime.date(2024, 5, 17), min_date_allowed="2024-05-01",
                         max_date_allowed="2024-06-30", display_format="DD/MM/YYYY", clearable=True),
    html.P(id="picked"),
])


@app.callback(Output("picked", "children"), Input("day", "date"))
def picked(date):
    return f"picked {date}"  # always 'YYYY-MM-DD' once the user picks


with Client(app).open() as client:
    assert client.text("picked") == "picked 2024-05-17"
    client.pick_date("day", "2024-05-20")  # a click on that day in the calendar
    client.type_date("day", "03/06/2024")  # typed in display_format, then Enter
    assert client.text("picked") == "picked 2024-06-03"
    client.clear_date("day")
    assert client.text("picked") == "picked None"
