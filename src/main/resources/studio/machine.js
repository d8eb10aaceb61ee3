// The machine's interruptions: shown at breakpoints, never during a drag, never modal; keep, dismiss or not now.
'use strict';

const offers = { current: null, held: null };

function showOffer(o) {
  if (!o) return;
  if (S.dragging) { offers.held = o; return; }  // it waits until the slider is let go
  offers.current = o;
  addTiles(o.tiles || []);
  $('machine-reason').textContent = 'The machine interrupts: ' + o.reason + '.';
  const box = $('machine-offer');
  if (o.kind === 'tiles') {
    box.replaceChildren(...o.tiles.filter(Boolean).map((t) => tileEl(t.id, { small: true })));
  } else if (o.kind === 'sampler') {
    box.replaceChildren(el('p', {}, 'try the sampler ' + o.samplers[0] + ' for the next grids'));
  } else {
    box.replaceChildren(el('p', {}, 'marks on the walk\'s timeline at frames ' + o.marks.join(', ') +
      ': keep grabs them'));
    S.hooks.showMarks(o.marks);
  }
  $('machine').hidden = false;
  $('machine').dataset.offer = o.id;
  $('machine').dataset.trigger = o.trigger;
}

function released() {
  if (offers.held) { const o = offers.held; offers.held = null; showOffer(o); }
}

async function answer(a) {
  const o = offers.current;
  if (!o) return;
  $('machine').hidden = true;
  offers.current = null;
  try {
    const r = await api('POST', '/api/explorations/' + S.x + '/offers/' + o.id, { answer: a });
    rates(r.rates);
    if (a === 'keep') {
      if (o.kind === 'tiles') { S.kept = S.kept.concat(r.kept.filter((t) => !S.kept.includes(t))); S.hooks.kept(); }
      if (o.kind === 'sampler') { message('the next grids come from ' + o.samplers[0], 'info'); await S.hooks.propose(); }
      if (o.kind === 'marks') S.hooks.grabMarks();
      S.hooks.lineage();
    }
    if (o.kind === 'marks' && a !== 'keep') S.hooks.showMarks([]);
  } catch (e) { failed(e); }
}

function rates(r) {
  if (!r) return;
  const rows = [];
  for (const [what, table] of [['when', r.triggers], ['from', r.samplers]]) {
    for (const [k, c] of Object.entries(table)) {
      rows.push(el('tr', {}, el('td', {}, what), el('td', {}, k), el('td', {}, c.kept + '/' + c.offered),
        el('td', {}, Math.round(100 * c.rate) + '%')));
    }
  }
  $('machine-rates').replaceChildren(rows.length ? el('table', {}, ...rows) : el('p', {}, 'nothing offered yet'));
}

async function ask() {
  try { showOffer(await api('POST', '/api/explorations/' + S.x + '/ask', {}, { job: 'the machine is looking' })); }
  catch (e) { failed(e); }
}

function bindMachine() {
  $('machine-keep').addEventListener('click', () => answer('keep'));
  $('machine-dismiss').addEventListener('click', () => answer('dismiss'));
  $('machine-later').addEventListener('click', () => answer('not-now'));
  $('ask').addEventListener('click', ask);
  $('rates-reset').addEventListener('click', async () => {
    try { rates(await api('POST', '/api/explorations/' + S.x + '/rates/reset', {})); } catch (e) { failed(e); }
  });
}

Object.assign(S.hooks, { showOffer, released, rates, ask });
S.hooks.setup = () => {
  S.hooks.setupGrid();
  S.hooks.setupEdit();
  S.hooks.setupWalk();
  bindMachine();
};
