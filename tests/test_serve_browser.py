"""`svrules serve` in a real browser: Debian's Chromium, headless, driven by Selenium.

The test starts the server on a free loopback port, uploads a Word tender through the file
picker, fills the facts form, and checks the verdict and the highlighted findings; axe-core
(from the npm registry, `make axe`) checks WCAG 2.2 AA on both pages. Screenshots for the README
are written to docs/ when they are missing or SVRULES_UPDATE_SCREENSHOTS=1.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .word_tenders import LOCAL_A, LOCAL_B, word_tender

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SVRULES_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SVRULES_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = Path(os.environ.get("SVRULES_AXE", ROOT / ".venv/axe/node_modules/axe-core/axe.min.js"))
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytest.importorskip("starlette", reason="the serve extra is not installed")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
    pytest.skip(f"no {CHROMIUM} and {CHROMEDRIVER} (Debian packages chromium and "
                "chromium-driver; `make ci-deps` installs them)", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "svrules", "serve", "--port", str(port),
                             "--examples", str(ROOT / "examples")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(proc.stdout.read().decode(errors="replace"))
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--window-size=1280,1600",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")          # Selenium Manager: nothing fetched
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def _wait_text(driver, css: str, text: str) -> None:
    """Wait for the next page: its element CSS saying TEXT.

    The text is read by one script call rather than through an element handle: while the old
    page is being replaced, a handle can name a node that no longer belongs to the document,
    and Chromium then answers with a bare WebDriverException rather than a stale-element one.
    Any such answer during the navigation is retried until the deadline.
    """
    from selenium.common.exceptions import WebDriverException
    script = ("const e = document.querySelector(arguments[0]);"
              " return e === null ? null : e.innerText.trim();")
    WebDriverWait(driver, 120, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(script, css) == text)


def _axe(driver) -> list[dict]:
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE} (`make axe` installs it from npm)")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));", WCAG)
    return result


def _screenshot(driver, name: str, tmp_path: Path, viewport: bool = False) -> None:
    """The page (its top 2400 pixels), or with `viewport` what is in view now."""
    target = ROOT / "docs" / name
    if target.exists() and os.environ.get("SVRULES_UPDATE_SCREENSHOTS") != "1":
        target = tmp_path / name
    if viewport:
        driver.set_window_size(1280, 1000)
    else:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(900, height), 2400))
    driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000


def test_upload_fill_the_facts_and_read_the_findings(server, browser, tmp_path):
    tender = word_tender(tmp_path / "tender.docx", properties=False)
    browser.get(server)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Check a tender"
    assert _axe(browser) == []
    _screenshot(browser, "serve-upload.png", tmp_path)

    browser.find_element(By.ID, "files").send_keys(str(tender))
    browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    _wait_text(browser, "h1", "Results")
    assert browser.find_element(By.CSS_SELECTOR, ".verdict-word").text == "unknown"

    # the facts the text does not give
    browser.execute_script("document.getElementById('d1-fact-procurement_start').value = "
                           "'2026-05-11'")
    Select(browser.find_element(By.ID, "d1-fact-authority_kind")).select_by_value("sub_central")
    Select(browser.find_element(By.ID, "d1-fact-nature")).select_by_value("services")
    value = browser.find_element(By.ID, "d1-fact-value")
    value.clear()
    value.send_keys("4800000")
    Select(browser.find_element(By.ID, "d1-fact-vat")).select_by_value("exclusive")
    browser.find_element(By.CSS_SELECTOR, "form.facts button.primary").click()
    _wait_text(browser, ".verdict-word", "applies")

    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".document mark")]
    assert LOCAL_A in marks and LOCAL_B in marks
    beside = browser.find_elements(By.CSS_SELECTOR, ".document .row.has-findings .finding.error")
    assert any("LOCAL001" in b.text and "Fix:" in b.text for b in beside)
    assert "the web form" in browser.find_element(By.CSS_SELECTOR, ".verdict").get_attribute(
        "textContent")

    # the filters hide and show findings by severity
    box = browser.find_element(By.CSS_SELECTOR, "fieldset.filters input[value=error]")
    box.click()
    assert all(not e.is_displayed() for e in
               browser.find_elements(By.CSS_SELECTOR, "article.finding.error"))
    box.click()
    assert _axe(browser) == []
    _screenshot(browser, "serve-result.png", tmp_path)
    row = browser.find_elements(By.CSS_SELECTOR, ".document .row.has-findings")[1]
    browser.execute_script("arguments[0].scrollIntoView()", row)
    _screenshot(browser, "serve-passages.png", tmp_path, viewport=True)

    # several files dropped on the page at once (the drop handler fills the file input)
    browser.get(server)
    names = browser.execute_script(
        "const dt = new DataTransfer();"
        "dt.items.add(new File(['# First tender\\n\\n' + arguments[0]], 'first.md'));"
        "dt.items.add(new File(['# Second tender\\n\\nThe contract is for goods.'], 'second.txt'));"
        "const drop = document.getElementById('drop');"
        "drop.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));"
        "return Array.from(document.querySelectorAll('#chosen li')).map(li => li.textContent);",
        LOCAL_A)
    assert names == ["first.md", "second.txt"]
    browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    _wait_text(browser, "h1", "Results")
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.file > h2")] == \
        ["first.md", "second.txt"]
    assert LOCAL_A in [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#d1-document mark")]

    # explain, one click away
    browser.find_elements(By.LINK_TEXT, "Explain LOCAL001")[0].click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("LOCAL001")
    assert _axe(browser) == []
