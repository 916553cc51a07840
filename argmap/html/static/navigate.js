  // Moving around the map: pan, zoom and fit; folding, selecting and focusing; search; keys; clicks.
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
