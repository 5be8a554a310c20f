import socket
import subprocess
import tempfile

import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker

from propwire import CeleryManager, Dash, Input, Output, html
from propwire.testing import Client

# A throwaway redis-server for the example. In production: your Redis, and M workers started with
# `celery -A myapp:celery_app worker` on any machines (docs/background.md#celery).
with socket.socket() as sock:
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                           "--appendonly", "no", "--dir", tempfile.mkdtemp()], stdout=subprocess.DEVNULL)
url = f"redis://127.0.0.1:{port}/0"

celery_app = Celery(__name__, broker=url, backend=url)
manager = CeleryManager(celery_app)  # each background callback becomes a task of celery_app
app = Dash(__name__, background_callback_manager=manager)
app.layout = html.Div([html.Button("Run", id="go"), html.P(id="bar"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True,
              progress=Output("bar", "children"), prevent_initial_call=True)
def report(set_progress, n_clicks):
    for i in range(3):
        set_progress(f"{i + 1}/3")  # straight to the page, over the event's open stream: nothing polls
    return "report ready"


try:
    client = redis.Redis.from_url(url)
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            continue
    # a worker in a thread of this process, for the example (its pool: solo)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING"):
        with Client(app).open() as page:
            page.click("go")
            assert page.text("bar") == "3/3" and page.text("out") == "report ready"
finally:
    server.kill()
    server.wait()
