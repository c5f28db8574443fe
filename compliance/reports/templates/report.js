/* Passage links: a copied passage in one text jumps to its twin in the other and flashes it;
   hovering a passage lights up both halves. The page reads the same without this script. */
(function () {
  "use strict";
  function twins(key) {
    return document.querySelectorAll('a.hl[data-p="' + key + '"]');
  }
  function light(key, on) {
    twins(key).forEach(function (el) { el.classList.toggle("peer", on); });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.hl[data-p]") : null;
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  });
  document.addEventListener("mouseover", function (event) {
    var link = event.target.closest ? event.target.closest("a.hl[data-p]") : null;
    if (link) { light(link.getAttribute("data-p"), true); }
  });
  document.addEventListener("mouseout", function (event) {
    var link = event.target.closest ? event.target.closest("a.hl[data-p]") : null;
    if (link) { light(link.getAttribute("data-p"), false); }
  });
}());
