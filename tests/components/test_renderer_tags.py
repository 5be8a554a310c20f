"""The renderer builds html elements only for the tags propwire's html module declares (renderer/src/components/
tags.ts): the two lists must agree, or a declared element would render as unknown (or a forged one as real)."""

from __future__ import annotations

import re
from pathlib import Path

from propwire.components import html

TAGS_TS = Path(__file__).resolve().parents[2] / "renderer" / "src" / "components" / "tags.ts"


def test_the_renderer_tag_list_is_the_html_module() -> None:
    listed = set(re.findall(r'^\s*"([a-z0-9]+)",$', TAGS_TS.read_text(), re.M))
    declared = {getattr(html, name)._type.lower() for name in html.__all__}
    assert listed == declared
    assert not {"svg", "base", "frameset", "math"} & listed
