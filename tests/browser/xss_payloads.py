"""XSS payloads for tests/browser/test_xss.py. Each holds `{J}`, replaced by JavaScript that records a hit on the
app's own window (`top.__pwxHit(n)`): code running anywhere else (a sandboxed, opaque-origin frame) cannot reach
it, which is the point of sandboxing."""

from __future__ import annotations

import base64
import json

# Values for URL-valued props. All of them would run script (or open a document) if a browser took them as is.
URLS = [
    "javascript:{J}", "JaVaScRiPt:{J}", "JAVASCRIPT:{J}", " javascript:{J}", "\tjavascript:{J}", "\njavascript:{J}",
    "java\tscript:{J}", "java\nscript:{J}", "java\rscript:{J}", "jav\ta\ns\rcript:{J}", "\x01javascript:{J}",
    "\x00javascript:{J}", "\x1fjavascript:{J}", "   \n\t javascript:{J}", "javascript:/*x*/{J}",
    "javascript://%0a{J}", "javascript:void({J})", "javascript:{J}//http://ok.example/",
    "jav&#x09;ascript:{J}", "javascript&colon;{J}", "&#106;avascript:{J}", "&#x6A;avascript:{J}",
    "javascript&#58;{J}", "java&tab;script:{J}", "java&newline;script:{J}", "\u2000javascript:{J}",
    "\ufeffjavascript:{J}", "\u0085javascript:{J}", "vbscript:{J}", "VBScript:{J}",
    "data:text/html,<script>{J}</script>", "DATA:text/html,<script>{J}</script>", " data:text/html,<script>{J}</script>",
    "data:text/html;base64,{B64}", "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='{J}'/>",
    "data:application/xhtml+xml,<html xmlns='http://www.w3.org/1999/xhtml'><script>{J}</script></html>",
    "data:text/javascript,{J}",
]

# Markup, for children strings, Markdown (with and without raw HTML) and iframe srcDoc.
HTML = [
    '<img src=x onerror="{J}">', "<img src=x onerror={J}>", "<IMG SRC=x OnErRoR={J}>", "<img/src=x/onerror={J}>",
    "<img src=x onerror=&#116;op.__pwxHit({N})>", "<svg onload={J}>", "<svg/onload={J}>", "<svg><script>{J}</script></svg>",
    "<script>{J}</script>", "<ScRiPt>{J}</ScRiPt>", "<script src='data:text/javascript,{J}'></script>",
    "<<script>{J}//<</script>", "<scr<script>ipt>{J}</script>", '"><img src=x onerror={J}>', "'><svg/onload={J}>",
    '<iframe srcdoc="<script>{J}</script>"></iframe>', '<iframe src="javascript:{J}"></iframe>',
    '<iframe src="data:text/html,<script>{J}</script>"></iframe>', "<body onload={J}>", "<details open ontoggle={J}>",
    "<video><source onerror={J}></video>", "<audio src=x onerror={J}>", "<input autofocus onfocus={J}>",
    "<select autofocus onfocus={J}></select>", "<textarea autofocus onfocus={J}></textarea>", "<marquee onstart={J}>m</marquee>",
    '<object data="javascript:{J}"></object>', '<object data="data:text/html,<script>{J}</script>"></object>',
    '<embed src="javascript:{J}">', '<a href="javascript:{J}">a</a>', '<a href="jav&#x09;ascript:{J}">a</a>',
    '<a href="&#106;avascript:{J}">a</a>', '<a href=" JaVaScRiPt:{J}">a</a>', '<a href="vbscript:{J}">a</a>',
    '<math><a xlink:href="javascript:{J}">a</a></math>', '<math href="javascript:{J}"><mi>x</mi></math>',
    '<svg><a xlink:href="javascript:{J}"><text y="20">a</text></a></svg>', '<svg><a href="javascript:{J}"><text>a</text></a></svg>',
    "<svg><animate onbegin={J} attributeName=x dur=1s>",
    '<svg><a><set attributeName="href" to="javascript:{J}"/><text y="20">a</text></a></svg>',
    '<svg><a><animate attributeName="href" values="javascript:{J}"/><text y="20">a</text></a></svg>',
    '<form action="javascript:{J}"><button>go</button></form>', '<form><button formaction="javascript:{J}">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:{J}">', '<base href="javascript:{J}//">',
    '<link rel="stylesheet" href="javascript:{J}">', "<style>@import 'javascript:{J}';</style>",
    '<div style="background:url(javascript:{J})">s</div>', '<div style="width:expression({J})">s</div>',
    '<noscript><p title="</noscript><img src=x onerror={J}>"></noscript>',
    '<svg></p><style><a id="</style><img src=1 onerror={J}>">', "<template><img src=x onerror={J}></template>",
    "<img srcset=x onerror={J}>", "<picture><source srcset=x><img src=x onerror={J}></picture>",
    "<image src=x onerror={J}>", "<svg><image href=x onerror={J} /></svg>", '<video poster="javascript:{J}"></video>',
    '<table background="javascript:{J}"><tr><td>t</td></tr></table>', "<svg><style><img src=x onerror={J}></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror={J}>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror={J}>",
    '<isindex action="javascript:{J}" type=image>', '<img src="x` `<script>{J}</script>"` `>',
    '<div onmouseover="{J}" style="position:fixed;inset:0">hover</div>', "<img src=x:x onerror={J}>",
]

