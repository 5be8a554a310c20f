from propwire import Dash, html

app = Dash(__name__)
app.layout = html.P("Hello")

if __name__ == "__main__":
    # http://127.0.0.1:8050 with errors shown in the page and a reload on every save
    app.run(debug=True, port=8050)
