  // Showing a map, and replacing it (the live preview of argmap serve); window.argmapView.
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
    if (live) follow(live);
    api.ready = true;
    api.readyAt = performance.now();
    requestAnimationFrame(function () { setTimeout(function () { api.paintedAt = performance.now(); }, 0); });
  }

  // A live page (argmap serve) follows its map's stream while it can be seen. A hidden tab lets
  // the stream go, since a browser opens at most six connections to one server; shown again, it
  // asks for the map as it is now (the stream's URL without the "since" that spares the first
  // message) and shows it, keeping the view as every update does.
  function follow(url) {
    var source = null;
    function connect(since) {
      source = new EventSource(since ? url : url.split('?')[0]);
      source.onmessage = function (event) { update(JSON.parse(event.data)); };
    }
    document.addEventListener('visibilitychange', function () {
      if (document.hidden && source) { source.close(); source = null; } else if (!document.hidden && !source) connect(false);
    });
    if (!document.hidden) connect(true);
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
