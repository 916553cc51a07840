// argmap's interactive view. Reads the map's data from #argmap-data (JSON, never markup), lays the
// visible forest out itself (a layered tidy tree: folding a branch leaves no hole, and a relayout
// of 5,000 claims takes milliseconds), and puts every text on screen with textContent only.
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var W = { claim: 240, evidence: 240, ref: 180 };
  var OPEN_CLAIMS = 150, READABLE = 0.5, FAR = 0.3, HEAD_CHARS = 31, PAD = 8, LINE = 16, HEAD = 16, CHIP = 22, GAP_X = 22, GAP_Y = 46, ROOT_GAP = 70;
  var FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var MAX_LINES = { claim: 8, evidence: 6, ref: 2 };
  var ROLE_WORDS = { thesis: 'Thesis', premise: 'Premise', objection: 'Objection', rebuttal: 'Rebuttal', undercut: 'Undercut' };
  var EDGE_WORDS = {
    premises: 'supports (solid line)', objections: 'objects (red dashed line)',
    rebuttals: 'rebuts (red dashed line)', undercuts: 'undercuts the link (orange dotted line)',
    evidence: 'evidence for the claim (thin grey line)'
  };

  var $ = function (id) { return document.getElementById(id); };
  var svg = $('canvas'), viewport = $('viewport'), nodeLayer = $('nodes'), edgeLayer = $('edges'), frameLayer = $('frames');
  var measureContext = document.createElement('canvas').getContext('2d');
  measureContext.font = FONT;

  var D, claims, parentOf, hiddenCount;
  var state = {
    folded: new Set(), evidenceOpen: new Set(), selected: null, focused: null, matches: [], matchIndex: -1,
    view: { x: 20, y: 20, k: 1 }, direction: 'TB', show: { evidence: true, checks: true, colours: true }
  };
  var layoutNodes = new Map(), nodeElements = new Map(), edgeElements = new Map(), roots = [], bounds = null;
  var wordWidths = new Map(), wrapped = new Map();

  function el(name, attrs, text) {
    var node = document.createElementNS(SVGNS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function html(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // ---- data ---------------------------------------------------------------------------------
  function index(data) {
    D = data;
    claims = D.claims;
    parentOf = new Map();
    hiddenCount = new Map();
    var order = [];
    D.roots.forEach(function (root) {
      var stack = [root];
      while (stack.length) {
        var uid = stack.pop();
        order.push(uid);
        claims[uid].children.forEach(function (child) {
          if (!child.ref && claims[child.uid] && !parentOf.has(child.uid) && D.roots.indexOf(child.uid) < 0) {
            parentOf.set(child.uid, uid);
            stack.push(child.uid);
          }
        });
      }
    });
    for (var i = order.length - 1; i >= 0; i--) {
      var uid = order[i], parent = parentOf.get(uid);
      if (parent !== undefined) hiddenCount.set(parent, (hiddenCount.get(parent) || 0) + 1 + (hiddenCount.get(uid) || 0));
    }
  }
  function inPlaceChildren(uid) {
    return claims[uid].children.filter(function (c) { return !c.ref && parentOf.get(c.uid) === uid; });
  }
  function depthOf(uid) { var d = 0; while (parentOf.has(uid)) { uid = parentOf.get(uid); d++; } return d; }
  function evidenceWord(claim) {
    var quotes = claim.evidence.filter(function (e) { return e.quote; }).length;
    return quotes === claim.evidence.length ? plural(quotes, 'quote') : claim.evidence.length + ' evidence';
  }
  function checkWords(claim) {
    var words = [];
    claim.problems.forEach(function (p) {
      var word = D.rule_words[p.rule] || p.rule;
      if (words.indexOf(word) < 0) words.push(word);
    });
    return words;
  }

  // ---- text ---------------------------------------------------------------------------------
  function widthOf(word) {
    var w = wordWidths.get(word);
    if (w === undefined) { w = measureContext.measureText(word).width; wordWidths.set(word, w); }
    return w;
  }
  function wrap(key, text, width, maxLines) {
    var cached = wrapped.get(key);
    if (cached) return cached;
    var lines = [], line = '', lineWidth = 0, space = widthOf(' ');
    var words = String(text).split(/\s+/).filter(Boolean);
    for (var i = 0; i < words.length; i++) {
      var word = words[i], w = widthOf(word);
      while (w > width && word.length > 1) { // a word wider than the box: cut it
        var cut = Math.max(1, Math.floor(word.length * width / w) - 1);
        if (line) { lines.push(line); line = ''; lineWidth = 0; }
        lines.push(word.slice(0, cut));
        word = word.slice(cut); w = widthOf(word);
      }
      if (line && lineWidth + space + w > width) { lines.push(line); line = word; lineWidth = w; }
      else { line = line ? line + ' ' + word : word; lineWidth += (lineWidth ? space : 0) + w; }
    }
    if (line) lines.push(line);
    if (lines.length > maxLines) { lines = lines.slice(0, maxLines); lines[maxLines - 1] += ' …'; }
    if (!lines.length) lines.push('');
    wrapped.set(key, lines);
    return lines;
  }

  // ---- which nodes are visible, and their sizes ------------------------------------------------
  function claimNode(uid, relation, group) {
    var claim = claims[uid];
    var node = { key: 'c:' + uid, kind: 'claim', uid: uid, relation: relation, group: group, kids: [] };
    node.lines = wrap(node.key, claim.text, W.claim - 2 * PAD, MAX_LINES.claim);
    node.marks = (state.show.colours && claim.label ? 1 : 0) + (state.show.checks && claim.problems.length ? 1 : 0);
    node.chips = claim.children.length || (state.show.evidence && claim.evidence.length) ? 1 : 0;
    node.w = W.claim;
    node.h = PAD + HEAD + node.lines.length * LINE + node.marks * LINE + node.chips * (CHIP + 4) + PAD - 2;
    if (!state.folded.has(uid)) {
      if (state.show.evidence && state.evidenceOpen.has(uid)) {
        claim.evidence.forEach(function (item, i) { node.kids.push(evidenceNode(uid, item, i)); });
      }
      claim.children.forEach(function (child, i) {
        if (!child.ref && parentOf.get(child.uid) === uid) node.kids.push(claimNode(child.uid, child.relation, child.group));
        else node.kids.push(refNode(uid, child, i));
      });
    }
    return node;
  }
  function evidenceNode(owner, item, i) {
    var node = { key: 'e:' + owner + ':' + i, kind: 'evidence', uid: owner, item: item, relation: 'evidence', kids: [] };
    node.lines = wrap(node.key, item.quote ? '“' + item.text + '”' : item.text, W.evidence - 2 * PAD, MAX_LINES.evidence);
    node.w = W.evidence;
    node.h = PAD + HEAD + node.lines.length * LINE + (item.source ? LINE : 0) + PAD - 2;
    return node;
  }
  function refNode(owner, child, i) {
    var target = claims[child.uid];
    var node = { key: 'r:' + owner + ':' + i, kind: 'ref', uid: child.uid, owner: owner, known: !!target,
      relation: child.relation, group: child.group, kids: [] };
    node.lines = wrap(node.key, target ? target.text : 'no claim has the id ' + child.uid, W.ref - 2 * PAD, MAX_LINES.ref);
    node.w = W.ref;
    node.h = PAD + HEAD + node.lines.length * LINE + PAD - 2;
    return node;
  }

  // ---- layout: a layered tidy tree ---------------------------------------------------------
  // Rows by depth; along a row each subtree is pushed as close to its left neighbour as their
  // outlines (contours, row by row) allow, then centred under its parent (Reingold and Tilford's
  // idea). "breadth" runs along a row: x when the thesis is at the top (TB), y when at the left (LR).
  function layout() {
    var began = performance.now();
    var tb = state.direction === 'TB', gap = tb ? GAP_X : GAP_X / 2, depthGap = tb ? GAP_Y : GAP_Y * 1.6;
    roots = D.roots.filter(function (uid) { return claims[uid]; }).map(function (uid) { return claimNode(uid, null, null); });
    layoutNodes = new Map();
    var rowSizes = [];
    function measure(node, depth) {
      layoutNodes.set(node.key, node);
      node.depth = depth;
      var breadth = tb ? node.w : node.h;
      rowSizes[depth] = Math.max(rowSizes[depth] || 0, tb ? node.h : node.w);
      var left = [], right = [], offsets = [];
      node.kids.forEach(function (kid, i) {
        kid.parent = node;
        var contour = measure(kid, depth + 1), shift = 0;
        if (i) {
          // room for the frame and its label where a linked group begins or ends
          var apart = gap + (kid.group !== node.kids[i - 1].group && (kid.group || node.kids[i - 1].group) ? 24 : 0);
          shift = -Infinity;
          for (var level = 0; level < contour.l.length && level < right.length; level++) {
            shift = Math.max(shift, right[level] - contour.l[level] + (level ? gap : apart));
          }
        }
        offsets.push(shift);
        for (var j = 0; j < contour.l.length; j++) {
          if (j >= left.length) left.push(contour.l[j] + shift);
          if (j < right.length) right[j] = contour.r[j] + shift; else right.push(contour.r[j] + shift);
        }
      });
      var mid = offsets.length ? (offsets[0] + offsets[offsets.length - 1]) / 2 : 0;
      node.kids.forEach(function (kid, i) { kid.offset = offsets[i] - mid; });
      var l = [-breadth / 2], r = [breadth / 2];
      for (var k = 0; k < left.length; k++) { l.push(left[k] - mid); r.push(right[k] - mid); }
      return { l: l, r: r };
    }
    var starts = [], ends = [], cursor = 0, extent = [Infinity, -Infinity];
    roots.forEach(function (root, i) {
      root.parent = null;
      var contour = measure(root, 0), shift = 0;
      if (i) {
        shift = -Infinity;
        for (var level = 0; level < contour.l.length && level < ends.length; level++) shift = Math.max(shift, ends[level] - contour.l[level] + ROOT_GAP);
        if (shift === -Infinity) shift = cursor;
      }
      root.offset = shift;
      for (var j = 0; j < contour.l.length; j++) {
        starts[j] = Math.min(starts[j] === undefined ? Infinity : starts[j], contour.l[j] + shift);
        ends[j] = Math.max(ends[j] === undefined ? -Infinity : ends[j], contour.r[j] + shift);
        extent[0] = Math.min(extent[0], contour.l[j] + shift);
        extent[1] = Math.max(extent[1], contour.r[j] + shift);
      }
      cursor = extent[1] + ROOT_GAP;
    });
    var rowStart = [0];
    for (var d = 1; d <= rowSizes.length; d++) rowStart[d] = rowStart[d - 1] + rowSizes[d - 1] + depthGap;
    function place(node, centre) {
      centre += node.offset;
      if (tb) { node.x = centre - node.w / 2; node.y = rowStart[node.depth]; }
      else { node.y = centre - node.h / 2; node.x = rowStart[node.depth]; }
      node.kids.forEach(function (kid) { place(kid, centre); });
    }
    roots.forEach(function (root) { place(root, -extent[0]); });
    var across = Math.max(1, extent[1] - extent[0]), along = rowStart[rowSizes.length] - depthGap;
    bounds = tb ? { x: 0, y: 0, w: across, h: along } : { x: 0, y: 0, w: along, h: across };
    api.layoutMs = performance.now() - began;
  }

  // ---- drawing ------------------------------------------------------------------------------
  function signature(node) {
    return [node.kind, state.folded.has(node.uid), state.evidenceOpen.has(node.uid), state.show.evidence,
      state.show.checks, state.show.colours, state.far].join();
  }
  function chip(action, label, text, x, y) {
    var g = el('g', { 'class': 'chip', 'data-action': action, role: 'button', 'aria-label': label });
    var width = Math.ceil(widthOf(text) * 0.9) + 14;
    g.appendChild(el('rect', { x: x, y: y, width: width, height: CHIP - 4, rx: 9 }));
    g.appendChild(el('text', { x: x + 7, y: y + 13 }, text));
    g.chipWidth = width;
    return g;
  }
  function shortHead(text, width) { // headings are one line; the panel shows them whole
    var most = Math.floor(HEAD_CHARS * width / W.claim);
    return text.length > most ? text.slice(0, most - 1) + '…' : text;
  }
  function accessibleName(node) {
    if (node.kind === 'evidence') return 'Evidence for ' + claims[node.uid].text + ': ' + node.item.text;
    if (node.kind === 'ref') return 'Reference to ' + (node.known ? claims[node.uid].text : 'an unknown id ' + node.uid);
    var claim = claims[node.uid], parts = [ROLE_WORDS[claim.role] + ': ' + claim.text.replace(/[.\s]+$/, '')];
    if (claim.label) parts.push(claim.label.status);
    if (claim.problems.length) parts.push(plural(claim.problems.length, 'problem') + ': ' + checkWords(claim).join(', '));
    if (claim.evidence.length) parts.push(evidenceWord(claim));
    if (hiddenCount.get(node.uid) && state.folded.has(node.uid)) parts.push(plural(hiddenCount.get(node.uid), 'claim') + ' folded');
    return parts.join('. ');
  }
  function draw(node) {
    var g = el('g', { 'class': 'node kind-' + node.kind, 'data-key': node.key, role: 'treeitem', tabindex: '-1',
      'aria-level': String(node.depth + 1) });
    var box = el('rect', { 'class': 'box', width: node.w, height: node.h, rx: node.kind === 'claim' ? 6 : 3 });
    g.appendChild(box);
    var y = PAD + 11, head;
    if (node.kind === 'claim') {
      var claim = claims[node.uid];
      g.classList.add('role-' + claim.role);
      if (claim.assumption) g.classList.add('assumption');
      var status = state.show.colours && claim.label ? D.statuses[claim.label.status] : null;
      if (state.far) { // too small to read: one box in its colour, drawn in a fraction of the time
        if (status) { box.style.fill = status.colour; box.style.fillOpacity = '0.45'; }
        g.setAttribute('aria-label', accessibleName(node));
        return g;
      }
      if (status) {
        g.insertBefore(el('rect', { 'class': 'tint', width: node.w, height: node.h, rx: 6, fill: status.colour, 'fill-opacity': '0.10' }), box.nextSibling);
        g.appendChild(el('rect', { x: 0, y: 0, width: 6, height: node.h, fill: status.colour }));
      }
      head = ROLE_WORDS[claim.role].toUpperCase() + (claim.assumption ? ' · ASSUMPTION' : '') + (claim.id ? ' · ' + claim.id : '');
      g.appendChild(el('text', { 'class': 'head', x: PAD + 4, y: y }, shortHead(head, W.claim)));
      y += HEAD;
      node.lines.forEach(function (line) { g.appendChild(el('text', { x: PAD + 4, y: y }, line)); y += LINE; });
      if (status) {
        g.appendChild(el('text', { 'class': 'marks status', x: PAD + 4, y: y, fill: status.colour }, status.sign + ' ' + claim.label.status));
        y += LINE;
      }
      if (state.show.checks && claim.problems.length) {
        g.appendChild(el('text', { 'class': 'marks check', x: PAD + 4, y: y }, D.finding_sign + ' ' + checkWords(claim).join(', ')));
        y += LINE;
      }
      var x = PAD + 4;
      if (claim.children.length) {
        var folded = state.folded.has(node.uid);
        var fold = folded ? chip('fold', 'Expand this branch', '+ ' + plural(hiddenCount.get(node.uid) || claim.children.length, 'claim'), x, y - 8)
          : chip('fold', 'Collapse this branch', '− fold', x, y - 8);
        g.appendChild(fold);
        x += fold.chipWidth + 6;
      }
      if (state.show.evidence && claim.evidence.length) {
        var open = state.evidenceOpen.has(node.uid);
        g.appendChild(chip('evidence', (open ? 'Hide ' : 'Show ') + evidenceWord(claim), (open ? '▾ ' : '▸ ') + evidenceWord(claim), x, y - 8));
      }
      if (hiddenCount.get(node.uid) || claim.children.length) g.setAttribute('aria-expanded', String(!state.folded.has(node.uid)));
    } else if (state.far) {
      // the box alone, as for claims
    } else if (node.kind === 'evidence') {
      var item = node.item;
      g.appendChild(el('text', { 'class': 'head', x: PAD, y: y }, shortHead((item.kind || 'evidence').toUpperCase() + (item.locator ? ' · ' + item.locator : ''), W.evidence)));
      y += HEAD;
      node.lines.forEach(function (line) { g.appendChild(el('text', { x: PAD, y: y }, line)); y += LINE; });
      if (item.source) g.appendChild(el('text', { 'class': 'cite', x: PAD, y: y }, '— ' + (item.source.citation || '')));
    } else {
      var target = claims[node.uid];
      g.appendChild(el('text', { 'class': 'head', x: PAD, y: y }, shortHead('↗ SEE ' + (target && target.id ? target.id : node.known ? 'CLAIM' : 'UNKNOWN'), W.ref)));
      y += HEAD;
      node.lines.forEach(function (line) { g.appendChild(el('text', { x: PAD, y: y }, line)); y += LINE; });
    }
    g.setAttribute('aria-label', accessibleName(node));
    return g;
  }

  function edgePath(parent, kid) {
    if (state.direction === 'LR') {
      var a = parent.x + parent.w, b = parent.y + parent.h / 2, c = kid.x, e = kid.y + kid.h / 2, m = (a + c) / 2;
      return 'M' + c + ',' + e + 'C' + m + ',' + e + ' ' + m + ',' + b + ' ' + a + ',' + b;
    }
    var x1 = parent.x + parent.w / 2, y1 = parent.y + parent.h, x2 = kid.x + kid.w / 2, y2 = kid.y, my = (y1 + y2) / 2;
    return 'M' + x2 + ',' + y2 + 'C' + x2 + ',' + my + ' ' + x1 + ',' + my + ' ' + x1 + ',' + y1;
  }

  function render() {
    var started = performance.now();
    layout();
    show(started);
  }
  // Draw what layout() placed: the nodes in view (cull), every edge and frame.
  function show(started) {
    // Elements of folded nodes are kept, out of the document, for when their branch unfolds again.
    nodeElements.forEach(function (entry, key) { if (!layoutNodes.has(key) && entry.g.parentNode) entry.g.remove(); });
    cull();
    var frames = document.createDocumentFragment();
    edgeElements.forEach(function (path, key) { if (!layoutNodes.has(key) && path.parentNode) path.remove(); });
    layoutNodes.forEach(function (node, key) {
      if (!node.parent) return;
      var path = edgeElements.get(key), d = edgePath(node.parent, node);
      if (!path) { path = el('path', { 'class': 'edge rel-' + node.relation }); edgeElements.set(key, path); }
      if (path.d !== d) { path.setAttribute('d', d); path.d = d; }
      if (!path.parentNode) edgeLayer.appendChild(path);
    });
    layoutNodes.forEach(function (node) { // one frame around each linked group's members
      var members = node.kids.filter(function (k) { return k.group; }), seen = {};
      members.forEach(function (k) {
        if (seen[k.group]) return;
        var group = members.filter(function (m) { return m.group === k.group; });
        seen[k.group] = true;
        if (group.length < 2) return;
        var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        group.forEach(function (m) { x0 = Math.min(x0, m.x); y0 = Math.min(y0, m.y); x1 = Math.max(x1, m.x + m.w); y1 = Math.max(y1, m.y + m.h); });
        frames.appendChild(el('rect', { 'class': 'frame', x: x0 - 6, y: y0 - 18, width: x1 - x0 + 12, height: y1 - y0 + 24, rx: 8 }));
        frames.appendChild(el('text', { 'class': 'frame-label', x: x0, y: y0 - 6 }, 'together: these count only jointly'));
      });
    });
    frameLayer.replaceChildren(frames);
    var focus = state.focused && layoutNodes.get(state.focused) ? state.focused : roots.length ? roots[0].key : null;
    setFocusable(focus);
    api.lastRenderMs = performance.now() - (started || 0);
  }

  // Only the nodes on screen (and half a screen around) are in the document: a map of thousands of
  // claims stays quick to pan, and zooming in shapes the words of the few nodes in view only.
  function cull() {
    var s = size(), v = state.view, mw = s.w / 2, mh = s.h / 2;
    var x0 = (-mw - v.x) / v.k, x1 = (s.w + mw - v.x) / v.k, y0 = (-mh - v.y) / v.k, y1 = (s.h + mh - v.y) / v.k;
    var selectedKey = 'c:' + state.selected;
    layoutNodes.forEach(function (node, key) {
      var entry = nodeElements.get(key);
      var inside = (node.x < x1 && node.x + node.w > x0 && node.y < y1 && node.y + node.h > y0) || key === state.focused;
      if (!inside) { if (entry && entry.g.parentNode) entry.g.remove(); return; }
      var sig = signature(node);
      if (!entry || entry.sig !== sig || entry.h !== node.h) {
        var g = draw(node);
        if (entry && entry.g.parentNode) entry.g.replaceWith(g);
        entry = { g: g, sig: sig, h: node.h };
        nodeElements.set(key, entry);
      }
      if (entry.x !== node.x || entry.y !== node.y) {
        entry.g.setAttribute('transform', 'translate(' + node.x + ',' + node.y + ')');
        entry.x = node.x; entry.y = node.y;
      }
      var selected = key === selectedKey, match = node.kind === 'claim' && state.matchSet !== undefined && state.matchSet.has(node.uid);
      if (entry.selected !== selected) { entry.g.classList.toggle('selected', selected); entry.g.setAttribute('aria-selected', String(selected)); entry.selected = selected; }
      if (entry.match !== match) { entry.g.classList.toggle('match', match); entry.match = match; }
      if (entry.tabbable !== (key === state.focused)) { entry.tabbable = key === state.focused; entry.g.setAttribute('tabindex', entry.tabbable ? '0' : '-1'); }
      if (!entry.g.parentNode) nodeLayer.appendChild(entry.g);
    });
  }
  var cullPending = false;
  function cullSoon() {
    if (cullPending) return;
    cullPending = true;
    requestAnimationFrame(function () { cullPending = false; cull(); });
  }

  // ---- view: pan, zoom, fit --------------------------------------------------------------------
  function applyView() {
    var v = state.view;
    viewport.setAttribute('transform', 'translate(' + v.x + ',' + v.y + ') scale(' + v.k + ')');
    // Too small to read: draw boxes without their words, which the browser then need not shape or paint
    // (on a map of thousands of claims, the fitted overview).
    state.far = v.k < FAR;
    svg.classList.toggle('far', state.far);
    cullSoon();
  }
  // The stage's size, measured once and then kept by a ResizeObserver: measuring on demand would make
  // the browser lay out thousands of freshly drawn nodes at once.
  var stageSize = null;
  function size() {
    if (!stageSize) { var r = svg.getBoundingClientRect(); stageSize = { w: r.width || 800, h: r.height || 600 }; }
    return stageSize;
  }
  new ResizeObserver(function (entries) {
    var r = entries[entries.length - 1].contentRect;
    stageSize = { w: r.width || 800, h: r.height || 600 };
    cullSoon();
  }).observe(svg);
  function fitScale() {
    var s = size(), margin = 24;
    return Math.min((s.w - 2 * margin) / bounds.w, (s.h - 2 * margin) / bounds.h, 1.25);
  }
  // The direction in which the map as folded, fitted to the window, is drawn largest, and that scale.
  function readableDirection(directions) {
    var best = null;
    directions.forEach(function (direction) {
      state.direction = direction;
      layout();
      var k = fitScale();
      if (!best || k > best.k * 1.05) best = { direction: direction, k: k };
    });
    return best;
  }
  function showDirection() {
    var tb = state.direction === 'TB';
    $('direction').textContent = tb ? 'Thesis at left' : 'Thesis on top';
    $('keys').textContent = 'Keys: ' + (tb ? '↑ parent, ↓ first child, ← → siblings' : '← parent, → first child, ↑ ↓ siblings') +
      ', Enter open, Space fold, + − expand or collapse, e evidence, Escape close the panel, / search, f fit';
  }
  function setDirection(direction) {
    state.direction = direction;
    showDirection();
    render();
    fit();
    fillLegend();
  }
  function fit() {
    fitView();
    applyView();
  }
  function fitView() {
    if (!bounds) return;
    var s = size(), margin = 24, k = fitScale();
    state.view = { k: k, x: (s.w - bounds.w * k) / 2 - bounds.x * k, y: state.direction === 'TB' ? margin - bounds.y * k : (s.h - bounds.h * k) / 2 - bounds.y * k };
  }
  function zoomAt(factor, cx, cy) {
    var v = state.view, k = Math.min(4, Math.max(0.02, v.k * factor));
    state.view = { k: k, x: cx - (cx - v.x) * k / v.k, y: cy - (cy - v.y) * k / v.k };
    applyView();
  }
  function bringIntoView(key, centre) {
    var node = layoutNodes.get(key);
    if (!node) return;
    var s = size(), v = state.view;
    if (centre && v.k < 0.6) v.k = 1;
    var sx = node.x * v.k + v.x, sy = node.y * v.k + v.y, sw = node.w * v.k, sh = node.h * v.k;
    if (centre || sx < 0 || sy < 0 || sx + sw > s.w || sy + sh > s.h) {
      v.x = s.w / 2 - (node.x + node.w / 2) * v.k;
      v.y = s.h / 2 - (node.y + node.h / 2) * v.k;
    }
    applyView();
  }
  var pointers = new Map(), drag = null, dragged = false;
  svg.addEventListener('pointerdown', function (event) {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    dragged = false;
    drag = { x: event.clientX, y: event.clientY, vx: state.view.x, vy: state.view.y };
    if (pointers.size === 2) {
      var p = Array.from(pointers.values());
      drag.pinch = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      drag.k = state.view.k;
    }
  });
  svg.addEventListener('pointermove', function (event) {
    if (!drag || !pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2 && drag.pinch) {
      var p = Array.from(pointers.values()), r = svg.getBoundingClientRect();
      var distance = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      zoomAt(drag.k * distance / drag.pinch / state.view.k, (p[0].x + p[1].x) / 2 - r.left, (p[0].y + p[1].y) / 2 - r.top);
      dragged = true;
      return;
    }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) { svg.setPointerCapture(event.pointerId); svg.classList.add('dragging'); }
    dragged = true;
    state.view.x = drag.vx + dx; state.view.y = drag.vy + dy;
    applyView();
  });
  function endDrag(event) {
    pointers.delete(event.pointerId);
    if (!pointers.size) { drag = null; svg.classList.remove('dragging'); }
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('wheel', function (event) {
    event.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-event.deltaY * (event.deltaMode ? 0.05 : 0.0015)), event.clientX - r.left, event.clientY - r.top);
  }, { passive: false });

  // ---- folding, selection, focus ----------------------------------------------------------------
  function reveal(uid) {
    var changed = false;
    for (var p = parentOf.get(uid); p !== undefined; p = parentOf.get(p)) {
      if (state.folded.delete(p)) changed = true;
    }
    return changed;
  }
  function setFolded(uid, folded) {
    if (!claims[uid] || state.folded.has(uid) === folded) return;
    if (folded) state.folded.add(uid); else state.folded.delete(uid);
    render();
  }
  function setFocusable(key) {
    var old = nodeElements.get(state.focused);
    if (old && state.focused !== key) { old.g.setAttribute('tabindex', '-1'); old.tabbable = false; }
    state.focused = key;
    var entry = nodeElements.get(key);
    if (entry) { entry.g.setAttribute('tabindex', '0'); entry.tabbable = true; }
  }
  function focusNode(key) {
    if (!key || !layoutNodes.get(key)) return;
    setFocusable(key);
    bringIntoView(key, false);
    cull();
    nodeElements.get(key).g.focus({ preventScroll: true });
  }
  function select(uid, options) {
    if (!claims[uid]) return false;
    state.selected = uid;
    reveal(uid);
    render();
    showPanel(uid);
    if (!options || options.hash !== false) history.replaceState(null, '', '#' + encodeURIComponent(uid));
    bringIntoView('c:' + uid, !options || options.centre !== false);
    cull();
    if (!options || options.focus !== false) focusNode('c:' + uid);
    return true;
  }
  function closePanel() {
    $('panel').hidden = true;
    var had = state.selected;
    state.selected = null;
    if (had && nodeElements.get('c:' + had)) {
      nodeElements.get('c:' + had).g.classList.remove('selected');
      focusNode('c:' + had);
    }
    history.replaceState(null, '', location.pathname + location.search);
  }

  // ---- the side panel ----------------------------------------------------------------------
  function safeLink(url) {
    var parsed;
    try { parsed = new URL(url); } catch (error) { return html('span', 'url', url); }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return html('span', 'url', url);
    var a = html('a', null, url);
    a.href = parsed.href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }
  function field(parent, name, value) {
    if (value === null || value === undefined || value === '') return;
    var p = html('div', 'meta');
    p.appendChild(html('b', null, name + ': '));
    p.appendChild(typeof value === 'string' ? document.createTextNode(value) : value);
    parent.appendChild(p);
  }
  function showPanel(uid) {
    var claim = claims[uid], body = $('panel-body');
    body.replaceChildren();
    body.appendChild(html('h2', null, ROLE_WORDS[claim.role] + (claim.assumption ? ' (assumption)' : '')));
    body.appendChild(html('p', 'claim-text', claim.text));
    field(body, 'id', claim.id || uid);
    field(body, 'line', String(claim.line));
    if (claim.tags.length) field(body, 'tags', claim.tags.join(', '));
    field(body, 'note', claim.note);
    if (claim.label) {
      var look = D.statuses[claim.label.status], p = html('p');
      var word = html('span', 'status-word', look.sign + ' ' + claim.label.status);
      word.style.color = look.colour;
      p.appendChild(html('b', null, 'Evaluation: '));
      p.appendChild(word);
      p.appendChild(document.createTextNode(' — ' + claim.label.reason));
      body.appendChild(p);
    }
    body.appendChild(html('h3', null, claim.problems.length ? 'Problems (' + claim.problems.length + ')' : 'No problems found'));
    var list = html('ul');
    claim.problems.forEach(function (problem) { list.appendChild(problemItem(problem, false)); });
    body.appendChild(list);
    if (claim.evidence.length) {
      body.appendChild(html('h3', null, 'Evidence (' + claim.evidence.length + ')'));
      var items = html('ul');
      claim.evidence.forEach(function (item) {
        var li = html('li');
        li.appendChild(html('blockquote', null, item.text));
        field(li, 'kind', item.kind);
        field(li, 'locator', item.locator);
        if (item.url) field(li, 'link', safeLink(item.url));
        var source = item.source;
        if (source) {
          field(li, 'source', source.key && source.key !== source.citation ? source.citation + ' [' + source.key + ']' : source.citation);
          field(li, 'author', source.author);
          field(li, 'title', source.title);
          field(li, 'date', source.date);
          field(li, 'publisher', source.publisher);
          if (source.url) field(li, 'url', safeLink(source.url));
        }
        items.appendChild(li);
      });
      body.appendChild(items);
    }
    $('panel').hidden = false;
  }
  function problemItem(problem, withButton) {
    var li = html('li'), where = problem.file + ':' + problem.line + ':' + problem.column;
    var severity = html('span', 'severity-' + problem.severity, problem.severity);
    var parts = [document.createTextNode(where + ' '), severity, document.createTextNode(' ' + problem.rule + ': ' + problem.message)];
    var holder = li;
    if (withButton && problem.node && claims[problem.node]) {
      holder = html('button');
      holder.type = 'button';
      holder.addEventListener('click', function () { select(problem.node); });
      li.appendChild(holder);
    }
    parts.forEach(function (part) { holder.appendChild(part); });
    return li;
  }
  function fillProblems() {
    var list = $('problems-list');
    list.replaceChildren();
    D.problems.forEach(function (problem) { list.appendChild(problemItem(problem, true)); });
    if (!D.problems.length) list.appendChild(html('li', null, 'argmap check found no problems.'));
    $('problems-button').textContent = 'Problems (' + D.problems.length + ')';
  }

  // ---- legend: every mark and colour in use -------------------------------------------------
  function swatch(className, extra) {
    var s = el('svg', { 'class': 'am swatch', width: 34, height: 18, 'aria-hidden': 'true' });
    var g = el('g', { 'class': className });
    g.appendChild(el('rect', { 'class': 'box', x: 2, y: 2, width: 30, height: 14, rx: 3 }));
    if (extra) g.appendChild(extra);
    s.appendChild(g);
    return s;
  }
  function legendItem(list, picture, text) {
    var li = html('li');
    li.appendChild(picture);
    li.appendChild(html('span', null, text));
    list.appendChild(li);
  }
  function fillLegend() {
    var list = $('legend-list'), roles = {}, statuses = {}, words = {}, relations = {}, any = { evidence: 0, refs: 0, linked: 0, assumption: 0 };
    list.replaceChildren();
    Object.keys(claims).forEach(function (uid) {
      var claim = claims[uid];
      roles[claim.role] = 1;
      if (claim.label) statuses[claim.label.status] = 1;
      checkWords(claim).forEach(function (w) { words[w] = 1; });
      if (claim.evidence.length) any.evidence = 1;
      if (claim.assumption) any.assumption = 1;
      claim.children.forEach(function (c) { relations[c.relation] = 1; if (c.ref) any.refs = 1; if (c.group) any.linked = 1; });
    });
    Object.keys(ROLE_WORDS).forEach(function (role) {
      if (roles[role]) legendItem(list, swatch('node role-' + role), ROLE_WORDS[role] + ' (named at the top of its box)');
    });
    if (any.assumption) legendItem(list, swatch('node role-premise assumption'), 'Assumption: granted without support (thick border, ASSUMPTION)');
    Object.keys(relations).forEach(function (relation) {
      var line = el('svg', { 'class': 'am swatch', width: 34, height: 18, 'aria-hidden': 'true' });
      line.appendChild(el('path', { 'class': 'edge rel-' + relation, d: 'M2,9H32' }));
      legendItem(list, line, EDGE_WORDS[relation]);
    });
    if (state.show.colours) {
      Object.keys(D.statuses).forEach(function (status) {
        if (!statuses[status]) return;
        var look = D.statuses[status];
        var sign = el('text', { x: 13, y: 14, fill: look.colour }, look.sign);
        var s = swatch('node', sign);
        s.querySelector('rect').setAttribute('fill', look.colour);
        s.querySelector('rect').style.fill = look.colour;
        s.querySelector('rect').style.fillOpacity = '0.15';
        legendItem(list, s, look.sign + ' ' + status + ' (argmap eval; colour and sign)');
      });
    }
    if (state.show.checks) {
      Object.keys(words).forEach(function (word) {
        legendItem(list, swatch('node', el('text', { x: 11, y: 14, 'class': 'check' }, D.finding_sign)), D.finding_sign + ' ' + word + ': found by argmap check');
      });
    }
    if (state.show.evidence && any.evidence) legendItem(list, swatch('node kind-evidence'), '▸ n quotes: evidence, folded; click to show it');
    if (any.refs) legendItem(list, swatch('node kind-ref'), '↗ SEE: a claim used again here (a ref); click to go to it');
    if (any.linked) {
      var frame = el('svg', { 'class': 'am swatch', width: 34, height: 18, 'aria-hidden': 'true' });
      frame.appendChild(el('rect', { 'class': 'frame', x: 2, y: 2, width: 30, height: 14, rx: 4 }));
      legendItem(list, frame, 'Dashed frame “together”: co-premises that count only jointly');
    }
    legendItem(list, swatch('node match'), 'Search match (thick yellow border; other claims dimmed)');
    legendItem(list, swatch('node selected'), 'Selected claim (thick blue border)');
  }

  // ---- search -------------------------------------------------------------------------------
  function search(query) {
    query = query.trim().toLowerCase();
    state.matches = [];
    state.matchIndex = -1;
    state.matchSet = undefined;
    if (query) {
      Object.keys(claims).forEach(function (uid) {
        var claim = claims[uid];
        if (claim.text.toLowerCase().indexOf(query) >= 0 || (claim.id && claim.id.toLowerCase().indexOf(query) >= 0)) state.matches.push(uid);
      });
      state.matchSet = new Set(state.matches);
      state.matches.forEach(reveal);
    }
    svg.classList.toggle('searching', !!query);
    $('search-count').textContent = query ? plural(state.matches.length, 'match').replace('matchs', 'matches') : '';
    render();
    if (state.matches.length) bringIntoView('c:' + state.matches[0], true);
  }
  function nextMatch(step) {
    if (!state.matches.length) return;
    state.matchIndex = (state.matchIndex + step + state.matches.length) % state.matches.length;
    select(state.matches[state.matchIndex], { focus: false });
    $('search-count').textContent = (state.matchIndex + 1) + ' of ' + state.matches.length;
  }

  // ---- keyboard ------------------------------------------------------------------------------
  function siblings(node) { return node.parent ? node.parent.kids : roots; }
  svg.addEventListener('keydown', function (event) {
    var node = layoutNodes.get(state.focused);
    if (!node) return;
    var list = siblings(node), i = list.indexOf(node), target = null, handled = true;
    var key = state.direction === 'LR' ? { ArrowLeft: 'ArrowUp', ArrowRight: 'ArrowDown', ArrowUp: 'ArrowLeft', ArrowDown: 'ArrowRight' }[event.key] || event.key : event.key;
    switch (key) {
      case 'ArrowUp': target = node.parent; break;
      case 'ArrowDown':
        if (node.kind === 'claim' && state.folded.has(node.uid)) { setFolded(node.uid, false); node = layoutNodes.get(state.focused); }
        target = node.kids[0];
        break;
      case 'ArrowLeft': target = list[i - 1]; break;
      case 'ArrowRight': target = list[i + 1]; break;
      case 'Home': target = roots[0]; break;
      case 'Enter': select(node.uid); break; // a claim; for evidence its claim; for a ref the claim it names
      case ' ': case 'Spacebar': if (node.kind === 'claim') setFolded(node.uid, !state.folded.has(node.uid)); break;
      case '+': case '=': if (node.kind === 'claim') setFolded(node.uid, false); break;
      case '-': if (node.kind === 'claim') setFolded(node.uid, true); break;
      case 'e': if (node.kind === 'claim') toggleEvidence(node.uid); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); if (target) focusNode(target.key); else focusNode(state.focused); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !$('panel').hidden) { event.preventDefault(); closePanel(); return; }
    var typing = event.target && (event.target.tagName === 'INPUT' || event.target.tagName === 'TEXTAREA');
    if (typing) return;
    if (event.key === '/') { event.preventDefault(); $('search').focus(); }
    else if (event.key === 'f' && !event.ctrlKey && !event.metaKey) fit();
  });
  function toggleEvidence(uid) {
    if (state.evidenceOpen.has(uid)) state.evidenceOpen.delete(uid); else state.evidenceOpen.add(uid);
    render();
  }

  // ---- clicks ---------------------------------------------------------------------------------
  nodeLayer.addEventListener('click', function (event) {
    if (dragged) return;
    var g = event.target.closest('[data-key]');
    if (!g) return;
    var node = layoutNodes.get(g.getAttribute('data-key')), action = event.target.closest('[data-action]');
    if (!node) return;
    if (action && action.getAttribute('data-action') === 'fold') { setFolded(node.uid, !state.folded.has(node.uid)); focusNode(node.key); }
    else if (action && action.getAttribute('data-action') === 'evidence') { toggleEvidence(node.uid); select(node.uid, { centre: false }); }
    else if (node.kind === 'ref') { if (node.known) select(node.uid); }
    else select(node.uid, { focus: node.kind === 'claim', centre: false });
  });

  // ---- export and print -------------------------------------------------------------------------
  function diagramStyle() {
    var rules = [];
    Array.from(document.styleSheets).forEach(function (sheet) {
      Array.from(sheet.cssRules).forEach(function (rule) {
        if (rule.selectorText && rule.selectorText.indexOf('.am') === 0 && rule.selectorText.indexOf(':') < 0) rules.push(rule.cssText);
      });
    });
    return rules.join('\n');
  }
  function standaloneSvg() {
    var margin = 20, copy = svg.cloneNode(true);
    copy.setAttribute('xmlns', SVGNS);
    copy.setAttribute('width', String(Math.ceil(bounds.w + 2 * margin)));
    copy.setAttribute('height', String(Math.ceil(bounds.h + 2 * margin)));
    copy.setAttribute('viewBox', [bounds.x - margin, bounds.y - margin, bounds.w + 2 * margin, bounds.h + 2 * margin].join(' '));
    copy.removeAttribute('id');
    copy.classList.remove('searching');
    copy.querySelector('#viewport').removeAttribute('transform');
    copy.classList.remove('far');
    var nodes = copy.querySelector('#nodes');
    nodes.replaceChildren();
    var far = state.far;
    state.far = false; // every node in full, not only those on screen, however small the view
    layoutNodes.forEach(function (node) {
      var g = draw(node);
      g.setAttribute('transform', 'translate(' + node.x + ',' + node.y + ')');
      nodes.appendChild(g);
    });
    state.far = far;
    copy.querySelectorAll('[tabindex]').forEach(function (n) { n.removeAttribute('tabindex'); });
    var style = el('style', {}, diagramStyle());
    copy.insertBefore(style, copy.firstChild);
    copy.insertBefore(el('rect', { x: bounds.x - margin, y: bounds.y - margin, width: bounds.w + 2 * margin, height: bounds.h + 2 * margin, fill: '#fff' }), style.nextSibling);
    if (D.title) copy.insertBefore(el('title', {}, D.title), copy.firstChild);
    return { text: new XMLSerializer().serializeToString(copy), w: bounds.w + 2 * margin, h: bounds.h + 2 * margin };
  }
  function baseName() { return (D.file || 'map').replace(/\.[^.]*$/, '') || 'map'; }
  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  function exportSvg() { download(new Blob([standaloneSvg().text], { type: 'image/svg+xml' }), baseName() + '.svg'); }
  function exportPng() {
    var drawing = standaloneSvg(), scale = Math.min(2, 16000 / Math.max(drawing.w, drawing.h));
    var url = URL.createObjectURL(new Blob([drawing.text], { type: 'image/svg+xml' })), image = new Image();
    image.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(drawing.w * scale));
      canvas.height = Math.max(1, Math.round(drawing.h * scale));
      var context = canvas.getContext('2d');
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, drawing.w, drawing.h);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { download(blob, baseName() + '.png'); }, 'image/png');
    };
    image.src = url;
  }
  var beforePrint = null;
  window.addEventListener('beforeprint', function () { beforePrint = Object.assign({}, state.view); fit(); cull(); });
  window.addEventListener('afterprint', function () { if (beforePrint) { state.view = beforePrint; applyView(); } });

  // ---- toolbar --------------------------------------------------------------------------------
  function centre() { var s = size(); return [s.w / 2, s.h / 2]; }
  $('zoom-in').addEventListener('click', function () { zoomAt.apply(null, [1.25].concat(centre())); });
  $('zoom-out').addEventListener('click', function () { zoomAt.apply(null, [0.8].concat(centre())); });
  $('fit').addEventListener('click', fit);
  $('direction').addEventListener('click', function () { setDirection(state.direction === 'TB' ? 'LR' : 'TB'); });
  $('expand-all').addEventListener('click', function () { state.folded.clear(); render(); fit(); });
  $('collapse-all').addEventListener('click', function () {
    Object.keys(claims).forEach(function (uid) { if (parentOf.has(uid) && claims[uid].children.length) state.folded.add(uid); });
    render(); fit();
  });
  [['show-evidence', 'evidence'], ['show-checks', 'checks'], ['show-colours', 'colours']].forEach(function (pair) {
    $(pair[0]).addEventListener('change', function (event) {
      state.show[pair[1]] = event.target.checked;
      wrapped.clear();
      render();
      fillLegend();
    });
  });
  $('export-svg').addEventListener('click', exportSvg);
  $('export-png').addEventListener('click', exportPng);
  $('print').addEventListener('click', function () { window.print(); });
  $('panel-close').addEventListener('click', closePanel);
  function toggleAside(id) {
    var aside = $(id), button = $(id + '-button');
    aside.hidden = !aside.hidden;
    button.setAttribute('aria-expanded', String(!aside.hidden));
  }
  $('problems-button').addEventListener('click', function () { toggleAside('problems'); });
  $('legend-button').addEventListener('click', function () { toggleAside('legend'); });
  var searchTimer = null;
  $('search').addEventListener('input', function (event) {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { search(event.target.value); }, 120);
  });
  $('search').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); clearTimeout(searchTimer); if (state.matchSet === undefined) search(event.target.value); nextMatch(event.shiftKey ? -1 : 1); }
  });
  function fromHash() {
    var uid = decodeURIComponent(location.hash.slice(1));
    return uid && claims[uid] ? uid : null;
  }
  window.addEventListener('hashchange', function () { var uid = fromHash(); if (uid) select(uid, { hash: false }); });

  // ---- showing a map, and replacing it (live preview) ------------------------------------------
  function showHeader() {
    document.title = (D.title || D.file || 'Argument map') + ' · argmap';
    $('title').textContent = D.title || D.file || 'Argument map';
    $('verdict').textContent = D.verdict ? 'Evaluation: ' + D.verdict : '';
    fillProblems();
    fillLegend();
  }
  function update(message) {
    var banner = $('banner');
    if (!message.view) {
      var lines = (message.load_problems || []).map(function (p) { return p.file + ':' + p.line + ':' + p.column + ' ' + p.rule + ' ' + p.message; });
      banner.textContent = 'The map could not be read; the last good version stays on screen.\n' + lines.join('\n');
      banner.hidden = false;
      return;
    }
    banner.hidden = true;
    banner.textContent = '';
    index(message.view);
    wrapped.clear();
    nodeElements.forEach(function (entry) { entry.g.remove(); });
    nodeElements.clear();
    edgeElements.forEach(function (path) { path.remove(); });
    edgeElements.clear();
    state.folded.forEach(function (uid) { if (!claims[uid]) state.folded.delete(uid); });
    state.evidenceOpen.forEach(function (uid) { if (!claims[uid]) state.evidenceOpen.delete(uid); });
    if (state.matchSet !== undefined) search($('search').value);
    render();
    showHeader();
    if (state.selected && claims[state.selected]) showPanel(state.selected);
    else if (state.selected) { state.selected = null; $('panel').hidden = true; }
  }
  // A map opens unfolded down to the deepest level at which its words can be read with the whole
  // view in the window (a scale of READABLE), showing at most OPEN_CLAIMS claims, and laid out in
  // the direction that draws it larger; every branch unfolds on demand.
  function foldBelow(depths, depth) {
    state.folded.clear();
    if (depth === null) return;
    depths.forEach(function (d, uid) { if (d >= depth && claims[uid].children.length) state.folded.add(uid); });
  }
  function openingView(settings) {
    var depths = new Map(), perDepth = [];
    Object.keys(claims).forEach(function (uid) {
      var d = depthOf(uid);
      depths.set(uid, d);
      perDepth[d] = (perDepth[d] || 0) + 1;
    });
    var shown = 0, deepest = 0;
    while (deepest < perDepth.length && shown + (perDepth[deepest] || 0) <= OPEN_CLAIMS) shown += perDepth[deepest++] || 0;
    var tries = [];
    if (typeof settings.depth === 'number') tries.push(settings.depth);
    else {
      if (deepest >= perDepth.length) tries.push(null); // the whole map
      for (var d = Math.min(deepest, perDepth.length) - 1; d >= 1; d--) tries.push(d);
      if (!tries.length) tries.push(1);
    }
    var directions = settings.direction === 'LR' || settings.direction === 'TB' ? [settings.direction] : ['TB', 'LR'];
    for (var i = 0; i < tries.length; i++) {
      foldBelow(depths, tries[i]);
      var best = readableDirection(directions);
      if (best.k >= READABLE || i === tries.length - 1) { state.direction = best.direction; return; }
    }
  }
  function start() {
    var t = api.timings, mark = function (name) { t[name] = Math.round(performance.now()); };
    mark('start');
    index(JSON.parse($('argmap-data').textContent));
    mark('indexed');
    var settings = D.settings || {};
    ['evidence', 'checks', 'colours'].forEach(function (name) {
      if (settings[name] === false) { state.show[name] = false; $('show-' + name).checked = false; }
    });
    showHeader(); // first: the header's height decides the stage's size, which the layout's fit needs
    mark('panels');
    openingView(settings);
    showDirection();
    layout();
    fitView();
    applyView();
    mark('laid out');
    show();
    mark('drawn');
    var first = fromHash() || (settings.focus && claims[settings.focus] ? settings.focus : null);
    if (first) select(first, { hash: false, focus: false });
    var live = JSON.parse($('argmap-live').textContent);
    if (live) {
      var source = new EventSource(live);
      source.onmessage = function (event) { update(JSON.parse(event.data)); };
    }
    api.ready = true;
    api.readyAt = performance.now();
    requestAnimationFrame(function () { setTimeout(function () { api.paintedAt = performance.now(); }, 0); });
  }

  var api = {
    ready: false, timings: {}, update: update, select: select, fit: fit,
    fold: function (uid, folded) { setFolded(uid, folded !== false); },
    visibleCount: function () { return layoutNodes.size; },
    view: function () { return Object.assign({}, state.view); },
    bounds: function () { return Object.assign({ direction: state.direction }, bounds); },
    folded: function () { return Array.from(state.folded); },
    selected: function () { return state.selected; }
  };
  window.argmapView = api;
  start();
})();
