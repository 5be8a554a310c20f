"""The demo's own pages and chrome (examples/demo.py loads this file): the header every page gets, the frame put
around each example's layout (its title, one line on what it shows, a way back and on), the index, and the docs
pages (docs/*.md shown with dcc.Markdown at /docs/<name>.md). The examples themselves are not edited: their
layouts are wrapped from here, so each still runs on its own, and on Dash, as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from propwire import Dash, Input, Output, dcc, html

HERE = Path(__file__).parent
DOCS = HERE.parent / "docs"
STYLESHEET = "/_demo/demo.css"  # examples/demo.css, served by the demo beside the apps
# What makes propwire worth choosing, a sentence each, with the page of the docs that says how.
FEATURES = (
    ("One round trip per action",
     "A click sends one request, however long the chain of callbacks it starts; the server streams each "
     "callback's outputs back as it finishes, so a chain of ten costs one round trip, not ten.",
     "/docs/protocol.md", "the protocol"),
    ("Headless testing",
     "propwire.testing drives an app like a user (clicks, typing, uploads) in milliseconds without a browser, "
     "and the same test body runs in Chromium when you want the real thing.",
     "/docs/testing.md", "testing"),
    ("Stateless workers",
     "The server keeps nothing between requests, so any worker answers any request: scale out on plain uvicorn "
     "workers behind any load balancer, with no sticky sessions.",
     "/docs/deploy.md", "deploying"),
)


def header(back: bool) -> html.Header:
    """The bar at the top of every page: the name (home), the main links, and on an example page the way back."""
    links = [html.A("Examples", href="/"), html.A("Speed", href="/showcase/speed/"),
             html.A("Docs", href="/docs/README.md")]
    return html.Header([
        html.A([html.Span("◆", className="demo-logo"), "propwire"], href="/", className="demo-brand"),
        html.Nav(links, className="demo-links"),
        *([html.A("← All examples", href="/", className="demo-back")] if back else []),
    ], className="demo-header")


def pager(before: tuple[str, str] | None, after: tuple[str, str] | None) -> html.Nav:
    """Links to the previous and the next example: (href, title) each, or None at either end."""
    return html.Nav([
        html.A(["← ", before[1]], href=before[0], className="demo-prev") if before else html.Span(),
        html.A("All examples", href="/", className="demo-all"),
        html.A([after[1], " →"], href=after[0], className="demo-next") if after else html.Span(),
    ], className="demo-pager")


def frame(app: Dash, title: str, blurb: str, before: tuple[str, str] | None = None,
          after: tuple[str, str] | None = None) -> None:
    """Put the demo's chrome around an example app's layout (a component, a list or a function: the example's own
    layout stays as it is inside), give its tab a title, and link the demo's stylesheet."""
    inner = app.layout

    def framed(body: Any) -> html.Div:
        return html.Div([header(back=True), html.Main([
            html.H1(title, className="demo-title"), html.P(blurb, className="demo-lede"),
            html.Div(body, className="demo-example"), pager(before, after)])], className="demo-page")

    app.layout = (lambda: framed(inner())) if callable(inner) else framed(inner)
    if not app.use_pages:  # Dash Pages give each page its own title; the app's title is theirs to fall back on
        app.title = f"{title} · propwire demo"
    app.config.external_stylesheets = [*on_site(app.config.external_stylesheets), STYLESHEET]


def on_site(sheets: list[Any]) -> list[Any]:
    """An example's stylesheets without those from other sites: the demo runs offline, and the seed examples'
    codepen sheet (Dash's old one, which they link as Dash's page does) would only fail to load; none of its
    classes is used by them, and the demo's own stylesheet styles the page."""
    def url(sheet: Any) -> str:
        return str(sheet.get("href", "") if isinstance(sheet, dict) else sheet)

    return [s for s in sheets if not url(s).startswith(("http://", "https://", "//"))]


def card(href: str, title: str, blurb: str) -> html.A:
    """An example's card on the index: the whole card is the link."""
    return html.A([html.Strong(title, className="demo-card-title"), html.Span(blurb, className="demo-card-text")],
                  href=href, className="demo-card")


def hero() -> list[Any]:
    """The top of the index: what propwire is, and the three reasons to choose it."""
    return [
        html.Div([
            html.H1("Dash's API. One round trip per click."),
            html.P(["propwire runs Dash apps: a Dash 4.4.1 app runs after changing only its imports, and every "
                    "example below is one. Underneath, the browser sends one request per user action and the "
                    "server keeps no session state. ", html.A("How much faster than Dash →", href="/showcase/speed/")],
                   className="demo-lede"),
        ], className="demo-hero"),
        html.Div([html.Div([html.H3(name), html.P(text), html.A(f"Read about {what} →", href=href)],
                           className="demo-feature") for name, text, href, what in FEATURES],
                 className="demo-features"),
    ]


def index_app(sections: list[Any]) -> Dash:
    """The demo's home page: the hero, then each section of examples (demo.py builds them)."""
    index = Dash(__name__, title="propwire demo", external_stylesheets=[STYLESHEET])
    index.layout = html.Div([header(back=False), html.Main([*hero(), *sections])], className="demo-page")
    index.engine
    return index


def doc_names() -> set[str]:
    """The docs pages the demo shows: docs/*.md, by file name."""
    return {path.name for path in DOCS.glob("*.md")}


def docs_app() -> Dash:
    """docs/*.md at /docs/<name>.md, rendered by dcc.Markdown; their links to each other stay relative, so they
    work here as on GitHub. Only the files of docs/ are shown, by name: a path cannot reach outside it."""
    app = Dash(__name__, title="propwire docs")
    app.layout = html.Div([dcc.Location(id="doc-url"), dcc.Markdown(id="doc-text", className="demo-doc")])
    frame_docs(app)

    @app.callback(Output("doc-text", "children"), Input("doc-url", "pathname"))
    def show(pathname: str | None) -> str:
        name = (pathname or "").rstrip("/").rsplit("/", 1)[-1] or "README.md"
        if name not in doc_names():
            return f"There is no page `{name}` in docs/. [The list of pages](README.md)."
        return (DOCS / name).read_text(encoding="utf-8")

    app.engine
    return app


def frame_docs(app: Dash) -> None:
    """The docs pages get the header and the stylesheet, not the example frame."""
    inner = app.layout
    app.layout = html.Div([header(back=True), html.Main(inner)], className="demo-page")
    app.config.external_stylesheets = [STYLESHEET]


def first_line(doc: str | None) -> str:
    """An example's one-line explanation from its module docstring: its first sentence."""
    text = " ".join((doc or "").replace("`", "").split())
    return text.split(". ")[0].rstrip(".") + "." if text else ""