# Markdown link and image forms of the URL payloads (a Markdown-only spelling).
MD_LINKS = ["[link]({U})", "![img]({U})", "<{U}>", '[ref][r]\n\n[r]: {U} "t"']


def fill(template: str, n: int) -> str:
    """A payload with its hit number in place."""
    js = f"top.__pwxHit({n})"
    b64 = base64.b64encode(f"<script>{js}</script>".encode()).decode()
    return template.replace("{J}", js).replace("{N}", str(n)).replace("{B64}", b64)


# Component JSON as a Store or database might hold it: each would be an element running script if rendered.
def component_dicts() -> list[dict]:
    """Templates: every "{J}" in them is filled per dict (see fill_json)."""
    js = "{J}"
    h = lambda t, **p: {"type": t, "namespace": "html", "props": p}  # noqa: E731
    return [
        h("Img", src="x", onError=js), h("Img", src="x", onerror=js), h("Iframe", srcDoc=f"<script>{js}</script>"),
        h("Iframe", srcDoc=f"<script>{js}</script>", sandbox="allow-scripts allow-same-origin"),
        h("Iframe", src=f"javascript:{js}"), h("ObjectEl", data=f"javascript:{js}"), h("Object", data=f"javascript:{js}"),
        h("Embed", src=f"javascript:{js}"), h("Script", children=js), h("Script", src=f"data:text/javascript,{js}"),
        h("Div", dangerouslySetInnerHTML={"__html": f"<img src=x onerror={js}>"}), h("Svg", onLoad=js),
        h("svg", children=h("script", children=js)), h("IMG", src="x", onError=js),
        h("Meta", httpEquiv="refresh", content=f"0;url=javascript:{js}"),
        h("Div", children=[h("Img", src="x", onError=js)]), h("Form", action=f"javascript:{js}"),
        h("Button", formAction=f"javascript:{js}"), h("Video", src="x", onError=js, poster=f"javascript:{js}"),
        {"type": "Img", "namespace": "dash_html_components", "props": {"src": "x", "onError": js}},
        {"type": "Markdown", "namespace": "dcc", "props": {"children": f"<img src=x onerror={js}>",
                                                           "dangerously_allow_html": True}},
        {"type": "Link", "namespace": "dcc", "props": {"href": f"javascript:{js}", "children": "l"}},
    ]


def fill_json(value: dict, n: int) -> dict:
    """A component-dict template with its hit number in place."""
    return json.loads(json.dumps(value).replace("{J}", f"top.__pwxHit({n})"))
