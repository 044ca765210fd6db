"""Screenshots of `/` and `/pledges/` at desktop (1280) and phone (390) widths into docs/screenshots/.

Usage: DATABASE_URL=postgres://.../tracker_bench .venv/bin/python scripts/screenshots.py
(a database with pledges from `manage.py generate_pledges`). Serves the tracker
with gunicorn on port 8767, drives Debian's Chromium through Playwright.
"""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = 8767
PAGES = {"overview": "/", "pledges": "/pledges/?donor=de&category=air-defence"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> None:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "screenshots-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "tracker.wsgi", "-b", f"127.0.0.1:{PORT}", "--timeout", "120"],
        cwd=ROOT, env=env,
    )
    try:
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT)
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for width_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for page_name, path in PAGES.items():
                    page.goto(f"http://127.0.0.1:{PORT}{path}")
                    target = OUT / f"{page_name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(ROOT))
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
