  // Nodes, edges and frames as SVG elements: only those in view are in the document.
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
    var claim = claims[node.uid], parts = [D.role_words[claim.role] + ': ' + claim.text.replace(/[.\s]+$/, '')];
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
      head = D.role_words[claim.role].toUpperCase() + (claim.assumption ? ' · ASSUMPTION' : '') + (claim.id ? ' · ' + claim.id : '');
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
