// Typesets the math that Markdig marked in markdown cells: <span class="math">\(…\)</span> inline and
// <div class="math">\[…\]</div> on its own line (and $$…$$ inside a line, marked class "display"). KaTeX is loaded from assets/katex, so no network is needed.
(function () {
  document.querySelectorAll("main .markdown .math, main .summary .math, main .lessons .math").forEach(function (element) {
    var tex = element.textContent.trim();
    if (tex.startsWith("\\(") || tex.startsWith("\\[")) tex = tex.slice(2, -2);
    katex.render(tex, element, { displayMode: element.tagName === "DIV" || element.classList.contains("display"), throwOnError: false });
  });
})();
