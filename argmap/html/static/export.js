  // Export as SVG and PNG, print, and the toolbar's buttons.
  // ---- export and print -------------------------------------------------------------------------
  function diagramStyle() {
    var rules = [];
    Array.from(document.styleSheets).forEach(function (sheet) {
      Array.from(sheet.cssRules).forEach(function (rule) {
        // the palette's :root rule too: in the SVG file, its root element defines the colours the rules name
        var own = rule.selectorText === ':root' || (rule.selectorText && rule.selectorText.indexOf('.am') === 0 && rule.selectorText.indexOf(':') < 0);
        if (own) rules.push(rule.cssText);
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
    copy.insertBefore(el('rect', { x: bounds.x - margin, y: bounds.y - margin, width: bounds.w + 2 * margin, height: bounds.h + 2 * margin, 'class': 'paper' }), style.nextSibling);
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
    var uid = location.hash.slice(1);
    try { uid = decodeURIComponent(uid); } catch (error) { return null; } // a mistyped link: "#100%"
    return uid && claims[uid] ? uid : null;
  }
  window.addEventListener('hashchange', function () { var uid = fromHash(); if (uid) select(uid, { hash: false }); });
