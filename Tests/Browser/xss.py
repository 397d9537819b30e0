#!/usr/bin/env python3
"""Opens pages of a built site in headless Chromium and reports, as JSON on stdout, every sign that
text written by the site's authors became live markup or script.

Before any script of a page runs (Page.addScriptToEvaluateOnNewDocument, in every frame),
window.alert, confirm, prompt and print are replaced by hooks that record each call through a
DevTools binding; a real dialog that opens anyway is recorded and dismissed. Once a page has loaded
(a search page: once its results are drawn, every "more" clicked), the DOM is checked: no on*
attribute but those the theme writes (--allow-on), no javascript:/vbscript:/data: address in a
link-like attribute, no frame, object, embed, <base> to another origin, refresh, srcdoc, script
expression in a style, or inline script that calls a dialog. Network, console and failure problems
are collected as crawl.py does (the network is cut the same way).

    xss.py --chromium PATH --prefix URL [--allow-on 'onclick=window.print()']... [--url-list FILE] URL...

Per page it also returns the resolved addresses of its links, stylesheets, scripts and form, its
<base> and whether the theme's stylesheet applied, for checks of the 404 page.
"""
import argparse, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crawl import Browser, Page  # noqa: E402

HOOK = """(function () {
  function record(kind, args) {
    var message = args.length ? String(args[0]) : "";
    try { window.dangjianXSS(JSON.stringify({kind: kind, message: message, frame: String(location.href)})); } catch (e) {}
    try { (window.top.dangjianCalls = window.top.dangjianCalls || []).push(kind + ":" + message); } catch (e) {}
  }
  ["alert", "confirm", "prompt", "print"].forEach(function (name) {
    var hook = function () { record(name, arguments); return name === "confirm" ? false : null; };
    try { Object.defineProperty(window, name, {value: hook, writable: false, configurable: false}); }
    catch (e) { window[name] = hook; }
  });
})();"""

CHECK = r"""(function (allowedOn) {
  var found = [], urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "cite", "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "manifest", "icon", "from", "to", "values"];
  var liveScheme = /^(javascript|vbscript|livescript|mocha|data):/i;
  var invisible = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
  var liveStyle = /expression\s*\(|javascript\s*:|vbscript\s*:|behaviou?r\s*:|-moz-binding|@import|url\s*\(\s*['"]?\s*(javascript|vbscript|data)/i;
  var dialog = /\b(alert|confirm|prompt)\s*[(`]|\bprint\s*\(\s*\d/;
  function describe(element) {
    var html = element.outerHTML || "";
    return element.tagName.toLowerCase() + ": " + html.slice(0, 160);
  }
  function withoutStrings(css) { return css.replace(/"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'/g, '""'); }
  function report(element, why) { found.push(why + " — " + describe(element)); }
  function sameOrigin(address) {
    try { var url = new URL(address, location.href); return /^https?:$/.test(location.protocol) && url.origin === location.origin; }
    catch (e) { return false; }
  }
  Array.prototype.forEach.call(document.querySelectorAll("*"), function (element) {
    var tag = element.tagName.toLowerCase();
    if (["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"].indexOf(tag) >= 0) report(element, "embedded frame or object");
    if (tag === "base" && !sameOrigin(element.getAttribute("href") || "")) report(element, "<base> to another origin");
    if (tag === "meta" && /refresh/i.test(element.getAttribute("http-equiv") || "")) report(element, "meta refresh");
    if (tag === "link" && /import|preload|prefetch/i.test(element.getAttribute("rel") || "")) report(element, "link rel");
    if (tag === "script" && dialog.test(element.textContent)) report(element, "script calling a dialog");
    Array.prototype.forEach.call(element.attributes, function (attribute) {
      var name = attribute.name.toLowerCase(), value = attribute.value;
      if (name.indexOf("on") === 0 && allowedOn.indexOf(name + "=" + value) < 0) report(element, "event attribute " + name);
      if (name === "srcdoc") report(element, "srcdoc");
      if (name === "style" && liveStyle.test(withoutStrings(value))) report(element, "script in a style attribute");
      if ((urlAttributes.indexOf(name) >= 0 || /(^|:)href$/.test(name)) && liveScheme.test(value.replace(invisible, ""))) {
        report(element, "live address in " + name);
      }
      if (name === "attributename" && /href|^on/i.test(value)) report(element, "animated " + value);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a[href], area[href]"), function (link) {
    if (/^(javascript|vbscript|data):$/i.test(link.protocol)) report(link, "link to " + link.protocol);
  });
  Array.prototype.forEach.call(document.forms, function (form) {
    if (/^(javascript|vbscript|data):/i.test(form.action)) report(form, "form to " + form.action);
  });
  /* Style sheets as the browser parsed them: text inside CSS strings (`content: "…"`) is only text. */
  Array.prototype.forEach.call(document.styleSheets, function (sheet) {
    var rules;
    try { rules = sheet.cssRules; } catch (e) { return; }
    Array.prototype.forEach.call(rules, function (rule) {
      if (rule.type === CSSRule.IMPORT_RULE) report(sheet.ownerNode, "@import");
      else if (liveStyle.test(withoutStrings(rule.cssText))) report(sheet.ownerNode, "script in a style sheet: " + rule.cssText.slice(0, 120));
    });
  });
  function addresses(selector, property) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (element) { return element[property]; });
  }
  var base = document.querySelector("base");
  return JSON.stringify({
    violations: found,
    calls: window.dangjianCalls || [],
    links: addresses("a[href]", "href"),
    resources: addresses("link[href]", "href").concat(addresses("script[src]", "src"), addresses("img[src]", "src")),
    forms: addresses("form", "action"),
    base: base ? base.href : null,
    styled: getComputedStyle(document.body).display === "flex" || document.body.classList.contains("print"),
    state: (document.getElementById("search") || {getAttribute: function () { return null; }}).getAttribute("data-state"),
    results: document.querySelectorAll(".search-result").length
  });
})(%s)"""

