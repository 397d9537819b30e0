#!/usr/bin/env python3
"""Opens pages of a built site in headless Chromium and reports what went wrong, as JSON on stdout.

Chromium is driven over --remote-debugging-pipe (file descriptors 3 and 4, NUL-separated JSON):
no port, no websocket, nothing but the standard library. Every request is watched (Network domain):
a request outside the site's prefix is "external", a failed one or an HTTP status >= 400 "failed";
console errors and uncaught exceptions are "console". The network is cut: a dead proxy for every
host but loopback, and outside names resolve nowhere.

    crawl.py --chromium PATH --prefix URL [--crawl] [--probe] URL...

--crawl follows every <a href> inside the prefix (HTML pages are opened, other files are checked
to exist); --probe also returns, per start URL, the search page's data-state/data-count and the
result titles.
"""
import argparse, json, os, subprocess, sys, tempfile, time, urllib.parse, urllib.request

class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.TemporaryDirectory(prefix="dangjian-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        def wire():
            # Through spare numbers first: a pipe may already be 3 or 4, and dup2 onto itself
            # would leave it close-on-exec.
            inbound, outbound = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(inbound, 3)
            os.dup2(outbound, 4)
        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile.name, "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-features=Translate,OptimizationHints,MediaRouter",
             "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             "about:blank"],
            preexec_fn=wire, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=None if os.environ.get("CRAWL_DEBUG") else subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            import select
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_child], [], [], left)
            if ready:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=30):
        wanted = self.send(method, params, session)
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.read(deadline - time.time())
            if message is None:
                break
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
        raise TimeoutError(method)

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.profile.cleanup()


class Page:
    def __init__(self, browser):
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(domain + ".enable")
        self.call("Network.setCacheDisabled", {"cacheDisabled": True})
        # Called with (method, params) for every other event of the page while it loads (xss.py).
        self.watch = None

    def call(self, method, params=None):
        return self.browser.call(method, params, self.session)

    def open(self, url, settle=0.15, timeout=15):
        """Navigates and waits for the load event and then for no request in flight for `settle` s."""
        self.browser.events.clear()
        self.call("Page.navigate", {"url": url})
        requests, problems, loaded, inflight, quiet_since = {}, [], False, set(), None
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.browser.read(0.05)
            if message is None:
                if loaded and not inflight:
                    quiet_since = quiet_since or time.time()
                    if time.time() - quiet_since >= settle:
                        break
                continue
            quiet_since = None
            if message.get("sessionId") != self.session:
                continue
            method, params = message.get("method"), message.get("params", {})
            if method == "Page.loadEventFired":
                loaded = True
            elif method == "Network.requestWillBeSent":
                requests[params["requestId"]] = params["request"]["url"]
                inflight.add(params["requestId"])
            elif method == "Network.responseReceived":
                status = params["response"].get("status", 0)
                if status >= 400:
                    problems.append(("failed", params["response"]["url"], f"HTTP {status}"))
            elif method == "Network.loadingFinished":
                inflight.discard(params["requestId"])
            elif method == "Network.loadingFailed":
                inflight.discard(params["requestId"])
                # A <video preload="metadata"> stops its own request once it has the metadata: not a failure.
                if params.get("type") == "Media" and params.get("canceled"):
                    continue
                problems.append(("failed", requests.get(params["requestId"], "?"), params.get("errorText", "")))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                problems.append(("console", url, details.get("exception", {}).get("description") or details.get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                problems.append(("console", url, " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                problems.append(("console", url, params["entry"].get("text", "") + " " + params["entry"].get("url", "")))
            elif self.watch:
                self.watch(method, params)
        return sorted(set(requests.values())), problems

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")


LINKS = "Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
PROBE = """JSON.stringify({state: (document.getElementById('search')||{}).getAttribute?.('data-state'),
  count: Number((document.getElementById('search')||{}).getAttribute?.('data-count')),
  titles: Array.from(document.querySelectorAll('.search-result h2')).map(h => h.textContent),
  marks: document.querySelectorAll('.search-result mark').length,
  status: (document.getElementById('search-status')||{}).textContent,
  styled: getComputedStyle(document.body).display === 'flex',
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)})"""


def exists(url):
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file":
        path = urllib.parse.unquote(parsed.path)
        return os.path.isfile(path)
    try:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=10) as response:
            return response.status < 400
    except Exception:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--crawl", action="store_true")
    parser.add_argument("--probe", action="store_true")
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    report = {"visited": [], "checked": 0, "broken": [], "external": [], "failed": [], "console": [], "probes": {}}
    browser = Browser(args.chromium)
    try:
        page = Page(browser)
        queue, seen = list(args.urls), set(args.urls)
        while queue:
            url = queue.pop(0)
            requests, problems = page.open(url)
            report["visited"].append(url)
            for request in requests:
                if not request.startswith(args.prefix) and not request.startswith("data:"):
                    report["external"].append({"page": url, "url": request})
            for kind, target, detail in problems:
                report[kind].append({"page": url, "url": target, "detail": detail})
            if args.probe and url in args.urls:
                report["probes"][url] = json.loads(page.evaluate(PROBE))
            if not args.crawl:
                continue
            for link in page.evaluate(LINKS) or []:
                target = link.split("#")[0]
                if not target.startswith(args.prefix) or target in seen:
                    if not link.startswith(args.prefix) and not link.startswith(("mailto:", "tel:", "javascript:")):
                        report["external"].append({"page": url, "url": link})
                    continue
                seen.add(target)
                report["checked"] += 1
                path = urllib.parse.urlparse(target).path
                if path.endswith("/"):
                    report["broken"].append({"page": url, "url": target, "detail": "folder, not a file"})
                elif path.endswith(".html"):
                    queue.append(target)
                elif not exists(target):
                    report["broken"].append({"page": url, "url": target, "detail": "missing"})
    finally:
        browser.close()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
