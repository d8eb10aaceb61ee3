// Margins studio: the page's state, its talk with the server, the top bar and the keyboard.
'use strict';

const S = {
  studio: null,      // /api/studio: model, archive, dial, genes, layers
  x: null,           // the exploration's id
  tiles: new Map(),  // id -> tile view
  grid: [],          // the current grid's tile ids
  gridId: null,
  kept: [],
  parents: [],
  rejected: new Set(),
  open: null,        // the open tile's id
  jobs: new Map(),   // job id -> what it makes
  lastBreed: null,   // {parents, mutation} of the last breeding, for 'again'
  dragging: false,   // a slider is being dragged: the machine waits
  focus: 0,          // the grid tile the keyboard is on
  hooks: {},         // other files' redraw functions
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function tileUrl(id, x) {
  return '/api/explorations/' + (x || S.x) + '/tiles/' + id + '/image';
}

function message(text, kind) {
  const m = $('message');
  m.textContent = text;
  m.className = kind || 'error';
  m.hidden = !text;
  clearTimeout(message.timer);
  if (text) message.timer = setTimeout(() => { m.hidden = true; }, kind === 'info' ? 4000 : 12000);
}

// Calls the server; a job id makes it cancellable and shows it in the job indicator.
async function api(method, path, body, opts) {
  opts = opts || {};
  let url = path;
  let job = null;
  if (opts.job) {
    job = 'j' + Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
    url += (url.includes('?') ? '&' : '?') + 'job=' + job;
    S.jobs.set(job, opts.job);
    showJobs();
  }
  const init = { method, credentials: 'same-origin', headers: {} };
  if (opts.raw) {
    init.body = opts.raw;
    init.headers['Content-Type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  try {
    const res = await fetch(url, init);
    if (opts.blob && res.ok) return await res.blob();
    const data = await res.json().catch(() => ({ error: 'the server answered ' + res.status }));
    if (res.status === 503) throw Object.assign(new Error(data.busy), { busy: true });
    if (res.status === 409) throw Object.assign(new Error(data.cancelled), { cancelled: true });
    if (!res.ok) throw new Error(data.error || ('the server answered ' + res.status));
    return data;
  } finally {
    if (job) { S.jobs.delete(job); showJobs(); }
  }
}

function showJobs() {
  const n = S.jobs.size;
  $('job-light').className = 'light' + (n ? ' on' : '');
  $('job-text').textContent = n ? [...S.jobs.values()].join(', ') + '…' : 'idle';
  $('cancel').hidden = n === 0;
}

async function cancelJobs() {
  for (const job of [...S.jobs.keys()]) await fetch('/api/jobs/' + job + '/cancel', { method: 'POST' });
}

// Failures say what happened in words; a busy machine and a cancelled job are not errors.
function failed(e) {
  if (e.cancelled) message('cancelled: nothing was made', 'info');
  else if (e.busy) message('the machine is busy: ' + e.message, 'info');
  else message(e.message);
}

// Takes in an exploration's view (on opening or reopening) and redraws everything.
function adopt(view) {
  S.x = view.id;
  S.tiles = new Map(view.tiles.map((t) => [t.id, t]));
  const g = view.grids.length ? view.grids[view.grids.length - 1] : null;
  S.grid = g ? g.tiles : [];
  S.gridId = g ? g.id : null;
  S.kept = view.kept;
  S.parents = view.parents;
  S.rejected = new Set(view.rejected);
  S.open = view.open;
  localStorage.setItem('margins-exploration', S.x);
  history.replaceState(null, '', '#x=' + S.x);
  const stop = S.studio.dial.findIndex((d) => d.id === view.settings.dial);
  $('dial').value = String(Math.max(0, stop));
  $('dial-name').textContent = view.settings.dial;
  $('voice').value = view.settings.voice;
  $('mutation').value = view.settings.mutation;
  $('mutation-value').textContent = Number(view.settings.mutation).toFixed(2);
  redraw();
  if (S.open) S.hooks.openTile(S.open, true);
  $('machine').hidden = true;
  S.hooks.showOffer(view.offer);
  S.hooks.rates(view.rates);
}

function redraw() {
  S.hooks.grid();
  S.hooks.kept();
  S.hooks.lineage();
}

function addTiles(list) {
  for (const t of list) if (t) S.tiles.set(t.id, t);
}

// The open exploration's line in the list says what it holds now.
function countTiles() {
  const o = [...$('explorations').options].find((e) => e.value === S.x);
  if (o) o.textContent = S.x + ' · ' + S.tiles.size + ' images, ' + S.kept.length + ' kept';
}

async function explorations(selected) {
  const list = await api('GET', '/api/explorations');
  const sel = $('explorations');
  sel.replaceChildren(...list.map((s) => el('option', { value: s.id },
    s.id + ' · ' + s.tiles + ' images, ' + s.kept + ' kept')));
  sel.value = selected || S.x;
}

async function begin() {
  adopt(await api('POST', '/api/explorations'));
  await explorations();
  await S.hooks.propose();  // no blank canvas: the machine fills the first grid
}

async function reopen(id) {
  adopt(await api('GET', '/api/explorations/' + id));
  if (!S.grid.length) await S.hooks.propose();
}

async function settings(change) {
  try {
    const v = await api('POST', '/api/explorations/' + S.x + '/settings', change);
    $('dial-name').textContent = v.settings.dial;
  } catch (e) { failed(e); }
}

async function start() {
  S.studio = await api('GET', '/api/studio');
  const m = S.studio.model;
  const a = S.studio.archive;
  $('model').textContent = m.id + ' · ' + a.count + ' archive images, ' + a.size + ' px · latent ' + m.latent;
  S.hooks.setup();
  const wanted = (location.hash.match(/x=([0-9a-f-]+)/) || [])[1] || localStorage.getItem('margins-exploration');
  const known = (await api('GET', '/api/explorations')).map((s) => s.id);
  if (wanted && known.includes(wanted)) {
    await reopen(wanted);
    await explorations(wanted);
  } else {
    await begin();
  }
}

function bindTop() {
  $('dial').addEventListener('change', () => {
    const stop = S.studio.dial[Number($('dial').value)];
    $('dial-name').textContent = stop.id;
    settings({ dial: stop.id }).then(() => S.hooks.propose());
  });
  $('voice').addEventListener('change', () => settings({ voice: $('voice').value }));
  $('cancel').addEventListener('click', cancelJobs);
  $('explorations').addEventListener('change', () => reopen($('explorations').value).catch(failed));
  $('new-exploration').addEventListener('click', () => begin().catch(failed));
  document.addEventListener('pointerup', () => { if (S.dragging) { S.dragging = false; S.hooks.released(); } });
  document.addEventListener('keydown', key);
}

// Keyboard: arrows move on the grid; K keep, X reject, P parent, O/Enter open, B breed, A again, N new grid,
// M ask the machine, W walk, Space pause, G grab, D/Shift+D the dial, Esc cancel.
function key(e) {
  if (e.target.matches('input, select, textarea') && e.key !== 'Escape') return;
  const t = S.grid[S.focus];
  const act = {
    ArrowRight: () => S.hooks.focus(S.focus + 1), ArrowLeft: () => S.hooks.focus(S.focus - 1),
    ArrowDown: () => S.hooks.focus(S.focus + 4), ArrowUp: () => S.hooks.focus(S.focus - 4),
    k: () => t && S.hooks.act(t, 'keep'), x: () => t && S.hooks.act(t, 'reject'),
    p: () => t && S.hooks.act(t, 'parent'), o: () => t && S.hooks.openTile(t), Enter: () => t && S.hooks.openTile(t),
    b: () => S.hooks.breed(), a: () => S.hooks.again(), n: () => S.hooks.propose(), m: () => S.hooks.ask(),
    w: () => S.hooks.walkStart(), ' ': () => S.hooks.walkPause(), g: () => S.hooks.walkGrab(),
    d: () => { $('dial').stepUp(); $('dial').dispatchEvent(new Event('change')); },
    D: () => { $('dial').stepDown(); $('dial').dispatchEvent(new Event('change')); },
    Escape: cancelJobs,
  }[e.key];
  if (act) { e.preventDefault(); act(); }
}

window.addEventListener('DOMContentLoaded', () => {
  bindTop();
  start().catch(failed);
});
