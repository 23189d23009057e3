// What makes the site a place to work in: offline search (assets/search-index.js), presenter mode (key P), keyboard
// sliders and accessible chart names, and, when the site is served, exercises answered in the page (lab/) with
// progress kept in this browser. Dark mode is CSS only (site-extras.css).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/site-extras\.js(\?.*)?$/, "") : "";
  var served = location.protocol === "http:" || location.protocol === "https:";
  var serveCommand = "dotnet run --project tools/NotebookRunner -c Release -- serve";
  var isIndex = !document.querySelector(".site-header") && document.querySelector("ol.lessons");

  function element(tag, attributes, text) {
    var e = document.createElement(tag);
    for (var name in attributes || {}) e.setAttribute(name, attributes[name]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  // ---- Offline search --------------------------------------------------------------------------------------------
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = element("script", { src: src });
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  var searchIndex = null;
  function searchIndexLoaded() {
    searchIndex = searchIndex || (window.ITN_SEARCH ? Promise.resolve() : loadScript(root + "assets/search-index.js"));
    return searchIndex;
  }

  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) return [];
    var results = [];
    (window.ITN_SEARCH || []).forEach(function (page) {
      var title = page.title.toLowerCase(), text = page.text.toLowerCase();
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = title.indexOf(words[i]) >= 0, at = text.indexOf(words[i]);
        if (!inTitle && at < 0) return;   // every word must occur
        score += (inTitle ? 10 : 0) + Math.min(text.split(words[i]).length - 1, 20);
      }
      var first = text.indexOf(words[0]);
      var from = Math.max(0, first - 60);
      results.push({ page: page, score: score, snippet: (from > 0 ? "…" : "") + page.text.slice(from, from + 160) + "…" });
    });
    return results.sort(function (a, b) { return b.score - a.score; }).slice(0, 12);
  }

  function highlight(target, text, words) {
    var lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, word = "";
      words.forEach(function (w) { var i = lower.indexOf(w, at); if (i >= 0 && (next < 0 || i < next)) { next = i; word = w; } });
      if (next < 0) { target.appendChild(document.createTextNode(text.slice(at))); break; }
      target.appendChild(document.createTextNode(text.slice(at, next)));
      target.appendChild(element("mark", {}, text.slice(next, next + word.length)));
      at = next + word.length;
    }
  }

  function addSearch() {
    var box = element("div", { class: "site-search", role: "search" });
    var input = element("input", { type: "search", placeholder: "Search the course (/)", "aria-label": "Search the course" });
    var list = element("ol", { hidden: "", "aria-label": "Search results" });
    box.appendChild(input);
    box.appendChild(list);
    var header = document.querySelector(".site-header");
    if (header) header.appendChild(box);
    else { box.classList.add("index-search"); var h1 = document.querySelector("main h1"); if (h1) h1.after(box); else document.body.prepend(box); }

    input.addEventListener("focus", function () { searchIndexLoaded().catch(function () {}); });
    input.addEventListener("input", function () {
      searchIndexLoaded().then(function () {
        var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        list.replaceChildren();
        if (words.length === 0) { list.hidden = true; return; }
        var found = search(input.value);
        if (found.length === 0) list.appendChild(element("li", { class: "none" }, "Nothing found."));
        found.forEach(function (r) {
          var item = element("li");
          var link = element("a", { href: root + r.page.path }, r.page.title || r.page.path);
          var snippet = element("span", { class: "snippet" });
          highlight(snippet, r.snippet, words);
          item.appendChild(link);
          item.appendChild(snippet);
          list.appendChild(item);
        });
        list.hidden = false;
      }).catch(function () {});
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; list.hidden = true; input.blur(); }
      if (e.key === "Enter") { var first = list.querySelector("a"); if (first) location.href = first.href; }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && !typing(e)) { e.preventDefault(); input.focus(); }
    });
  }

  // ---- Charts: keyboard sliders ------------------------------------------------------------------------------------
  function figures() { return Array.prototype.slice.call(document.querySelectorAll(".itn-figure")); }

  function makeSliderKeyboardUsable(gd) {
    if (gd.dataset.keyboard || !gd.layout || !gd.layout.sliders || gd.layout.sliders.length === 0) return;
    gd.dataset.keyboard = "yes";
    var slider = gd.layout.sliders[0];
    var label = (slider.currentvalue && slider.currentvalue.prefix ? slider.currentvalue.prefix : "value ").replace(/[:=]\s*$/, "").trim();
    gd.setAttribute("tabindex", "0");
    var describe = function () {
      var s = gd.layout.sliders[0];
      gd.setAttribute("aria-valuetext", label + " " + s.steps[s.active || 0].label);
    };
    gd.setAttribute("role", "slider");
    gd.setAttribute("aria-valuemin", "0");
    gd.setAttribute("aria-valuemax", String(slider.steps.length - 1));
    gd.setAttribute("aria-roledescription", "chart with a slider: left and right arrow keys move it");
    describe();
    gd.addEventListener("keydown", function (e) {
      var s = gd.layout.sliders[0], last = s.steps.length - 1, active = s.active || 0, next = active;
      if (e.key === "ArrowRight" || e.key === "ArrowUp") next = Math.min(last, active + 1);
      else if (e.key === "ArrowLeft" || e.key === "ArrowDown") next = Math.max(0, active - 1);
      else if (e.key === "Home") next = 0;
      else if (e.key === "End") next = last;
      else return;
      e.preventDefault();
      e.stopPropagation();
      if (next === active) return;
      var step = s.steps[next];
      window.Plotly.relayout(gd, { "sliders[0].active": next });
      window.Plotly.animate(gd, step.args[0], step.args[1]);
      gd.setAttribute("aria-valuenow", String(next));
      describe();
    });
  }

  function whenChartsDrawn(callback) {
    var tries = 0;
    (function wait() {
      var pending = figures().filter(function (gd) { return !gd.layout; });
      if (pending.length === 0 || tries++ > 200) callback(); else setTimeout(wait, 50);
    })();
  }

  // ---- Presenter mode --------------------------------------------------------------------------------------------
  var presentationTheme = { font: 20, title: 28, line: 5, marker: 15, height: 560 };
  var slides = null, current = 0, clockTimer = null, bar = null, saved = new Map();

  // Screens follow the headings: every h1–h4 starts one, even inside a markdown cell, so a cell that ends one
  // section and opens the next is split between two screens. Code cells stay whole.
  function buildSlides() {
    var groups = [];
    Array.prototype.forEach.call(document.querySelector("main").children, function (child) {
      var blocks = child.classList.contains("markdown") ? Array.prototype.slice.call(child.children) : [child];
      blocks.forEach(function (block) {
        if (groups.length === 0 || /^H[1-4]$/.test(block.tagName)) groups.push([]);
        groups[groups.length - 1].push(block);
      });
    });
    return groups;
  }

  function themeCharts(on) {
    if (!window.Plotly) return;
    figures().forEach(function (gd) {
      if (!gd.layout || !gd.data) return;
      if (on) {
        saved.set(gd, {
          font: gd.layout.font && gd.layout.font.size, title: gd.layout.title && gd.layout.title.font && gd.layout.title.font.size,
          height: gd.layout.height, styleHeight: gd.style.height, lines: gd.data.map(function (t) { return t.line && t.line.width; }),
          markers: gd.data.map(function (t) { return t.marker && t.marker.size; }),
        });
        var height = Math.max(presentationTheme.height, gd.layout.height || 0);
        gd.style.height = height + "px";   // the figure's box is sized in the page: it grows with the chart
        window.Plotly.relayout(gd, { "font.size": presentationTheme.font, "title.font.size": presentationTheme.title, height: height });
        window.Plotly.restyle(gd, { "line.width": presentationTheme.line, "marker.size": presentationTheme.marker });
      } else if (saved.has(gd)) {
        var s = saved.get(gd);
        gd.style.height = s.styleHeight;
        window.Plotly.relayout(gd, { "font.size": s.font, "title.font.size": s.title, height: s.height });
        window.Plotly.restyle(gd, { "line.width": s.lines, "marker.size": s.markers });
      }
    });
    if (!on) saved.clear();
  }

  function showSlide(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (group, i) {
      group.forEach(function (block) { block.classList.toggle("slide-hidden", i !== current); });
    });
    // A markdown cell none of whose parts is on this screen is hidden too (its margins would show).
    document.querySelectorAll("main > section.markdown").forEach(function (cell) {
      cell.classList.toggle("slide-hidden", !Array.prototype.some.call(cell.children, function (c) { return !c.classList.contains("slide-hidden"); }));
    });
    figures().forEach(function (gd) { if (window.Plotly && gd.layout && gd.offsetParent) window.Plotly.Plots.resize(gd); });
    window.scrollTo(0, 0);
    tick();
    document.body.dataset.slide = String(current + 1);
  }

  function tick() {
    if (!bar) return;
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    bar.textContent = two(now.getHours()) + ":" + two(now.getMinutes()) + "  ·  " + (current + 1) + " / " + slides.length;
  }

  function togglePresenter() {
    var on = !document.body.classList.contains("presenting");
    document.body.classList.toggle("presenting", on);
    if (on) {
      slides = buildSlides();
      bar = element("div", { class: "presenter-bar", role: "status", "aria-label": "clock and slide number" });
      document.body.appendChild(bar);
      clockTimer = setInterval(tick, 1000);
      themeCharts(true);
      showSlide(0);
    } else {
      clearInterval(clockTimer);
      if (bar) bar.remove();
      bar = null;
      document.querySelectorAll("main .slide-hidden").forEach(function (e) { e.classList.remove("slide-hidden"); });
      themeCharts(false);
      delete document.body.dataset.slide;
    }
  }

  function addPresenter() {
    if (!document.querySelector("main section.cell")) return;   // a notebook page
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      var presenting = document.body.classList.contains("presenting");
      if (e.key === "p" || e.key === "P") { e.preventDefault(); togglePresenter(); return; }
      if (!presenting) return;
      if (e.target && e.target.getAttribute && e.target.getAttribute("role") === "slider") return;
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") { e.preventDefault(); showSlide(current + 1); }
      else if (e.key === "ArrowLeft" || e.key === "PageUp") { e.preventDefault(); showSlide(current - 1); }
      else if (e.key === "Home") { e.preventDefault(); showSlide(0); }
      else if (e.key === "End") { e.preventDefault(); showSlide(slides.length - 1); }
      else if (e.key === "Escape") { e.preventDefault(); togglePresenter(); }
    });
    var footer = document.querySelector(".site-footer");
    if (footer) footer.appendChild(element("span", { class: "presenter-hint" }, "Press P to present (arrows move, Esc ends)."));
  }

  // ---- Exercises in the page and progress --------------------------------------------------------------------------
  var storageKey = function (id) { return "itn:exercise:" + id; };
  function stored(id) {
    try { return JSON.parse(localStorage.getItem(storageKey(id)) || "null"); } catch (e) { return null; }
  }

  // The same box as the notebooks' CheckResult.ToHtml: a coloured bar, the status, the title, the message.
  function checkBox(id, title, status, message) {
    var look = { Passed: ["#2e7d32", "correct", "✔"], Wrong: ["#c62828", "not yet", "✘"] }[status] || ["#757575", "not attempted", "○"];
    var box = element("div", { class: "itn-check itn-check-" + status.toLowerCase() + " itn-check-live", role: "status",
      style: "border-left:6px solid " + look[0] + ";padding:6px 12px;margin:4px 0;background:rgba(128,128,128,.08);font-family:system-ui,sans-serif" });
    var heading = element("strong", { style: "color:" + look[0] }, look[2] + " Exercise " + id + " — " + look[1]);
    box.appendChild(heading);
    if (title) box.appendChild(element("span", { style: "opacity:.8" }, " · " + title));
    box.appendChild(element("div", { style: "margin-top:4px" }, message));
    return box;
  }

  function loadExercises() {
    return window.ITN_EXERCISES ? Promise.resolve(window.ITN_EXERCISES)
      : loadScript(root + "lab/exercises.js").then(function () { return window.ITN_EXERCISES || []; });
  }

  function addAnswerBoxes() {
    var checks = Array.prototype.slice.call(document.querySelectorAll("main .outputs .itn-check"));
    if (checks.length === 0) return;
    if (!served) {
      checks.forEach(function (box) {
        var note = element("p", { class: "itn-answer" });
        note.appendChild(element("span", { class: "serve-note" }, "To answer here, serve the site (" + serveCommand + ") and open this page from the address it prints."));
        box.after(note);
      });
      return;
    }
    loadExercises().then(function (exercises) {
      var byId = {};
      exercises.forEach(function (e) { byId[e.id] = e; });
      checks.forEach(function (box) {
        var match = /Exercise (\d+\.\d+)/.exec(box.textContent);
        var exercise = match && byId[match[1]];
        if (!exercise) return;
        var id = exercise.id;
        var form = element("form", { class: "itn-answer", "data-exercise": id });
        var input = element("input", { type: "text", inputmode: "decimal", "aria-label": "Your answer to exercise " + id,
          placeholder: exercise.kind === "list" ? "numbers, separated by commas" : "a number, e.g. 1.5" });
        var button = element("button", { type: "submit" }, "Check");
        var result = element("div", { class: "itn-answer-result" });
        form.appendChild(element("label", {}, "Your answer:"));
        form.appendChild(input);
        form.appendChild(button);
        var wrapper = element("div");
        wrapper.appendChild(form);
        wrapper.appendChild(result);
        box.after(wrapper);
        var previous = stored(id);
        if (previous) {
          input.value = previous.answer;
          result.replaceChildren(checkBox(id, previous.title, previous.status, previous.message));
        }
        form.addEventListener("submit", function (e) {
          e.preventDefault();
          button.disabled = true;
          result.replaceChildren(element("p", { class: "serve-note" }, "Checking…"));
          import(root + "lab/lab.js").then(function (lab) { return lab.call("check", id, input.value); }).then(function (reply) {
            var status = reply.result[0], message = reply.result[1], title = reply.result[2] || exercise.title;
            result.replaceChildren(checkBox(id, title, status, message));
            localStorage.setItem(storageKey(id), JSON.stringify({ answer: input.value, status: status, message: message, title: title }));
          }).catch(function (error) {
            result.replaceChildren(element("p", { class: "serve-note" }, "Could not check: " + error.message));
          }).finally(function () { button.disabled = false; });
        });
      });
    }).catch(function () {});
  }

  function addProgress() {
    var section = element("section", { id: "progress" });
    section.appendChild(element("h2", {}, "Your progress"));
    var list = document.querySelector("ol.lessons");
    var anchor = document.querySelector(".lab-link") || list;
    if (!anchor) return;
    anchor.after(section);
    if (!served) {
      section.appendChild(element("p", { class: "serve-note" }, "Answer the exercises in their pages when the site is served (" + serveCommand + "); your progress shows here."));
      return;
    }
    loadExercises().then(function (exercises) {
      var lessons = {};
      exercises.forEach(function (e) { var n = e.id.split(".")[0]; (lessons[n] = lessons[n] || []).push(e); });
      var table = element("table");
      var head = element("tr");
      ["exercises", "correct", "tried", ""].forEach(function (h) { head.appendChild(element("th", {}, h)); });
      table.appendChild(head);
      var total = 0, correct = 0;
      Object.keys(lessons).sort().forEach(function (n) {
        var items = lessons[n];
        var passed = items.filter(function (e) { var s = stored(e.id); return s && s.status === "Passed"; }).length;
        var tried = items.filter(function (e) { var s = stored(e.id); return s && s.status !== "NotAttempted"; }).length;
        total += items.length; correct += passed;
        var page = document.querySelector('a[href^="exercises/' + n + '-"]');
        var row = element("tr", { "data-lesson": n });
        var name = element("td");
        if (page) name.appendChild(element("a", { href: page.getAttribute("href") }, "Lesson " + n)); else name.textContent = "Lesson " + n;
        row.appendChild(name);
        row.appendChild(element("td", { class: "correct" }, passed + " of " + items.length));
        row.appendChild(element("td", { class: "tried" }, String(tried)));
        var cell = element("td");
        cell.appendChild(element("meter", { min: "0", max: String(items.length), value: String(passed), "aria-label": "lesson " + n + " progress" }));
        row.appendChild(cell);
        table.appendChild(row);
      });
      section.appendChild(element("p", { class: "progress-total" }, correct + " of " + total + " numeric exercises correct (kept in this browser)."));
      section.appendChild(table);
    }).catch(function () {});
  }

  function start() {
    addSearch();
    addPresenter();
    addAnswerBoxes();
    if (isIndex) addProgress();
    whenChartsDrawn(function () { figures().forEach(makeSliderKeyboardUsable); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