SEARCH_DONE = """(function () {
  var page = document.getElementById("search");
  if (!page || page.getAttribute("data-state") !== "done") return "waiting";
  var more = document.getElementById("search-more");
  if (more && !more.hidden) { more.click(); return "more"; }
  return "done";
})()"""


class Watcher:
    """Hook calls and dialogs, wherever they are seen: while a page loads or during a later call."""

    def __init__(self, browser, page):
        self.browser, self.page, self.calls, self.dialogs = browser, page, [], []

    def __call__(self, method, params):
        if method == "Runtime.bindingCalled" and params.get("name") == "dangjianXSS":
            self.calls.append(json.loads(params["payload"]))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append({"kind": params.get("type"), "message": params.get("message"), "frame": params.get("url")})
            self.browser.send("Page.handleJavaScriptDialog", {"accept": False}, self.page.session)

    def drain(self):
        events, self.browser.events = self.browser.events, []
        for event in events:
            if event.get("sessionId") == self.page.session:
                self(event.get("method"), event.get("params", {}))


def settle_search(page, watcher, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = page.evaluate(SEARCH_DONE)
        watcher.drain()
        if state == "done":
            return True
        time.sleep(0.05 if state == "waiting" else 0.2)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--allow-on", action="append", default=[])
    parser.add_argument("--settle", type=float, default=0.15, help="seconds without a request before a page counts as loaded")
    parser.add_argument("--url-list", help="a file of URLs, one a line, opened after those given")
    parser.add_argument("urls", nargs="*")
    args = parser.parse_args()
    if args.url_list:
        with open(args.url_list, encoding="utf-8") as listed:
            args.urls += [line for line in listed.read().split("\n") if line]
    report = {"visited": [], "calls": [], "dialogs": [], "violations": [], "external": [], "failed": [], "console": [], "pages": {}}
    browser = Browser(args.chromium)
    try:
        page = Page(browser)
        watcher = Watcher(browser, page)
        page.watch = watcher
        page.call("Runtime.addBinding", {"name": "dangjianXSS"})
        page.call("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
        for url in args.urls:
            watcher.calls, watcher.dialogs = [], []
            requests, problems = page.open(url, settle=args.settle)
            if "/search/" in url and "?" in url and not settle_search(page, watcher):
                report["failed"].append({"page": url, "url": url, "detail": "search never finished"})
            found = json.loads(page.evaluate(CHECK % json.dumps(args.allow_on)) or "{}")
            watcher.drain()
            report["visited"].append(url)
            report["pages"][url] = found
            for request in requests:
                if not request.startswith(args.prefix) and not request.startswith("data:"):
                    report["external"].append({"page": url, "url": request})
            for kind, target, detail in problems:
                report[kind].append({"page": url, "url": target, "detail": detail})
            for violation in found.get("violations", []):
                report["violations"].append({"page": url, "url": url, "detail": violation})
            seen = {(c["kind"], c["message"]) for c in watcher.calls}
            for call in found.get("calls", []):
                kind, _, message = call.partition(":")
                if (kind, message) not in seen:
                    watcher.calls.append({"kind": kind, "message": message, "frame": url})
            for call in watcher.calls:
                report["calls"].append({"page": url, "url": call["frame"], "detail": call["kind"] + "(" + call["message"] + ")"})
            for dialog in watcher.dialogs:
                report["dialogs"].append({"page": url, "url": dialog["frame"] or url, "detail": f"{dialog['kind']}({dialog['message']})"})
    finally:
        browser.close()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
