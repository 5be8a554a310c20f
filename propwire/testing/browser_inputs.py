"""`BrowserDriver`'s `search`: the headless Client's verb of the same name, played as a user typing into the
Dropdown's search field (react-select's input), so `search_value` comes from the renderer's own handler."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from propwire.testing.components import WrongComponent, kind_of, options_of, show_id, text_of
from propwire.testing.input_verbs import search_reset

__all__ = ["BrowserInputVerbs", "search_reset"]

T = TypeVar("T")


class BrowserInputVerbs:
    """BrowserDriver's search and type_slider verbs (BrowserDriver inherits them). Example::

        with BrowserDriver(app).open() as page:
            page.search("city", "Mo")   # typed into the open Dropdown's search field
            page.type_slider("level", "7")   # typed into the slider's number box, then left
    """

    page: Any
    timeout: float

    def _call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        raise NotImplementedError

    async def _comp(self, component_id: Any) -> dict:
        raise NotImplementedError

    async def _done(self, wait: bool) -> None:
        raise NotImplementedError

    def _locator(self, component_id: Any) -> Any:
        raise NotImplementedError

    def search(self, dropdown_id: Any, text: str, *, wait: bool = True) -> None:
        """Fill a dcc.Dropdown's search field with `text` (its menu opens): `search_value` becomes `text`."""
        async def go() -> None:
            comp = await self._comp(dropdown_id)
            if kind_of(comp) != "dcc.Dropdown":
                raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is a {kind_of(comp)}, "
                                     "not a dcc.Dropdown")
            props = comp["props"]
            if props.get("disabled") or props.get("searchable") is False:
                raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is disabled or not searchable")
            field = self._locator(dropdown_id).locator("input.pw-dropdown__input, .pw-dropdown__input input").first
            timeout = self.timeout * 1000
            await field.fill(text, timeout=timeout)  # one input event with the whole text, as Client.search
            await self._done(wait)

        self._call(go)

    def type_slider(self, slider_id: Any, text: str, *, box: int = -1, wait: bool = True) -> None:
        """Fill a slider's number box (0 the min box, -1 the last) with `text`, then leave it (Client.type_slider)."""
        async def go() -> None:
            comp = await self._comp(slider_id)
            if kind_of(comp) not in ("dcc.Slider", "dcc.RangeSlider"):
                raise WrongComponent(f"cannot type into {show_id(slider_id)}'s number box: it is a {kind_of(comp)}")
            boxes = self._locator(slider_id).locator("input.pw-slider-input")
            count = await boxes.count()
            if not count or comp["props"].get("disabled"):
                raise WrongComponent(f"cannot type into {show_id(slider_id)}: it draws no enabled number box")
            if not -count <= box < count:
                raise ValueError(f"{show_id(slider_id)} has {count} number box(es); box {box} is not one")
            field = boxes.nth(box % count)
            await field.fill(text, timeout=self.timeout * 1000)
            await field.blur()
            await self._done(wait)

        self._call(go)

    async def _pick_option(self, box: Any, comp: dict, index: int) -> None:
        """Click option `index` of a Dropdown in its menu, opening the menu unless a search left it open (its
        entries then are the options matching the search, so the option is found by its label)."""
        timeout = self.timeout * 1000
        options = self.page.locator(".pw-dropdown__menu .pw-dropdown__option")  # the menu is in a portal
        if not await self.page.locator(".pw-dropdown__menu").count():
            await box.locator(".pw-dropdown__control").click(timeout=timeout)
            await options.nth(index).click(timeout=timeout)
            return
        label = text_of(options_of(comp["props"])[index]["label"])
        exactly = re.compile(f"^\\s*{re.escape(label)}\\s*$")
        await options.filter(has_text=exactly).first.click(timeout=timeout)
