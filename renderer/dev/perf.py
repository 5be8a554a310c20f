"""Time page load and one update on a page of N components: python3 dev/perf.py http://127.0.0.1:8071/ 5000"""
import sys
from playwright.sync_api import sync_playwright

url, n = sys.argv[1], int(sys.argv[2])
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page()
    page.goto(f"{url}?big={n}")
    page.wait_for_selector("body[data-pw-ready='1']")
    load = page.evaluate("performance.now()")
    # Count DOM mutations caused by one update: only the bumped row should change.
    page.evaluate("""() => { window.muts = 0; new MutationObserver(m => window.muts += m.length)
        .observe(document.getElementById('rows'), {subtree: true, childList: true, characterData: true, attributes: true}); }""")
    times = []
    for i in range(5):
        t = page.evaluate("""async (i) => {
            const target = document.getElementById('c%d');
            const t0 = performance.now();
            document.getElementById('bump').click();
            while (!target.textContent.includes('bumped ' + i)) await new Promise(r => setTimeout(r, 1));
            return performance.now() - t0; }""" % (n >> 1), i + 1)
        times.append(t)
    # Typing into one input of N: the time from keystroke to the next frame.
    page.focus("#in7")
    t0 = page.evaluate("performance.now()")
    page.keyboard.type("abcdefghij")
    t1 = page.evaluate("performance.now()")
    print(f"N={n} ready at {load:.0f} ms; click->update ms: {[round(t) for t in times]}; mutations: {page.evaluate('window.muts')}; 10 keystrokes: {t1 - t0:.0f} ms")
    browser.close()
