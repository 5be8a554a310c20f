"""The date picker steps in Chromium (dcc.DatePickerSingle), on Dash 4.4.1's DOM and propwire's, which share it:
the <input> carries the picker's id, the clear x is `.dash-datepicker-clear` inside `${id}-wrapper`.

`("type_date", id, text)` fills the field with `text` and presses Enter (the field reads it by display_format);
`("clear_date", id)` clicks the clear x. Headless: `Client.type_date`, `Client.clear_date`.
"""

from __future__ import annotations

import json
from typing import Any


async def type_date(driver: Any, picker_id: Any, text: str) -> None:
    await driver.component(picker_id)
    field = driver.locator(picker_id)
    await field.fill(text, timeout=driver.timeout * 1000)
    await field.press("Enter", timeout=driver.timeout * 1000)
    await field.press("Escape", timeout=driver.timeout * 1000)  # the calendar the focus opened closes again


async def clear_date(driver: Any, picker_id: Any) -> None:
    from drivers import id_key

    await driver.component(picker_id)
    wrapper = json.dumps(id_key(picker_id) + "-wrapper")
    await driver.page.locator(f"[id={wrapper}] .dash-datepicker-clear").click(timeout=driver.timeout * 1000)
DATE_VERBS = {"type_date": (2, {"wait"}), "clear_date": (1, {"wait"})}
