"""Drive the fixture page in Chromium: python3 dev/smoke.py http://127.0.0.1:8071/ [screenshot.png]"""
import sys
from playwright.sync_api import sync_playwright, expect

url = sys.argv[1]
shot = sys.argv[2] if len(sys.argv) > 2 else None
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page()
    logs = []
    page.on("console", lambda m: logs.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: logs.append(f"pageerror: {e}"))
    page.goto(url)
    page.wait_for_selector("body[data-pw-ready='1']", timeout=10000)
    expect(page.locator("#inp-out")).to_have_text("HELLO")
    expect(page.locator("#fast")).to_have_text("fast 0")
    expect(page.locator("#slow")).to_have_text("slow 0")
    expect(page.locator("#store-out")).to_contain_text("stored")
    expect(page.locator("#url-out")).to_have_text("at /")

    page.click("#btn")
    expect(page.locator("#out")).to_have_text("clicked 1")
    expect(page.locator("#fast")).to_have_text("fast 1")
    expect(page.locator("#slow")).to_have_text("slow 1")

    page.fill("#inp", "abc")
    expect(page.locator("#inp-out")).to_have_text("ABC")

    page.fill("#num", "7")
    expect(page.locator("#num-out")).to_have_text("number 3 submits 0")
    page.press("#num", "Enter")
    expect(page.locator("#num-out")).to_have_text("number 7 submits 1")
    page.fill("#num", "42")
    page.press("#num", "Enter")
    expect(page.locator("#num-out")).to_have_text("number null submits 2")

    page.click("#dd")
    page.get_by_text("SF", exact=True).click()
    expect(page.locator("#dd-out")).to_have_text('"SF" ["a"]')
    page.click("#ddm")
    page.get_by_text("Gamma", exact=True).click()
    expect(page.locator("#dd-out")).to_have_text('"SF" ["a","c"]')

    handle = page.locator("#sl [role=slider]")
    expect(handle).to_have_attribute("aria-valuenow", "5")
    handle.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#sl-out")).to_have_text("slider 6 range [20,80]")

    page.get_by_label("Pears").check()
    expect(page.locator("#cl-out")).to_have_text('["a","p"] 2')
    page.get_by_label("3").check()
    expect(page.locator("#cl-out")).to_have_text('["a","p"] 3')

    expect(page.locator("#md h1")).to_have_text("Title")
    expect(page.locator("#md")).to_contain_text("<b>raw html</b>")

    page.click("#add")
    page.click("#add")
    expect(page.locator("#dyn li")).to_have_count(2)
    expect(page.locator("#store-out")).to_have_text('stored {"items":2}')
    expect(page.locator('[id=\'{"index":1,"type":"item"}\']')).to_have_text("item 1")

    page.click("#lnk")
    expect(page.locator("#url-out")).to_have_text("at /page-2")
    assert page.url.endswith("/page-2")

    expect(page.locator("#tick-out")).to_have_text("ticks 3", timeout=5000)
    expect(page.locator("#weird")).to_contain_text("Unknown component type: fake.Widget")

    page.click("#boom")
    expect(page.locator("#_pw-error")).to_contain_text("boom <b>not html</b>")
    page.wait_for_selector("body:not([data-pw-busy])")
    if shot:
        page.screenshot(path=shot, full_page=True)

    # Stored data survives a reload, and the page's deferred callback picks it up.
    page.goto(url)
    page.wait_for_selector("body[data-pw-ready='1']")
    expect(page.locator("#store-out")).to_have_text('stored {"items":2}')
    browser.close()
    print("\n".join(logs))
    print("smoke OK")

# Streaming: with the page's slow initial callback (1 s), the fast one shows first.
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page()
    page.goto(url, wait_until="commit")
    expect(page.locator("#fast")).to_have_text("fast 0", timeout=3000)
    assert page.locator("#slow").inner_text() == "", "slow must not be there yet"
    assert page.evaluate("document.body.dataset.pwBusy") == "1"
    page.wait_for_selector("body[data-pw-ready='1']")
    expect(page.locator("#slow")).to_have_text("slow 0")
    browser.close()
    print("streaming OK")
