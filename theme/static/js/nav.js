// The section tree beside the text (a drawer on phones), built from the one nav.json all
// pages share (Navigation.swift): the page marks itself in it and opens the folders above it.
// Folders closed at first are filled in when opened, so a 10,000-note tree costs a page only
// the branch it sits on. Without scripts the breadcrumbs and folder pages remain.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var t = window.opsdocsLabel || function (key) { return key; };  // (strings.js)
  var aside = document.getElementById("site-tree");
  if (!aside || !window.fetch) return;

  function decoded(path) { try { return decodeURI(path); } catch (e) { return path; } }
  var here = decoded(location.pathname).replace(/index\.html$/, "");
  function isHere(node) { return decoded(base + node.u) === here; }
  // Whether the current page is this node or below it (folders list their pages under their URL's children).
  function holdsHere(node) {
    if (isHere(node)) return true;
    return !!node.c && node.c.some(holdsHere);
  }

  function link(node) {
    var a = document.createElement("a");
    a.href = base + node.u;
    a.textContent = node.t;
    if (isHere(node)) a.setAttribute("aria-current", "page");
    return a;
  }
  function list(nodes) {
    var ul = document.createElement("ul");
    nodes.forEach(function (node) {
      var li = document.createElement("li");
      if (!node.c || !node.c.length) {
        li.appendChild(link(node));
      } else {
        var details = document.createElement("details");
        var summary = document.createElement("summary");
        summary.appendChild(link(node));
        details.appendChild(summary);
        var filled = false;
        var fill = function () { if (!filled) { filled = true; details.appendChild(list(node.c)); } };
        if (holdsHere(node)) { details.open = true; fill(); }
        details.addEventListener("toggle", function () { if (details.open) fill(); });
        li.appendChild(details);
      }
      ul.appendChild(li);
    });
    return ul;
  }

  fetch(base + "nav.json").then(function (r) { return r.ok ? r.json() : null; }).then(function (tree) {
    if (!tree || !tree.length) return;
    aside.appendChild(list(tree));
    document.body.classList.add("has-tree");
    var current = aside.querySelector("[aria-current='page']");
    if (current) aside.scrollTop = Math.max(0, current.offsetTop - aside.clientHeight / 3);

    // Phones and narrow windows: the tree is a drawer behind a header button.
    var header = document.querySelector(".site-header");
    if (!header) return;
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "tree-toggle";
    toggle.textContent = "☰";
    toggle.setAttribute("aria-label", t("navToggle"));
    toggle.setAttribute("aria-controls", "site-tree");
    toggle.setAttribute("aria-expanded", "false");
    var setOpen = function (open) {
      document.body.classList.toggle("tree-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () { setOpen(!document.body.classList.contains("tree-open")); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") setOpen(false); });
    document.addEventListener("click", function (e) {
      if (document.body.classList.contains("tree-open") && !aside.contains(e.target) && e.target !== toggle) setOpen(false);
    });
    header.insertBefore(toggle, header.firstChild);
  }).catch(function () {});
})();
