"""The page's HTML from an index string with Dash's `{%...%}` placeholders, split where the stream goes in.

A Dash app can replace its page's HTML (`Dash(index_string=...)`, `app.index_string = ...`, or a subclass's
`interpolate_index`) as long as it keeps the placeholders the renderer needs. propwire fills the same ones:

- `{%metas%}` the meta tags, `{%title%}` the title (escaped), `{%favicon%}` a link to assets/favicon.ico if there
  is one, `{%css%}` propwire's stylesheet and every stylesheet the app links;
- `{%app_entry%}` the element the layout renders into, `{%config%}` the layout and callback graph (JSON),
  `{%scripts%}` the app's scripts (external, appended and assets), `{%renderer%}` propwire's bundle.

The page is streamed: everything up to the last of `{%app_entry%}`, `{%config%}`, `{%scripts%}` and
`{%renderer%}` goes out at once, then one inline script per initial callback result as each finishes, then the
rest of the template (a footer the app put after them, `</body></html>`).

Example::

    check_index_string("<html><body>{%app_entry%}{%config%}{%scripts%}{%renderer%}</body></html>")  # fine
    before, after = split_page(interpolate(template, pieces), pieces)
"""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Iterable, Mapping
from typing import Any

from propwire.api.exceptions import InvalidIndexException

# Dash's default index, laid out on one line (the page is read by machines; a test can compare it whole).
DEFAULT_INDEX = ("<!DOCTYPE html><html><head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>"
                 "<body>{%app_entry%}{%config%}{%scripts%}{%renderer%}</body></html>")

# What the renderer cannot boot without, in the order it needs them: the root element and the config must be
# in the document before the bundle runs (it reads both at once); the app's scripts before the bundle too.
REQUIRED = ("app_entry", "config", "scripts", "renderer")
_PLACEHOLDER = re.compile(r"\{%(\w+)%\}")


def check_index_string(template: str) -> str:
    """The template if it has every required placeholder, with `{%renderer%}` after `{%app_entry%}` and
    `{%config%}`; else InvalidIndexException naming what is missing or misplaced."""
    if not isinstance(template, str):
        raise TypeError(f"index_string must be a str, got {type(template).__name__}")
    missing = [f"{{%{name}%}}" for name in REQUIRED if f"{{%{name}%}}" not in template]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise InvalidIndexException(f"Missing item{plural} {', '.join(missing)} in index string.")
    renderer = template.rindex("{%renderer%}")
    early = [f"{{%{name}%}}" for name in ("app_entry", "config") if template.index(f"{{%{name}%}}") > renderer]
    if early:
        raise InvalidIndexException(f"{{%renderer%}} must come after {' and '.join(early)} in the index string: "
                                    f"propwire's bundle reads them as soon as it runs")
    return template


def interpolate(template: str, pieces: Mapping[str, str]) -> str:
    """Each `{%name%}` replaced by its piece in one pass (a piece's own text is never read as a placeholder);
    unknown names stay as they are, as in Dash."""
    return _PLACEHOLDER.sub(lambda m: pieces.get(m[1], m[0]), template)


def split_page(page: str, pieces: Mapping[str, str]) -> tuple[str, str]:
    """The page cut after the last of the required pieces: what goes out before the streamed results and what
    after. A page (from an app's own `interpolate_index`) that lacks one is an InvalidIndexException."""
    ends, missing = [], []
    for name in REQUIRED:
        piece = pieces.get(name, "")
        if not piece:
            continue  # no scripts: nothing to find
        at = page.rfind(piece)
        if at < 0:
            missing.append(f"{{%{name}%}}")
        else:
            ends.append(at + len(piece))
    if missing:
        raise InvalidIndexException(f"Missing item{'s' if len(missing) > 1 else ''} {', '.join(missing)} in the "
                                    f"page interpolate_index returned.")
    cut = max(ends)
    return page[:cut], page[cut:]


def tag(name: str, attributes: Mapping[str, Any], close: bool = False) -> str:
    """An HTML tag with escaped attribute values: `<meta name="x" content="y">` (`close`: `<script ...></script>`)."""
    attrs = " ".join(f'{html_text.escape(str(k))}="{html_text.escape(str(v))}"' for k, v in attributes.items())
    return f"<{name} {attrs}>" + (f"</{name}>" if close else "")


def metas_html(metas: Iterable[Mapping[str, Any]]) -> str:
    """The meta tags, every value escaped."""
    return "".join(tag("meta", meta) for meta in metas)


def favicon_html(url: str | None) -> str:
    """Dash's favicon link, or nothing (the browser then asks for /favicon.ico, which answers 204)."""
    return tag("link", {"rel": "icon", "type": "image/x-icon", "href": url}) if url else ""
