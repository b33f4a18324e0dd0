// The review page's script (numbers_extract.review): inlined into every page, allowed by the page's
// Content-Security-Policy through its hash. It reads the figures from the JSON block, never from
// markup, and writes text with textContent only, so nothing in a document can become code.
(() => {
  "use strict";
  const PAGE = 200; // table rows added at a time: the DOM stays small whatever the number of figures
  const KINDS = new Set(["count", "money", "percent", "measure", "duration", "date", "time", "ordinal", "number"]);
  const SHOWN = [
    ["surface", "figure"], ["value", "value"], ["low", "low"], ["high", "high"], ["kind", "kind"],
    ["unit", "unit"], ["entity", "entity"], ["subject", "subject"], ["source", "source"], ["qualifier", "qualifier"],
    ["doc", "document"],
    ["start", "offset"], ["trend", "trend"], ["date", "date"], ["rule", "rule"],
  ];
  const NUMERIC = new Set(["value", "low", "high", "start"]);
  const TIP = [
    ["surface", "figure"], ["value", "value"], ["low", "low"], ["high", "high"], ["previous", "previous"],
    ["qualifier", "qualifier"], ["trend", "trend"], ["unit", "unit"], ["dimension", "dimension"],
    ["si_value", "SI value"], ["si_unit", "SI unit"], ["kind", "kind"], ["entity", "entity"], ["subject", "subject"],
    ["source", "source"], ["date", "date"], ["rule", "rule"], ["doc", "document"], ["sentence", "sentence"],
  ];
  const $ = (id) => document.getElementById(id);
  const stillness = matchMedia("(prefers-reduced-motion: reduce)"); // the reader asks for less motion
  const data = JSON.parse($("review-data").textContent);
  const C = {};
  data.columns.forEach((name, i) => { C[name] = i; });
  const rows = data.rows;
  const cell = (row, key) => (key === "doc" ? data.docs[row[C.doc]] : row[C[key]]);
  const number = (v) => (v === null || v === "" ? NaN : Number(v));
  const kindClass = (kind) => "swatch k-" + (KINDS.has(kind) ? kind : "other");

  const q = $("q"), kindSelect = $("kind"), docSelect = $("doc");
  const head = $("head"), body = $("rows"), more = $("more"), shown = $("shown"), tip = $("tip");
  let view = rows.map((_, i) => i);
  let haystack = null; // each row's text, lower-cased, made on the first search
  let sortKey = "", sortDir = 1, limit = PAGE;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function option(select, value, label) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }
  const kindsSeen = [...new Set(rows.map((r) => r[C.kind]))].sort(collator.compare);
  kindsSeen.forEach((k) => option(kindSelect, k, k || "(none)"));
  data.docs.forEach((d, i) => option(docSelect, String(i), d || "(no document)"));
  if (data.docs.length < 2) docSelect.hidden = true;

  for (const [key, label] of SHOWN) {
    const th = document.createElement("th");
    const button = document.createElement("button");
    th.dataset.key = key;
    th.setAttribute("aria-sort", "none");
    button.type = "button";
    button.textContent = label;
    button.title = "sort by " + label;
    th.appendChild(button);
    head.appendChild(th);
  }

  function compare(key) {
    if (NUMERIC.has(key)) {
      return (a, b) => {
        const x = number(cell(rows[a], key)), y = number(cell(rows[b], key));
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y) || a - b; // blanks last
        return (x - y) * sortDir || a - b;
      };
    }
    return (a, b) => {
      const x = cell(rows[a], key) || "", y = cell(rows[b], key) || "";
      if (!x || !y) return !x - !y || a - b;
      return collator.compare(x, y) * sortDir || a - b;
    };
  }

  function apply() {
    const needle = q.value.trim().toLowerCase();
    const kind = kindSelect.value, doc = docSelect.value;
    if (needle && haystack === null) {
      haystack = rows.map((r) => SHOWN.map(([key]) => cell(r, key) ?? "").join("\u0001").toLowerCase());
    }
    view = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (kind && r[C.kind] !== kind) continue;
      if (doc && String(r[C.doc]) !== doc) continue;
      if (needle && !haystack[i].includes(needle)) continue;
      view.push(i);
    }
    if (sortKey) view.sort(compare(sortKey));
    for (const chip of document.querySelectorAll(".chip")) chip.setAttribute("aria-pressed", String(chip.dataset.kind === kind));
    limit = PAGE;
    body.replaceChildren();
    render();
  }

  function tableRow(i) {
    const r = rows[i];
    const tr = document.createElement("tr");
    tr.dataset.i = String(i);
    tr.tabIndex = 0;
    if (!r[C.placed]) {
      tr.className = "unplaced";
      tr.title = "not placed in the text (offsets out of range, text not given, or crossing another figure)";
    }
    for (const [key] of SHOWN) {
      const td = document.createElement("td");
      const v = cell(r, key);
      if (NUMERIC.has(key)) td.className = "num";
      if (key === "kind") {
        const s = document.createElement("span");
        s.className = kindClass(v);
        td.appendChild(s);
      }
      td.appendChild(document.createTextNode(v === null ? "" : String(v)));
      if (key === "entity" || key === "source" || key === "doc" || key === "rule") td.title = v || "";
      tr.appendChild(td);
    }
    return tr;
  }

  function render() {
    const frag = document.createDocumentFragment();
    const end = Math.min(limit, view.length);
    for (let n = body.children.length; n < end; n++) frag.appendChild(tableRow(view[n]));
    body.appendChild(frag);
    const total = rows.length.toLocaleString("en");
    const matching = view.length.toLocaleString("en");
    const listed = end.toLocaleString("en");
    shown.textContent =
      (view.length === rows.length ? total + " figures" : matching + " of " + total + " figures") +
      (end < view.length ? ", first " + listed + " listed" : "");
    more.hidden = end >= view.length;
  }

  function showMore() {
    if (limit >= view.length) return;
    limit += PAGE;
    render();
  }

  function select(i) {
    // the figure's row, marked as current and scrolled into the table's view (drawn first if need be)
    for (const old of body.querySelectorAll("tr.current")) old.classList.remove("current");
    const at = view.indexOf(i);
    if (at < 0) return;
    if (at >= limit) {
      limit = at + PAGE;
      render();
    }
    const tr = body.children[at];
    tr.classList.add("current");
    tr.scrollIntoView({ block: "nearest" });
  }

  function jump(i) {
    select(i);
    const mark = $("f" + i);
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    if (stillness.matches) return; // no flash where the reader asks for less motion (and in samples/review.png)
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  }

  function showTip(mark) {
    const r = rows[Number(mark.id.slice(1))];
    if (!r) return;
    const dl = document.createElement("dl");
    for (const [key, label] of TIP) {
      const v = cell(r, key);
      if (v === null || v === "" || v === undefined) continue;
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = label;
      dd.textContent = String(v);
      dl.append(dt, dd);
    }
    tip.replaceChildren(dl);
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "tip");
    const box = mark.getBoundingClientRect();
    let top = box.bottom + 6;
    if (top + tip.offsetHeight > innerHeight - 4) top = Math.max(4, box.top - tip.offsetHeight - 6);
    tip.style.top = top + "px";
    tip.style.left = Math.max(4, Math.min(box.left, innerWidth - tip.offsetWidth - 8)) + "px";
  }

  function hideTip() {
    tip.hidden = true;
    const focused = document.activeElement;
    if (focused && focused.tagName === "MARK") showTip(focused);
  }

  q.addEventListener("input", apply);
  kindSelect.addEventListener("change", apply);
  docSelect.addEventListener("change", apply);
  more.addEventListener("click", showMore);
  head.addEventListener("click", (e) => {
    const th = e.target.closest("th");
    if (!th) return;
    sortDir = sortKey === th.dataset.key ? -sortDir : 1;
    sortKey = th.dataset.key;
    for (const other of head.children) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
    apply();
  });
  body.addEventListener("click", (e) => {
    const tr = e.target.closest("tr");
    if (tr) jump(Number(tr.dataset.i));
  });
  body.addEventListener("keydown", (e) => {
    const tr = e.target.closest("tr");
    if (tr && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      jump(Number(tr.dataset.i));
    }
  });
  for (const chip of document.querySelectorAll(".chip")) {
    chip.addEventListener("click", () => {
      kindSelect.value = kindSelect.value === chip.dataset.kind ? "" : chip.dataset.kind;
      apply();
    });
  }
  $("texts").addEventListener("click", (e) => {
    const mark = e.target.closest("mark");
    if (mark) select(Number(mark.id.slice(1)));
  });
  document.addEventListener("mouseover", (e) => {
    const mark = e.target.closest ? e.target.closest("mark") : null;
    if (mark) showTip(mark);
  });
  document.addEventListener("mouseout", (e) => {
    const to = e.relatedTarget;
    if (e.target.closest && e.target.closest("mark") && !(to && to.closest && to.closest("mark"))) hideTip();
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.tagName === "MARK") showTip(e.target);
  });
  document.addEventListener("focusout", (e) => {
    if (e.target.tagName === "MARK") tip.hidden = true;
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") tip.hidden = true;
  });
  $("texts").addEventListener("scroll", () => { tip.hidden = true; hideTip(); }, { passive: true });
  if ("IntersectionObserver" in window) {
    new IntersectionObserver((seen) => { if (seen.some((s) => s.isIntersecting)) showMore(); },
      { root: document.querySelector(".scroll"), rootMargin: "400px" }).observe(more);
  }
  apply();
  const linked = /^#f(\d+)$/.exec(location.hash); // review.html#f12 opens on figure 12, its row shown
  if (linked) jump(Number(linked[1]));
  document.documentElement.dataset.ready = "true";
})();
