  // Which nodes are visible, their sizes, and where each goes.
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
      claim.children.forEach(function (child, i) { node.kids.push(itemNode(uid, child, String(i))); });
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
  // An item below the claim ``owner``: the claim itself where it is defined, else a ref's box, with
  // the undercuts written on the ref below it.
  function itemNode(owner, child, place) {
    if (!child.ref && parentOf.get(child.uid) === owner) return claimNode(child.uid, child.relation, child.group);
    var node = refNode(owner, child, place);
    (child.undercuts || []).forEach(function (cut, j) { node.kids.push(itemNode(owner, cut, place + 'u' + j)); });
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
