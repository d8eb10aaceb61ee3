// The lineage graph (this exploration and earlier ones) and the inspector of the open tile.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

let lineageTimer = null;

function lineage() {
  countTiles();
  clearTimeout(lineageTimer);
  lineageTimer = setTimeout(drawLineage, 150);
}

// Layered by generation: a node sits one column right of its deepest parent; earlier explorations below.
async function drawLineage() {
  if (!S.x) return;
  let g;
  try { g = await api('GET', '/api/explorations/' + S.x + '/lineage'); } catch (e) { return; }
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const e of g.edges) {
    if (!byId.has(e.from)) continue;
    if (!parents.has(e.to)) parents.set(e.to, []);
    parents.get(e.to).push(e.from);
  }
  const depth = new Map();
  const depthOf = (id, seen) => {
    if (depth.has(id)) return depth.get(id);
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(parents.get(id) || []).map((p) => depthOf(p, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  g.nodes.forEach((n) => depthOf(n.id, new Set()));
  const lanes = [...new Set(g.nodes.map((n) => n.exploration))];
  const rows = new Map();
  const pos = new Map();
  const size = 30;
  const gap = 12;
  let laneTop = 0;
  for (const lane of lanes) {
    let maxRow = 0;
    for (const n of g.nodes.filter((m) => m.exploration === lane)) {
      const col = depth.get(n.id);
      const key = lane + ':' + col;
      const row = rows.get(key) || 0;
      rows.set(key, row + 1);
      maxRow = Math.max(maxRow, row + 1);
      pos.set(n.id, { x: 8 + col * (size + gap * 2), y: laneTop + 8 + row * (size + gap) });
    }
    laneTop += maxRow * (size + gap) + 24;
  }
  const box = $('lineage');
  const width = Math.max(200, ...[...pos.values()].map((p) => p.x + size + 8));
  box.setAttribute('viewBox', '0 0 ' + width + ' ' + Math.max(60, laneTop));
  box.setAttribute('width', width);
  box.setAttribute('height', Math.max(60, laneTop));
  box.replaceChildren();
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    box.append(svg('line', { x1: a.x + size, y1: a.y + size / 2, x2: b.x, y2: b.y + size / 2,
      class: 'edge edge-' + e.kind, 'data-from': e.from, 'data-to': e.to }));
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id);
    const group = svg('g', { class: 'node ' + n.actor + (n.kept ? ' kept' : '') + (n.current ? '' : ' earlier'),
      'data-node': n.id, transform: 'translate(' + p.x + ',' + p.y + ')' });
    const title = svg('title', {});
    title.textContent = n.id + ' · ' + n.origin + ' · ' + n.kind + ' · decided by the ' + n.actor +
      ' · click to branch from it';
    group.append(title,
      svg('image', { href: tileUrl(n.tile, n.exploration), width: size, height: size }),
      svg('rect', { width: size, height: size, class: 'ring' }));
    group.addEventListener('click', () => S.hooks.branch(n.current ? n.tile : n.id));
    box.append(group);
  }
}

function inspect(info) {
  const r = info.recipe;
  const body = $('inspect-body');
  const nearest = el('div', { class: 'strip' }, ...info.nearest.map((n) => el('figure', {},
    el('img', { src: '/api/archive/' + n.index, width: 48, height: 48, alt: 'archive ' + n.index }),
    el('figcaption', {}, '#' + n.index + ' · ' + n.distance.toFixed(2)))));
  const judge = info.measures['pixel-structure'] || {};
  body.replaceChildren(
    el('p', {}, info.tile.id + ': ' + r.regime + ' · ' + r.sampler + ' · seed ' + r.seed + ' · kind ' +
      info.measures.kind + ' · distance ' + (judge.distance == null ? '?' : judge.distance.toFixed(3)) +
      ' · parents ' + (info.tile.parents.join(', ') || 'none')),
    el('h3', {}, 'nearest archive images'), nearest,
    el('h3', {}, 'make it again'),
    el('code', { id: 'redo-line' }, info.redo),
    el('p', {}, el('a', { href: info.download, download: S.x + '-' + info.tile.id + '.png', id: 'download' },
      'download the PNG (its recipe is inside)')),
    el('details', {}, el('summary', {}, 'recipe'), el('pre', { id: 'recipe' }, JSON.stringify(r, (k, v) =>
      k === 'latent' ? '[' + v.length + ' numbers]' : v, 2))));
}

Object.assign(S.hooks, { lineage, inspect });
