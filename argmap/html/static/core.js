  // The page's constants, state and small helpers; the map's data indexed; text measured and wrapped.
  var SVGNS = 'http://www.w3.org/2000/svg';
  var W = { claim: 240, evidence: 240, ref: 180 };
  var OPEN_CLAIMS = 150, READABLE = 0.5, FAR = 0.3, HEAD_CHARS = 31, PAD = 8, LINE = 16, HEAD = 16, CHIP = 22, GAP_X = 22, GAP_Y = 46, ROOT_GAP = 70;
  var FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var MAX_LINES = { claim: 8, evidence: 6, ref: 2 };
  // What each relation's line means and its pattern; its colour's name comes with the data (D.line_colours).
  var EDGE_WORDS = {
    premises: ['supports', 'solid line'], objections: ['objects', 'dashed line'],
    rebuttals: ['rebuts', 'dash-dot line'], undercuts: ['undercuts the link', 'dotted line'],
    evidence: ['evidence for the claim', 'thin line']
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
    // Claims by id in an object with no prototype: an id in a link or a ref ("constructor",
    // "__proto__") must not find Object's own properties.
    claims = Object.assign(Object.create(null), D.claims);
    parentOf = new Map();
    hiddenCount = new Map();
    var order = [];
    D.roots.forEach(function (root) {
      var stack = [root];
      while (stack.length) {
        var uid = stack.pop();
        order.push(uid);
        itemsBelow(uid).forEach(function (child) {
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
  // The items below a claim, and below its refs the undercuts written on them (which deny that
  // use of the claim only): a claim defined there belongs to the claim the ref is written under.
  function itemsBelow(uid) {
    var items = [];
    (function add(children) {
      children.forEach(function (child) { items.push(child); if (child.undercuts) add(child.undercuts); });
    })(claims[uid].children);
    return items;
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
