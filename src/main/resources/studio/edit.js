// The open tile: genes and bends drawn live, made tiles when the artist lets go.
'use strict';

const live = { busy: false, next: null, url: null };

async function openTile(id, quiet) {
  const t = S.tiles.get(id);
  if (!t) return;
  S.open = id;
  $('open-id').textContent = id + ' · ' + t.origin + ' by ' + t.sampler;
  $('open-image').src = tileUrl(id);
  $('open-badge').textContent = t.kind + ' · ' + (t.score == null ? '' : 'distance ' + t.score.toFixed(3)) +
    ' · ' + t.actor;
  S.hooks.grid();
  try {
    if (!quiet) await api('POST', '/api/explorations/' + S.x + '/tiles/' + id + '/open', {});
    const info = await api('GET', '/api/explorations/' + S.x + '/tiles/' + id);
    setGenes(info.genes);
    $('bend-strength').value = 0;
    $('noise-strength').value = 0;
    S.hooks.inspect(info);
  } catch (e) { failed(e); }
}

function setGenes(values) {
  const box = $('genes');
  if (box.children.length !== values.length) {
    box.replaceChildren(...values.map((v, i) => el('label', { class: 'gene' }, 'g' + (i + 1),
      el('input', { type: 'range', min: -3, max: 3, step: 0.05, 'data-gene': i, 'aria-label': 'gene ' + (i + 1) }))));
    for (const input of box.querySelectorAll('input')) {
      input.addEventListener('pointerdown', () => { S.dragging = true; });
      input.addEventListener('input', () => preview(edit(input)));
      input.addEventListener('change', () => derive(edit(input)));
    }
  }
  box.querySelectorAll('input').forEach((input, i) => { input.value = Math.max(-3, Math.min(3, values[i])); });
}

// The edit the controls describe: the moved gene alone (the others stay where the tile has them), bend, noise.
function edit(gene) {
  const e = {};
  if (gene) {
    e.genes = [];
    e.genes[Number(gene.dataset.gene)] = Number(gene.value);
    for (let i = 0; i < e.genes.length; i++) if (e.genes[i] === undefined) e.genes[i] = null;
  }
  const s = Number($('bend-strength').value);
  if (s > 0) {
    e.bend = { layer: $('bend-layer').value, op: $('bend-op').value, channels: $('bend-channels').value, strength: s };
  }
  const n = Number($('noise-strength').value);
  if (n > 0) e.noise = { layer: $('noise-layer').value, strength: n };
  return e;
}

// Live: one preview in flight, the latest request waiting; the image updates as the slider moves.
async function preview(e) {
  if (!S.open) return;
  if (live.busy) { live.next = e; return; }
  live.busy = true;
  try {
    const blob = await api('POST', '/api/explorations/' + S.x + '/tiles/' + S.open + '/preview', e, { blob: true });
    if (blob instanceof Blob) {
      if (live.url) URL.revokeObjectURL(live.url);
      live.url = URL.createObjectURL(blob);
      $('open-image').src = live.url;
    }
  } catch (err) { failed(err); } finally {
    live.busy = false;
    if (live.next) { const n = live.next; live.next = null; preview(n); }
  }
}

async function derive(e) {
  if (!S.open || (!e.genes && !e.bend && !e.noise)) return;
  try {
    const r = await api('POST', '/api/explorations/' + S.x + '/tiles/' + S.open + '/derive', e, { job: 'drawing' });
    addTiles([r.tile]);
    await openTile(r.tile.id, true);
    S.hooks.lineage();
  } catch (err) { failed(err); }
}

function bindEdit() {
  const layers = S.studio.layers;
  const options = (sel, list) => sel.replaceChildren(...list.map((v) => el('option', { value: v }, v)));
  options($('bend-layer'), layers);
  options($('noise-layer'), layers);
  $('bend-layer').value = layers.includes('up1') ? 'up1' : layers[0];
  $('noise-layer').value = layers.includes('up1') ? 'up1' : layers[0];
  options($('bend-op'), Object.keys(S.studio.bendOps));
  $('bend-op').value = 'rotate';
  for (const id of ['bend-strength', 'noise-strength']) {
    $(id).addEventListener('pointerdown', () => { S.dragging = true; });
    $(id).addEventListener('input', () => preview(edit(null)));
  }
  $('bend-apply').addEventListener('click', () => derive(edit(null)));
  $('open-keep').addEventListener('click', () => S.open && S.hooks.act(S.open, 'keep'));
  $('open-branch').addEventListener('click', () => S.open && S.hooks.branch(S.open));
}

S.hooks.openTile = openTile;
S.hooks.setupEdit = bindEdit;
