/* dyadline dashboard.
 *
 * Hand-written, dependency-free JS + SVG, shipped inside the Python package so the dashboard
 * works with no network. Every string shown here comes from untrusted articles, so the DOM is
 * built only with createElement / textContent / setAttribute on fixed attribute names; there is
 * no innerHTML with data anywhere, and links are only ever http(s). The server's CSP
 * (script-src 'self') is the second wall. All paging and aggregation happen in the database:
 * the browser draws at most one page of events, one series and a capped network.
 */
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const FILTER_KEYS = ["actor", "dyad_a", "dyad_b", "type", "quad", "factuality", "outlet", "since", "until", "q", "by"];
  const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const PAGE_SIZE = 25;

  const state = { filters: {}, sort: "date", order: "desc", page: 1, period: null, pages: 1 };
  let seq = 0; // request generation: stale responses are dropped

  // ---------- DOM helpers (the only way anything is put on the page) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const c of children) append(node, c);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    for (const c of children) append(node, c);
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.setAttribute("class", v);
      else if (k.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
      else node.setAttribute(k, String(v));
    }
  }
  function append(node, c) {
    if (c === null || c === undefined || c === false) return;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  /** A link to an article: only absolute http(s) URLs become links; anything else is shown as text. */
  function safeLink(url, label) {
    let ok = false;
    try { ok = ["http:", "https:"].includes(new URL(String(url)).protocol); } catch (e) { ok = false; }
    if (!url || !ok) return el("span", { text: label || url || "" });
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: label || url });
  }
  function fmtNum(x, d) { return x === null || x === undefined ? "–" : Number(x).toFixed(d === undefined ? 2 : d); }
  function actorLabel(list) {
    if (!list || !list.length) return "–";
    return list.map((a) => [a.code || "?", a.sector].filter(Boolean).join(" ") + (a.name ? " (" + a.name + ")" : "")).join(", ");
  }
  function setStatus(msg, isError) {
    const s = $("status");
    s.textContent = msg || "";
    s.className = "status" + (isError ? " error" : "");
  }

  // ---------- API ----------
  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
    const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : "HTTP " + res.status;
      throw new Error(msg);
    }
    return body;
  }
  /** Filters as the API takes them: the two dyad boxes become one `dyad=A,B` parameter. */
  function apiFilters(extra) {
    const f = Object.assign({}, state.filters);
    if (f.dyad_a && f.dyad_b) f.dyad = f.dyad_a + "," + f.dyad_b;
    delete f.dyad_a; delete f.dyad_b; delete f.by;
    return Object.assign(f, extra || {});
  }

  // ---------- URL state: the hash holds route + filters, so every view is linkable ----------
  function readHash() {
    const h = location.hash.replace(/^#/, "") || "/";
    const [path, query] = h.split("?");
    const p = new URLSearchParams(query || "");
    const filters = {};
    for (const k of FILTER_KEYS) if (p.get(k)) filters[k] = p.get(k);
    return { path, filters, params: p };
  }
  function writeHash() {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
    if (state.sort !== "date") p.set("sort", state.sort);
    if (state.order !== "desc") p.set("order", state.order);
    if (state.page > 1) p.set("page", state.page);
    if (state.period) { p.set("p_since", state.period.start); p.set("p_until", state.period.end); p.set("p_label", state.period.label); }
    const h = "#/" + (p.toString() ? "?" + p : "");
    if (location.hash !== h) history.replaceState(null, "", h);
  }
  function formToState() {
    const form = $("filters");
    const f = {};
    for (const k of FILTER_KEYS) {
      const v = (form.elements[k].value || "").trim();
      if (v) f[k] = v;
    }
    state.filters = f;
  }
  function stateToForm() {
    const form = $("filters");
    for (const k of FILTER_KEYS) form.elements[k].value = state.filters[k] || (k === "by" ? "month" : "");
  }

  // ---------- Timeline ----------
  async function loadTimeline(gen) {
    const box = $("timeline");
    const f = state.filters;
    $("timeline-title").textContent = f.dyad_a && f.dyad_b ? "Timeline: " + f.dyad_a + " ↔ " + f.dyad_b
      : f.actor ? "Timeline: events of " + f.actor : "Timeline: all events matching the filters";
    const data = await api("series", apiFilters({ by: f.by || "month" }));
    if (gen !== seq) return;
    drawTimeline(box, data.periods || []);
  }
  function drawTimeline(box, periods) {
    clear(box);
    if (!periods.length) { box.appendChild(el("div", { class: "empty", text: "No events for these filters." })); return; }
    const W = 640, H = 340, m = { l: 40, r: 10, t: 14, b: 44 };
    const iw = W - m.l - m.r, ih = H - m.t - m.b;
    const q = (p, k) => (p.quad && p.quad[String(k)]) || 0;
    let maxUp = 1, maxDown = 1;
    for (const p of periods) { maxUp = Math.max(maxUp, q(p, 1) + q(p, 2)); maxDown = Math.max(maxDown, q(p, 3) + q(p, 4)); }
    const total = maxUp + maxDown;
    const y0 = m.t + ih * (maxUp / total);
    const scale = ih / total;
    const bw = iw / periods.length;
    const root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Cooperation and conflict by period", id: "timeline-svg" });
    root.appendChild(svg("line", { class: "axis", x1: m.l, x2: W - m.r, y1: y0, y2: y0 }));
    root.appendChild(svg("text", { x: 2, y: m.t + 10, text: "coop " + maxUp }));
    root.appendChild(svg("text", { x: 2, y: H - m.b, text: "conf " + maxDown }));
    const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
    periods.forEach((p, i) => {
      const x = m.l + i * bw;
      const g = svg("g", { class: "period", "data-period": p.label, "data-count": p.events, tabindex: 0 });
      if (state.period && state.period.label === p.label) g.classList.add("selected");
      g.appendChild(svg("rect", { class: "hit", x: x, y: m.t, width: bw, height: ih }));
      const w = Math.max(1, Math.min(bw * 0.8, 48)), bx = x + (bw - w) / 2;
      let up = y0;
      for (const k of [1, 2]) {
        const h = q(p, k) * scale;
        if (h > 0) { up -= h; g.appendChild(svg("rect", { class: "bar q" + k, x: bx, y: up, width: w, height: h })); }
      }
      let down = y0;
      for (const k of [3, 4]) {
        const h = q(p, k) * scale;
        if (h > 0) { g.appendChild(svg("rect", { class: "bar q" + k, x: bx, y: down, width: w, height: h })); down += h; }
      }
      const t = svg("title");
      t.textContent = p.label + ": " + p.events + " events; " + [1, 2, 3, 4].map((k) => QUAD_NAMES[k] + " " + q(p, k)).join(", ") +
        "; mean score " + fmtNum(p.score_mean);
      g.appendChild(t);
      if (i % labelEvery === 0) g.appendChild(svg("text", { x: x + bw / 2, y: H - m.b + 14, "text-anchor": "middle", text: p.label }));
      const pick = () => selectPeriod(p);
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
      root.appendChild(g);
    });
    box.appendChild(root);
    const legend = el("div", { class: "legend" });
    for (const k of [1, 2, 3, 4]) legend.appendChild(el("span", null, el("i", { class: "q" + k }), QUAD_NAMES[k]));
    box.appendChild(legend);
  }
  function selectPeriod(p) {
    state.period = state.period && state.period.label === p.label ? null : { label: p.label, start: p.start, end: p.end };
    state.page = 1;
    writeHash();
    const gen = ++seq;
    for (const g of document.querySelectorAll("#timeline .period")) g.classList.toggle("selected", !!state.period && g.dataset.period === state.period.label);
    loadEvents(gen).catch(showError);
  }

  // ---------- Network ----------
  async function loadNetwork(gen) {
    const data = await api("network", apiFilters({ limit: 30, max_edges: 60 }));
    if (gen !== seq) return;
    drawNetwork($("network"), data.nodes || [], data.edges || [], data.edges_total || 0);
  }
  function scoreColour(s) {
    // -10 (conflict, red) .. 0 (grey) .. +10 (cooperation, green)
    const t = Math.max(-1, Math.min(1, (s || 0) / 6));
    const grey = [150, 156, 166], red = [192, 57, 43], green = [46, 139, 87];
    const to = t < 0 ? red : green, a = Math.abs(t);
    const c = grey.map((g, i) => Math.round(g + (to[i] - g) * a));
    return "rgb(" + c.join(",") + ")";
  }
  function layout(nodes, edges, W, H) {
    // Small deterministic force layout (Fruchterman-Reingold); the API caps the node count.
    const n = nodes.length, idx = new Map(nodes.map((d, i) => [d.id, i]));
    const pos = nodes.map((d, i) => ({ x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }));
    const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.75;
    const maxW = Math.max(1, ...edges.map((e) => e.events || 1));
    let temp = W / 8;
    for (let it = 0; it < 200; it++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = (k * k) / d;
        dx /= d; dy /= d;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
      for (const e of edges) {
        const a = idx.get(e.source), b = idx.get(e.target);
        if (a === undefined || b === undefined || a === b) continue;
        let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = ((d * d) / k) * (0.3 + 0.7 * Math.sqrt((e.events || 1) / maxW));
        dx /= d; dy /= d;
        disp[a].x -= dx * f; disp[a].y -= dy * f; disp[b].x += dx * f; disp[b].y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // gentle pull to the centre keeps disconnected parts on screen
        disp[i].x += (W / 2 - pos[i].x) * 0.02 * k / 10; disp[i].y += (H / 2 - pos[i].y) * 0.03 * k / 10;
        const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y)), s = Math.min(d, temp) / d;
        pos[i].x = Math.min(W - 30, Math.max(30, pos[i].x + disp[i].x * s));
        pos[i].y = Math.min(H - 20, Math.max(20, pos[i].y + disp[i].y * s));
      }
      temp *= 0.97;
    }
    return pos;
  }
  function drawNetwork(box, allNodes, allEdges, edgesTotal) {
    clear(box);
    if (!allNodes.length) { box.appendChild(el("div", { class: "empty", text: "No actors for these filters." })); return; }
    const W = 640, H = 340;
    // A dense graph (every busy actor deals with every other) is a hairball: lay out and draw the
    // strongest edges only (the API sorts them by event count), and the actors they connect.
    const edges = allEdges.slice().sort((a, b) => b.events - a.events).slice(0, Math.max(40, 2 * allNodes.length));
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = allNodes.filter((d) => used.has(d.id));
    const pos = layout(nodes, edges, W, H);
    const idx = new Map(nodes.map((d, i) => [d.id, i]));
    const maxN = Math.max(...nodes.map((d) => d.events || 1));
    const maxE = Math.max(1, ...edges.map((e) => e.events || 1));
    const radius = (d) => 4 + 14 * Math.sqrt((d.events || 1) / maxN);
    const root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Actor network", id: "network-svg" });
    const defs = svg("defs");
    const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#6b7280" }));
    defs.appendChild(marker);
    root.appendChild(defs);
    const eg = svg("g", { class: "edges" });
    for (const e of edges) {
      const a = idx.get(e.source), b = idx.get(e.target);
      if (a === undefined || b === undefined || a === b) continue;
      const pa = pos[a], pb = pos[b];
      const dx = pb.x - pa.x, dy = pb.y - pa.y, d = Math.max(1, Math.hypot(dx, dy));
      const ra = radius(nodes[a]), rb = radius(nodes[b]) + 2;
      // bend the line slightly so A->B and B->A do not overlap
      const mx = (pa.x + pb.x) / 2 - (dy / d) * 12, my = (pa.y + pb.y) / 2 + (dx / d) * 12;
      const sx = pa.x + (dx / d) * ra, sy = pa.y + (dy / d) * ra, tx = pb.x - (dx / d) * rb, ty = pb.y - (dy / d) * rb;
      const path = svg("path", {
        class: "edge", d: "M" + sx + "," + sy + " Q" + mx + "," + my + " " + tx + "," + ty,
        stroke: scoreColour(e.mean_score), "stroke-width": 1 + 4 * Math.sqrt((e.events || 1) / maxE), "marker-end": "url(#arrow)",
        "data-source": e.source, "data-target": e.target,
      });
      const t = svg("title");
      t.textContent = e.source + " → " + e.target + ": " + e.events + " events, mean score " + fmtNum(e.mean_score);
      path.appendChild(t);
      eg.appendChild(path);
    }
    root.appendChild(eg);
    const ng = svg("g", { class: "nodes" });
    nodes.forEach((d, i) => {
      const g = svg("g", { class: "node-g", "data-actor": d.id, tabindex: 0 });
      const c = svg("circle", { class: "node", cx: pos[i].x, cy: pos[i].y, r: radius(d) });
      if (state.filters.actor === d.id) c.classList.add("active");
      const t = svg("title");
      t.textContent = d.id + ": " + d.events + " events (" + d.as_source + " as source, " + d.as_target + " as target), mean score " + fmtNum(d.mean_score);
      c.appendChild(t);
      g.appendChild(c);
      g.appendChild(svg("text", { class: "label", x: pos[i].x + radius(d) + 2, y: pos[i].y + 4, text: d.id }));
      const pick = () => {
        state.filters.actor = state.filters.actor === d.id ? "" : d.id;
        if (!state.filters.actor) delete state.filters.actor;
        stateToForm(); state.page = 1; refresh();
      };
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
      ng.appendChild(g);
    });
    root.appendChild(ng);
    box.appendChild(root);
    const total = Math.max(edgesTotal || 0, allEdges.length);
    if (edges.length < total) {
      box.appendChild(el("div", { class: "legend", text: "Showing the " + edges.length + " strongest of " + total + " edges." }));
    }
  }

  // ---------- Event table ----------
  async function loadEvents(gen) {
    const extra = { sort: state.sort, order: state.order, page: state.page, page_size: PAGE_SIZE };
    if (state.period) {
      // a clicked period narrows the table to its dates, inside the filter's own range
      extra.since = maxDate(state.filters.since, state.period.start);
      extra.until = minDate(state.filters.until, state.period.end);
    }
    const data = await api("events", apiFilters(extra));
    if (gen !== seq) return;
    const chip = $("period-chip");
    chip.hidden = !state.period;
    chip.textContent = state.period ? "period " + state.period.label + " ✕" : "";
    state.pages = data.pages || 1;
    const tbody = $("events").querySelector("tbody");
    clear(tbody);
    for (const ev of data.items) {
      const tr = el("tr", { "data-event-id": ev.event_id },
        el("td", { text: ev.date || "–" }),
        el("td", { text: ev.type }),
        el("td", { text: ev.mode || "–" }),
        el("td", { text: actorLabel(ev.source) }),
        el("td", { text: actorLabel(ev.target) }),
        el("td", { class: "quad-" + ev.quad, text: ev.quad }),
        el("td", { text: fmtNum(ev.score, 1) }),
        el("td", { text: ev.factuality }),
        el("td", { text: ev.n_reports }),
        el("td", { text: fmtNum(ev.confidence) }),
        el("td", { class: "evidence", text: ev.sentence }));
      tr.addEventListener("click", () => { location.hash = "#/event/" + encodeURIComponent(ev.event_id); });
      tbody.appendChild(tr);
    }
    if (!data.items.length) tbody.appendChild(el("tr", null, el("td", { colspan: 11, text: "No events." })));
    $("page-info").textContent = "page " + data.page + " of " + (data.pages || 1) + " · " + data.total + " events";
    $("prev").disabled = data.page <= 1;
    $("next").disabled = data.page >= (data.pages || 1);
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.classList.toggle("asc", th.dataset.sort === state.sort && state.order === "asc");
      th.classList.toggle("desc", th.dataset.sort === state.sort && state.order === "desc");
    }
  }
  function maxDate(a, b) { return !a ? b : !b ? a : a > b ? a : b; }
  function minDate(a, b) { return !a ? b : !b ? a : a < b ? a : b; }

  // ---------- About this data ----------
  async function loadAbout() {
    const s = await api("summary");
    const body = $("about-body");
    clear(body);
    const stat = (label, v) => el("div", { class: "stat" }, el("b", { text: v === null || v === undefined ? "–" : v }), label);
    body.appendChild(stat("documents ingested", s.documents));
    body.appendChild(stat("duplicates (syndicated copies)", s.duplicates));
    body.appendChild(stat("events", s.events));
    body.appendChild(stat("reports", s.reports));
    body.appendChild(stat("outlets", s.outlets));
    body.appendChild(stat("first date", s.first_date));
    body.appendChild(stat("last date", s.last_date));
    const table = (title, obj) => {
      const t = el("table", null, el("caption", { text: title }));
      const entries = Object.entries(obj || {});
      if (!entries.length) t.appendChild(el("tr", null, el("td", { text: "none" })));
      for (const [k, v] of entries) t.appendChild(el("tr", null, el("td", { text: k }), el("td", { text: v })));
      return t;
    };
    body.appendChild(table("Languages set aside", s.languages_set_aside));
    body.appendChild(table("Languages kept", s.languages));
    body.appendChild(table("Events by quad", s.by_quad));
    body.appendChild(table("Skipped documents", s.skipped));
  }

  // ---------- Event page ----------
  async function showEvent(eventId) {
    $("dashboard").hidden = true; $("filters").hidden = true; $("event-page").hidden = false;
    window.scrollTo(0, 0);
    for (const id of ["ev-title", "ev-meta", "ev-reports", "ev-doc", "ev-explain", "ev-doc-title"]) clear($(id));
    let data;
    try { data = await api("events/" + encodeURIComponent(eventId)); } catch (e) { $("ev-title").textContent = "Event not found"; showError(e); return; }
    const ev = data;
    $("ev-title").textContent = ev.type + (ev.mode ? " / " + ev.mode : "") + ": " + actorLabel(ev.source) + " → " + actorLabel(ev.target);
    const meta = $("ev-meta");
    const row = (k, v) => { meta.appendChild(el("dt", { text: k })); meta.appendChild(el("dd", { text: v === null || v === undefined || v === "" ? "–" : v })); };
    row("event id", ev.event_id);
    row("type", ev.type);
    row("mode", ev.mode);
    row("quad", ev.quad + " " + (QUAD_NAMES[ev.quad] || ""));
    row("score", fmtNum(ev.score, 1));
    row("source", actorLabel(ev.source));
    row("target", actorLabel(ev.target));
    row("reciprocal", ev.reciprocal ? "yes" : "no");
    row("factuality", ev.factuality);
    row("attribution", ev.attribution ? ev.attribution.text + (ev.attribution.code ? " (" + ev.attribution.code + ")" : "") : "the outlet itself");
    row("date", (ev.date || "–") + " (" + ev.date_precision + ")");
    row("place", ev.location ? ev.location.text + (ev.location.code ? " (" + ev.location.code + ")" : "") : null);
    row("confidence", fmtNum(ev.confidence));
    row("reports / outlets", ev.n_reports + " / " + ev.n_outlets + (ev.outlets && ev.outlets.length ? " (" + ev.outlets.join(", ") + ")" : ""));
    const reports = Array.isArray(ev.reports) ? ev.reports : [];
    const ol = $("ev-reports");
    const openDoc = (r, li) => {
      for (const x of ol.children) x.classList.remove("current");
      if (li) li.classList.add("current");
      loadDocument(r.doc_id, r.evidence, r.trigger_span).catch(showError);
    };
    reports.forEach((r, i) => {
      const li = el("li", { "data-doc-id": r.doc_id },
        el("strong", { text: r.outlet || "unknown outlet" }), " · ", r.date || "", " · ", r.factuality || "", " · ",
        r.attribution ? "according to " + r.attribution.text : "outlet's own voice", " · ",
        safeLink(r.url, r.title || r.url || r.doc_id));
      const b = el("button", { type: "button", text: "show in document" });
      b.addEventListener("click", () => openDoc(r, li));
      li.appendChild(b);
      ol.appendChild(li);
      if (i === 0) li.classList.add("current");
    });
    const first = reports[0] || { doc_id: ev.doc_id, evidence: ev.evidence, trigger_span: ev.trigger_span };
    await loadDocument(first.doc_id, first.evidence, first.trigger_span);
    renderExplain($("ev-explain"), ev.explain, ev.event_id);
  }
  async function loadDocument(docId, evidence, trig) {
    const box = $("ev-doc");
    clear(box);
    const d = await api("documents/" + encodeURIComponent(docId));
    const title = $("ev-doc-title");
    clear(title);
    title.appendChild(document.createTextNode((d.title || d.doc_id) + " · " + (d.site || "") + " · " + (d.date || "") + " "));
    title.appendChild(safeLink(d.url, "original"));
    const text = d.text || "";
    const [s, e] = Array.isArray(evidence) ? evidence : [0, 0];
    if (!(e > s) || e > text.length) { box.textContent = text; return; }
    box.appendChild(document.createTextNode(text.slice(0, s)));
    const mark = el("mark", { class: "evidence", id: "evidence" });
    if (Array.isArray(trig) && trig[1] > trig[0] && trig[0] >= s && trig[1] <= e) {
      mark.appendChild(document.createTextNode(text.slice(s, trig[0])));
      mark.appendChild(el("span", { class: "trigger", text: text.slice(trig[0], trig[1]) }));
      mark.appendChild(document.createTextNode(text.slice(trig[1], e)));
    } else {
      mark.textContent = text.slice(s, e);
    }
    box.appendChild(mark);
    box.appendChild(document.createTextNode(text.slice(e)));
    mark.scrollIntoView({ block: "center" });
  }
  function renderExplain(box, x, eventId) {
    clear(box);
    if (x === null || x === undefined || (typeof x === "object" && !Object.keys(x).length)) {
      // Nothing stored: offer to re-run the coder on the sentence (slow the first time: it loads the parser).
      const b = el("button", { type: "button", id: "explain-run", text: "Explain: re-run the coder on this sentence" });
      b.addEventListener("click", async () => {
        b.disabled = true; b.textContent = "Running…";
        try {
          const r = await api("events/" + encodeURIComponent(eventId) + "/explain");
          clear(box);
          box.appendChild(r.explain ? renderValue(r.explain, 0) : el("p", { class: "muted", text: "The coder is not available." }));
        } catch (e) { b.textContent = "Explain failed: " + e.message; }
      });
      box.appendChild(el("p", { class: "muted", text: "No explanation stored for this event. " }, b));
      return;
    }
    box.appendChild(renderValue(x, 0));
  }
  function renderValue(v, depth) {
    if (v === null || typeof v !== "object") return document.createTextNode(v === null ? "null" : String(v));
    if (depth > 4) return el("pre", { text: JSON.stringify(v, null, 2) });
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== "object")) return document.createTextNode(v.join(", "));
      const ol = el("ol");
      for (const x of v) ol.appendChild(el("li", null, renderValue(x, depth + 1)));
      return ol;
    }
    const dl = el("dl");
    for (const [k, val] of Object.entries(v)) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", null, renderValue(val, depth + 1))); }
    return dl;
  }

  // ---------- wiring ----------
  function showError(e) { setStatus("Error: " + (e && e.message ? e.message : e), true); }
  function refresh() {
    writeHash();
    const gen = ++seq;
    setStatus("Loading…");
    Promise.all([loadTimeline(gen), loadNetwork(gen), loadEvents(gen)])
      .then(() => { if (gen === seq) setStatus(""); })
      .catch(showError);
  }
  async function loadOptions() {
    try {
      const meta = await api("meta");
      const sel = $("filters").elements.type;
      for (const t of meta.types || []) sel.appendChild(el("option", { value: t, text: t }));
      if (state.filters.type) sel.value = state.filters.type;
    } catch (e) { showError(e); }
    try {
      const a = await api("actors", { limit: 200 });
      const dl = $("actor-list");
      for (const x of a.items || []) dl.appendChild(el("option", { value: x.id, text: x.id + (x.name ? " " + x.name : "") + " (" + x.events + ")" }));
    } catch (e) { showError(e); }
  }
  function route() {
    const { path, filters, params } = readHash();
    const m = path.match(/^\/event\/(.+)$/);
    if (m) { showEvent(decodeURIComponent(m[1])); return; }
    $("dashboard").hidden = false; $("filters").hidden = false; $("event-page").hidden = true;
    state.filters = filters;
    state.sort = params.get("sort") || "date";
    state.order = params.get("order") === "asc" ? "asc" : "desc";
    state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
    state.period = params.get("p_label") ? { label: params.get("p_label"), start: params.get("p_since"), end: params.get("p_until") } : null;
    stateToForm();
    refresh();
  }
  document.addEventListener("DOMContentLoaded", () => {
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); formToState(); state.page = 1; state.period = null; refresh(); });
    $("reset").addEventListener("click", () => { state.filters = {}; state.page = 1; state.period = null; stateToForm(); refresh(); });
    $("prev").addEventListener("click", () => { if (state.page > 1) { state.page--; const g = ++seq; writeHash(); loadEvents(g).catch(showError); } });
    $("next").addEventListener("click", () => { if (state.page < state.pages) { state.page++; const g = ++seq; writeHash(); loadEvents(g).catch(showError); } });
    $("period-chip").addEventListener("click", () => { state.period = null; state.page = 1; refresh(); });
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.addEventListener("click", () => {
        const k = th.dataset.sort;
        if (state.sort === k) state.order = state.order === "desc" ? "asc" : "desc"; else { state.sort = k; state.order = "desc"; }
        state.page = 1; const g = ++seq; writeHash(); loadEvents(g).catch(showError);
      });
    }
    $("about-toggle").addEventListener("click", () => {
      const about = $("about");
      about.hidden = !about.hidden;
      $("about-toggle").setAttribute("aria-expanded", String(!about.hidden));
      if (!about.hidden) loadAbout().catch(showError);
    });
    window.addEventListener("hashchange", () => {
      // the dashboard rewrites its own hash with replaceState (no event); this fires on links and back/forward
      route();
    });
    route();
    loadOptions();
  });
})();
