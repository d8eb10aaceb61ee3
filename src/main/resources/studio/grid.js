// The proposal grid, the kept strip, breeding and dropped images.
'use strict';

function tileEl(id, opts) {
  const t = S.tiles.get(id);
  if (!t) return el('div', { class: 'tile missing' });
  const classes = ['tile'];
  if (S.kept.includes(id)) classes.push('kept');
  if (S.parents.includes(id)) classes.push('parent');
  if (S.rejected.has(id)) classes.push('rejected');
  if (S.open === id) classes.push('open');
  const img = el('img', { src: tileUrl(id), alt: t.kind + ' ' + id, width: 128, height: 128, draggable: 'false' });
  img.addEventListener('click', () => S.hooks.openTile(id));
  const badge = el('span', { class: 'badge kind-' + t.kind, title: t.origin + ' by ' + t.sampler + ' (' + t.actor + ')' },
    t.kind + ' ' + (t.score == null ? '' : t.score.toFixed(2)));
  const node = el('div', { class: classes.join(' '), 'data-tile': id, role: 'listitem', tabindex: '-1' }, img, badge);
  if (!(opts && opts.small)) {
    node.append(el('div', { class: 'actions' },
      el('button', { class: 'keep', title: 'keep (K)', onclick: () => act(id, 'keep') }, 'keep'),
      el('button', { class: 'reject', title: 'reject (X)', onclick: () => act(id, 'reject') }, 'reject'),
      el('button', { class: 'parent', title: 'use as parent (P)', onclick: () => act(id, 'parent') }, 'parent'),
      el('button', { class: 'openit', title: 'open (O)', onclick: () => S.hooks.openTile(id) }, 'open')));
  }
  return node;
}

function drawGrid() {
  $('grid').replaceChildren(...S.grid.map((id) => tileEl(id)));
  $('grid-info').textContent = S.gridId ? S.gridId + ' · ' + S.grid.length + ' images' : '';
  focusTile(S.focus);
  $('parents-list').replaceChildren(...(S.parents.length ? S.parents : []).map((id) =>
    el('span', { class: 'chip', title: 'click to remove', onclick: () => act(id, 'parent') }, id)));
  if (!S.parents.length) $('parents-list').textContent = S.kept.length ? 'parents: the last kept' : 'no parents yet';
}

function drawKept() {
  $('kept').replaceChildren(...S.kept.slice().reverse().map((id) => tileEl(id, { small: true })));
  $('kept-count').textContent = S.kept.length ? String(S.kept.length) : '';
}

function focusTile(i) {
  const tiles = $('grid').children;
  if (!tiles.length) return;
  S.focus = Math.max(0, Math.min(tiles.length - 1, i));
  for (const t of tiles) t.classList.remove('focus');
  tiles[S.focus].classList.add('focus');
}

// Keep, reject, parent (a toggle), open: each recorded as it happens.
async function act(id, what) {
  const body = what === 'parent' ? { on: !S.parents.includes(id) } : {};
  try {
    const r = await api('POST', '/api/explorations/' + S.x + '/tiles/' + id + '/' + what, body);
    S.kept = r.kept;
    S.parents = r.parents;
    if (what === 'reject') S.rejected.add(id);
    if (what === 'keep') S.rejected.delete(id);
    drawGrid();
    drawKept();
    if (what === 'keep' || what === 'parent') S.hooks.lineage();
    if (r.interruption) S.hooks.showOffer(r.interruption);
  } catch (e) { failed(e); }
}

// A grid arrived: show it, and what the machine says at this breakpoint.
function delivered(r) {
  addTiles(r.tiles);
  S.grid = r.tiles.map((t) => t.id);
  S.gridId = r.grid;
  S.focus = 0;
  drawGrid();
  S.hooks.lineage();
  if (r.interruption) S.hooks.showOffer(r.interruption);
}

async function propose() {
  try {
    delivered(await api('POST', '/api/explorations/' + S.x + '/grid', {}, { job: 'making 12 tiles' }));
  } catch (e) { failed(e); }
}

async function breed(seed) {
  const parents = S.parents.length ? S.parents : S.kept.slice(-4);
  const mutation = Number($('mutation').value);
  if (!parents.length) { message('keep a tile or mark one as parent first', 'info'); return; }
  const body = { parents, mutation };
  if (seed !== undefined) body.seed = seed;
  try {
    const r = await api('POST', '/api/explorations/' + S.x + '/breed', body, { job: 'breeding' });
    S.lastBreed = { parents, mutation };
    $('breed-seed').textContent = 'seed ' + r.seed;
    delivered(r);
  } catch (e) { failed(e); }
}

// 'Again': the same parents, a new seed (the server chooses it and records it).
async function again() {
  if (!S.lastBreed) return breed();
  const saved = S.parents;
  S.parents = S.lastBreed.parents;
  try { await breed(); } finally { S.parents = saved; }
}

async function branch(from) {
  try {
    delivered(await api('POST', '/api/explorations/' + S.x + '/branch',
      { from, mutation: Number($('mutation').value) }, { job: 'branching' }));
  } catch (e) { failed(e); }
}

// Any image dropped on the page: checked like an ingested file, encoded, its variations fill the grid.
async function dropped(file) {
  message('');
  try {
    const r = await api('POST', '/api/explorations/' + S.x + '/upload?name=' + encodeURIComponent(file.name),
      undefined, { job: 'varying ' + file.name, raw: file });
    delivered(r);
    message('variations of ' + file.name, 'info');
  } catch (e) { failed(e); }
}

function bindGrid() {
  $('breed').addEventListener('click', () => breed());
  $('again').addEventListener('click', again);
  $('propose').addEventListener('click', propose);
  $('mutation').addEventListener('input', () => { $('mutation-value').textContent = Number($('mutation').value).toFixed(2); });
  $('mutation').addEventListener('change', () => settings({ mutation: Number($('mutation').value) }));
  let depth = 0;
  document.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; $('drop').hidden = false; });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; $('drop').hidden = true; } });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    $('drop').hidden = true;
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) dropped(f);
  });
}

Object.assign(S.hooks, { grid: drawGrid, kept: drawKept, focus: focusTile, act, propose, breed, again, branch,
  dropped, delivered });
S.hooks.setupGrid = bindGrid;
