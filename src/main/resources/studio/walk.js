// The live walk: frames streamed over a WebSocket, drawn at the model's size and shown at 128 px, each
// acknowledged; the server keeps at most two unacknowledged and skips frames rather than queue them.
'use strict';

const W = { ws: null, walk: null, number: 0, frame: -1, count: 0, paused: false, marks: [], times: [],
  attended: 0, ready: null };

function socket() {
  if (W.ws && W.ws.readyState <= 1) return W.ready;
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/walk/' + S.x);
  ws.binaryType = 'arraybuffer';
  W.ws = ws;
  W.ready = new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('the walk could not connect'));
  });
  ws.onmessage = (e) => (typeof e.data === 'string' ? said(JSON.parse(e.data)) : frame(e.data));
  ws.onclose = () => { if (W.ws === ws) W.ws = null; };
  return W.ready;
}

function send(m) {
  if (W.ws && W.ws.readyState === 1) W.ws.send(JSON.stringify(m));
}

// A binary frame: walk number, frame, width, height (big-endian), then RGBA.
function frame(buf) {
  const v = new DataView(buf);
  const number = v.getInt32(0);
  const f = v.getInt32(4);
  const w = v.getUint16(8);
  const h = v.getUint16(10);
  send({ ack: f });
  if (number !== W.number && W.number !== 0) return;
  const c = $('walk-canvas');
  if (c.width !== w) { c.width = w; c.height = h; }
  c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(buf, 12, w * h * 4), w, h), 0, 0);
  W.frame = f;
  W.count++;
  const now = performance.now();
  W.times.push(now);
  while (W.times.length && W.times[0] < now - 1000) W.times.shift();
  $('walk-count').textContent = String(W.count);
  $('walk-fps').textContent = String(W.times.length);
  $('walk-frame').textContent = String(f);
  if (W.walk) $('timeline-head').style.left = (100 * f / W.walk.frames) + '%';
}

function said(m) {
  if (m.walk) {
    W.walk = m.walk;
    W.number++;
    W.paused = false;
    W.marks = [];
    $('walk-pause').textContent = 'pause';
    drawMarks();
  }
  if (m.paused !== undefined) {
    W.paused = true;
    $('walk-pause').textContent = 'resume';
    if (m.interruption) S.hooks.showOffer(m.interruption);
  }
  if (m.grabbed) {
    addTiles([m.grabbed]);
    S.hooks.openTile(m.grabbed.id);
    S.hooks.lineage();
    message('frame grabbed: ' + m.grabbed.id, 'info');
  }
  if (m.interruption && m.paused === undefined) S.hooks.showOffer(m.interruption);
  if (m.error) message(m.error);
}

async function walkStart() {
  if (!S.open) { message('open a tile to walk from it', 'info'); return; }
  try {
    await socket();
    send({ start: { tile: S.open, mode: $('walk-mode').value } });
  } catch (e) { failed(e); }
}

function walkPause() {
  if (!W.walk) return;
  send(W.paused ? { resume: true } : { pause: true });
  if (W.paused) { W.paused = false; $('walk-pause').textContent = 'pause'; }
}

function walkGrab() {
  if (W.walk && W.frame >= 0) send({ grab: W.frame });
}

// Marks the machine put on the timeline: click one to see it, keep grabs them all.
function drawMarks() {
  const line = $('timeline');
  line.querySelectorAll('.mark').forEach((m) => m.remove());
  for (const f of W.marks) {
    line.append(el('div', { class: 'mark', style: 'left:' + (100 * f / (W.walk ? W.walk.frames : 1)) + '%',
      title: 'frame ' + f, 'data-frame': f }));
  }
}

function showMarks(frames) {
  W.marks = frames || [];
  drawMarks();
}

function grabMarks() {
  for (const f of W.marks) send({ grab: f });
  W.marks = [];
  drawMarks();
}

function bindWalk() {
  $('walk-start').addEventListener('click', walkStart);
  $('walk-pause').addEventListener('click', walkPause);
  $('walk-grab').addEventListener('click', walkGrab);
  $('walk-branch').addEventListener('click', () => { if (W.walk && W.frame >= 0) send({ branch: W.frame }); });
  // The artist is there: the walk's minute alone starts again (at most every few seconds).
  $('walk').addEventListener('pointermove', () => {
    if (W.walk && Date.now() - W.attended > 5000) { W.attended = Date.now(); send({ attend: true }); }
  });
}

Object.assign(S.hooks, { walkStart, walkPause, walkGrab, showMarks, grabMarks, setupWalk: bindWalk });
