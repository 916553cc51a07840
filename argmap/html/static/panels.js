  // The side panel of the selected claim, the problems list and the legend.
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
    body.appendChild(html('h2', null, D.role_words[claim.role] + (claim.assumption ? ' (assumption)' : '')));
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
    var list = $('legend-list'), roles = {}, statuses = {}, words = {}, relations = {}, assumed = {}, any = { evidence: 0, refs: 0, linked: 0 };
    list.replaceChildren();
    Object.keys(claims).forEach(function (uid) {
      var claim = claims[uid];
      roles[claim.role] = 1;
      if (claim.label) statuses[claim.label.status] = 1;
      checkWords(claim).forEach(function (w) { words[w] = 1; });
      if (claim.evidence.length) any.evidence = 1;
      if (claim.assumption) assumed[claim.role] = 1;
      itemsBelow(uid).forEach(function (c) { relations[c.relation] = 1; if (c.ref) any.refs = 1; if (c.group) any.linked = 1; });
    });
    Object.keys(D.role_words).forEach(function (role) {
      if (roles[role]) legendItem(list, swatch('node role-' + role), D.role_words[role] + ' (named at the top of its box)');
    });
    Object.keys(D.role_words).forEach(function (role) { // in the colour of each kind of claim assumed, as drawn
      if (assumed[role]) legendItem(list, swatch('node role-' + role + ' assumption'), D.role_words[role] + ' assumed: granted without support (thick border, ASSUMPTION)');
    });
    Object.keys(relations).forEach(function (relation) {
      var line = el('svg', { 'class': 'am swatch', width: 34, height: 18, 'aria-hidden': 'true' });
      line.appendChild(el('path', { 'class': 'edge rel-' + relation, d: 'M2,9H32' }));
      legendItem(list, line, EDGE_WORDS[relation][0] + ' (' + D.line_colours[relation] + ' ' + EDGE_WORDS[relation][1] + ')');
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
