// The script the preview adds to every HTML page it serves (never to a built site):
// listens to the event stream, reloads when this page changed (keeping the scroll
// position), swaps stylesheets in place, and shows build errors over the page.

import Foundation

enum LiveReloadScript {
    static let path = "/__opsdocs/live.js"
    static let eventsPath = "/__opsdocs/events"
    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = #"""
(function () {
  "use strict";
  var KEY = "opsdocs-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    var y = Number(saved) || 0;
    window.scrollTo(0, y);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }
  function here() {
    try { return decodeURIComponent(location.pathname); } catch (e) { return location.pathname; }
  }
  function reload() {
    sessionStorage.setItem(KEY, String(window.scrollY));
    location.reload();
  }
  var OVERLAY = "opsdocs-build-errors";
  function hideErrors() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }
  function showErrors(messages) {
    hideErrors();
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#2b1114;color:#ffd7d5;border-top:4px solid #e5534b;padding:12px 16px;" +
      "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    var title = document.createElement("div");
    title.style.cssText = "font-weight:bold;margin-bottom:6px;color:#fff";
    // (in the page's language when the theme loads strings.js; English otherwise)
    var label = window.opsdocsLabel || function (key, values, english) { return english; };
    title.textContent = label("buildFailed", {}, "opsdocs: the last change did not build — still showing the last good version");
    box.appendChild(title);
    messages.forEach(function (m) {
      var line = document.createElement("pre");
      // The site's own <pre> style must not apply: light text on the dark box, always.
      line.style.cssText = "margin:0;padding:0;border:0;background:transparent;color:#ffd7d5;font:inherit;" +
        "white-space:pre-wrap;word-break:break-word";
      line.textContent = m;
      box.appendChild(line);
    });
    var close = document.createElement("button");
    close.textContent = "×";
    close.setAttribute("aria-label", label("hide", {}, "Hide"));
    close.style.cssText = "position:absolute;top:6px;right:10px;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.onclick = hideErrors;
    box.appendChild(close);
    document.body.appendChild(box);
  }
  var source = new EventSource("/__opsdocs/events");
  source.addEventListener("reload", function (e) {
    var data = JSON.parse(e.data);
    if (data.all || data.paths.indexOf(here()) >= 0) reload();
  });
  source.addEventListener("css", function (e) {
    var data = JSON.parse(e.data);
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      var path;
      try { path = decodeURIComponent(url.pathname); } catch (err) { path = url.pathname; }
      if (data.paths.indexOf(path) >= 0) {
        url.searchParams.set("opsdocs-reload", String(Date.now()));
        links[i].href = url.toString();
      }
    }
  });
  source.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data).messages); });
  source.addEventListener("ok", hideErrors);
  window.opsdocsLive = source;
})();
"""#

    /// The page with the script added before `</body>` (or at the end).
    static func inject(into html: Data) -> Data {
        var out = html
        let tagBytes = Data(tag.utf8)
        if let end = html.range(of: Data("</body>".utf8), options: .backwards) {
            out.insert(contentsOf: tagBytes, at: end.lowerBound)
        } else {
            out.append(tagBytes)
        }
        return out
    }
}
