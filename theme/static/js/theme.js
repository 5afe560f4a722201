// The default theme's reading aids; the page is complete without them.
// Light/dark toggle (remembered), the table of contents following the scroll, and copy
// buttons that copy only the commands of a console session (no prompts, no output).
(function () {
  "use strict";
  var root = document.documentElement;
  var t = window.opsdocsLabel || function (key) { return key; };  // (strings.js)

  // Theme toggle, in the header.
  var header = document.querySelector(".site-header");
  if (header) {
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "theme-toggle";
    var dark = function () {
      return root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    };
    var label = function () {
      toggle.textContent = dark() ? t("themeLight") : t("themeDark");
      toggle.setAttribute("aria-label", dark() ? t("toLight") : t("toDark"));
    };
    toggle.addEventListener("click", function () {
      root.dataset.theme = dark() ? "light" : "dark";
      try { localStorage.setItem("opsdocs-theme", root.dataset.theme); } catch (e) {}
      label();
    });
    label();
    header.appendChild(toggle);
  }

  // Table of contents: folded above the text on narrow screens (the text comes first), open
  // in its column on wide ones; open without scripts.
  if (matchMedia("(max-width: 1099px)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details.toc"), function (d) { d.open = false; });
  }

  // Table of contents: mark the section being read.
  var links = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  var targets = links.map(function (a) {
    try { return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); } catch (e) { return null; }
  });
  function mark() {
    var current = -1;
    for (var i = 0; i < targets.length; i++) {
      if (targets[i] && targets[i].getBoundingClientRect().top < 120) current = i;
    }
    links.forEach(function (a, i) { a.classList.toggle("current", i === current); });
  }
  if (links.length) {
    var pending = false;
    addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; mark(); });
    }, { passive: true });
    mark();
  }

  // Copy buttons. In a console session only the commands are copied: prompts and output
  // lines are marked by the server-side highlighter.
  function commandText(code) {
    var block = code.closest(".code-block");
    var lang = block && block.getAttribute("data-lang");
    if (lang !== "console" || !code.querySelector(".hl-prompt")) return code.textContent;
    var lines = [], line = "", skip = false;
    function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 1) {
          if (child.classList.contains("hl-prompt")) continue;
          if (child.classList.contains("hl-output")) { skip = true; continue; }
          walk(child);
        } else if (child.nodeType === 3) {
          var parts = child.data.split("\n");
          for (var i = 0; i < parts.length; i++) {
            if (i > 0) { if (!skip) lines.push(line); line = ""; skip = false; }
            line += parts[i];
          }
        }
      }
    }
    walk(code);
    if (line && !skip) lines.push(line);
    return lines.join("\n") + "\n";
  }
  Array.prototype.forEach.call(document.querySelectorAll(".code-block pre > code"), function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = t("copy");
    button.setAttribute("aria-label", t("copyLabel"));
    // A shell or console block's snippet script, when opsdocs extracted one: the copy is the snippet.
    var block = code.parentNode.parentNode;
    var meta = block.previousElementSibling;
    var script = meta && meta.classList.contains("code-meta") ? meta.getAttribute("data-script") : null;
    button.addEventListener("click", function () {
      var text = script !== null ? script : commandText(code);
      var done = function () {
        button.textContent = t("copied");
        setTimeout(function () { button.textContent = t("copy"); }, 1500);
      };
      // Plain HTTP on a LAN address has no Clipboard API: a hidden textarea and execCommand
      // still copy there; when neither can, the code is selected for Ctrl+C and the button says so.
      var fallback = function () {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.top = "-1000px";
        document.body.appendChild(area);
        area.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        document.body.removeChild(area);
        if (copied) { done(); return; }
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        button.textContent = t("copyFailed");
        setTimeout(function () { button.textContent = t("copy"); }, 4000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
    code.parentNode.parentNode.appendChild(button);
  });
})();
