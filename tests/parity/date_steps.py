"""The date picker steps in Chromium (dcc.DatePickerSingle, dcc.DatePickerRange), on Dash 4.4.1's DOM and
propwire's, which share it: the (start) <input> carries the picker's id, a Range's end <input> `${id}-end-date`
(or its end_date_id), the clear x is `.dash-datepicker-clear` inside `${id}-wrapper`.

`("type_date", id, text)` fills the (start) field with `text` and presses Enter (the field reads it by
display_format); `("type_end_date", id, text)` a Range's end field; `("clear_date", id)` clicks the clear x.
Headless: `Client.type_date` (`end=True` for the end field), `Client.clear_date`.
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


async def type_end_date(driver: Any, range_id: Any, text: str) -> None:
    from .drivers import id_key

    comp = await driver.component(range_id)
    end_id = comp["props"].get("end_date_id") or id_key(range_id) + "-end-date"
    field = driver.page.locator(f"[id={json.dumps(end_id)}]")
    await field.fill(text, timeout=driver.timeout * 1000)
    await field.press("Enter", timeout=driver.timeout * 1000)
    await field.press("Escape", timeout=driver.timeout * 1000)


async def clear_date(driver: Any, picker_id: Any) -> None:
    from .drivers import id_key

    await driver.component(picker_id)
    wrapper = json.dumps(id_key(picker_id) + "-wrapper")
    await driver.page.locator(f"[id={wrapper}] .dash-datepicker-clear").click(timeout=driver.timeout * 1000)
DATE_VERBS = {"type_date": (2, {"wait"}), "type_end_date": (2, {"wait"}), "clear_date": (1, {"wait"})}
