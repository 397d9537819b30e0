#!/usr/bin/env python3
"""Opens one page in headless Chromium (network cut, as crawl.py does) and waits until every <video>
on it has loaded its metadata (readyState >= 1) or failed; prints, per video, readyState, duration,
currentSrc, poster and error code, with the requests that left the prefix, as JSON.

    video.py --chromium PATH --prefix URL URL
"""
import argparse, json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crawl import Browser, Page

STATE = """JSON.stringify(Array.from(document.querySelectorAll('video')).map(v => ({
  readyState: v.readyState, duration: isFinite(v.duration) ? v.duration : null, currentSrc: v.currentSrc,
  poster: v.poster, error: v.error ? v.error.code : null})))"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--prefix", required=True)
    parser.add_argument("url")
    args = parser.parse_args()
    browser = Browser(args.chromium)
    try:
        page = Page(browser)
        requests, _ = page.open(args.url)
        deadline = time.time() + 15
        videos = json.loads(page.evaluate(STATE) or "[]")
        while time.time() < deadline and any(v["readyState"] < 1 and v["error"] is None for v in videos):
            time.sleep(0.1)
            videos = json.loads(page.evaluate(STATE) or "[]")
        external = [r for r in requests if not r.startswith(args.prefix) and not r.startswith("data:")]
        for video in videos:
            video["external"] = external
    finally:
        browser.close()
    json.dump(videos, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
