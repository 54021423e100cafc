// The demo chat page: polls the demo server for the chat's state and draws it like a Telegram
// private chat. Messages are keyed by id and redrawn only when they change, so an edit shows in
// place. No framework, no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let user = params.get('user') || 'en';
let lastToastSeq = null;
let zone; // the user's time zone once onboarding set it: times show in it, as the bot sees them
const drawn = new Map(); // bubble id -> { key, el }

async function api(path, body) {
  const sep = path.includes('?') ? '&' : '?';
  const res = await fetch(`${path}${sep}user=${encodeURIComponent(user)}`, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
}

function time(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: zone });
}

function bubbleEl(m) {
  const row = document.createElement('div');
  row.className = `row ${m.from}`;
  row.dataset.id = m.id;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (m.photo) {
    const link = document.createElement('a');
    link.href = m.photo.url; link.target = '_blank'; link.rel = 'noopener';
    const img = document.createElement('img');
    img.src = m.photo.url; img.alt = 'Chart';
    link.append(img);
    bubble.append(link);
  }
  if (m.document) {
    const doc = document.createElement('a');
    doc.className = 'doc'; doc.href = m.document.url; doc.target = '_blank'; doc.rel = 'noopener';
    doc.innerHTML = '<span class="icon">⬇</span>';
    const name = document.createElement('span');
    name.className = 'name'; name.textContent = m.document.name || 'file';
    doc.append(name);
    bubble.append(doc);
  }
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = m.text;
  bubble.append(text);
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${m.edited ? 'edited ' : ''}${time(m.at)}`;
  bubble.append(meta);
  row.append(bubble);
  if (m.buttons && m.buttons.length) {
    const keyboard = document.createElement('div');
    keyboard.className = 'keyboard';
    for (const buttons of m.buttons) {
      const krow = document.createElement('div');
      krow.className = 'krow';
      for (const b of buttons) {
        let el;
        if (b.url) {
          el = document.createElement('a');
          el.href = b.url; el.target = '_blank'; el.rel = 'noopener';
        } else {
          el = document.createElement('button');
          el.type = 'button';
          el.addEventListener('click', () => press(m.messageId, b.data));
        }
        el.textContent = b.text;
        krow.append(el);
      }
      keyboard.append(krow);
    }
    row.append(keyboard);
  }
  return row;
}

function render(state) {
  if ((state.zone || undefined) !== zone) {
    zone = state.zone || undefined;
    for (const entry of drawn.values()) entry.key = ''; // redraw times in the new zone
  }
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const seen = new Set();
  let previous = null;
  for (const m of state.messages) {
    seen.add(m.id);
    const key = JSON.stringify(m);
    let entry = drawn.get(m.id);
    if (!entry || entry.key !== key) {
      const el = bubbleEl(m);
      if (entry) entry.el.replaceWith(el);
      entry = { key, el };
      drawn.set(m.id, entry);
    }
    const wanted = previous ? previous.nextSibling : box.firstChild;
    if (wanted !== entry.el) box.insertBefore(entry.el, wanted);
    previous = entry.el;
  }
  for (const [id, entry] of drawn) {
    if (!seen.has(id)) { entry.el.remove(); drawn.delete(id); }
  }
  if (atBottom) box.scrollTop = box.scrollHeight;

  const fresh = state.toasts.filter((t) => lastToastSeq !== null && t.seq > lastToastSeq);
  if (state.toasts.length) lastToastSeq = Math.max(lastToastSeq ?? 0, ...state.toasts.map((t) => t.seq));
  else if (lastToastSeq === null) lastToastSeq = 0;
  if (fresh.length) toast(fresh[fresh.length - 1]);

  const clock = new Date(state.clock);
  $('clock').textContent = clock.toLocaleString([], { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' });
  $('zone').textContent = zone ? `in ${zone}` : '(your time zone is set during onboarding)';
  $('bot-name').textContent = state.botName;
  $('status').textContent = state.restarting ? 'restarting on its new clock…' : 'bot';
  $('status').classList.toggle('busy', state.restarting);
  for (const b of document.querySelectorAll('[data-jump]')) b.disabled = state.restarting;

  const select = $('user');
  if (!select.options.length) {
    for (const u of state.users) select.add(new Option(u.label, u.key, false, u.key === user));
  }
  const menu = $('menu');
  menu.replaceChildren(...state.commands.map((c) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.innerHTML = '<b></b><span></span>';
    b.firstChild.textContent = `/${c.command}`;
    b.lastChild.textContent = c.description;
    b.addEventListener('click', () => { menu.hidden = true; send(`/${c.command}`); });
    return b;
  }));
}

let toastTimer;
function toast(t) {
  const el = $('toast');
  el.textContent = t.text;
  el.classList.toggle('alert', Boolean(t.alert));
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, t.alert ? 5000 : 2500);
}

async function refresh() {
  try {
    render(await api('/api/state'));
  } catch (error) {
    $('status').textContent = `demo server unreachable (${error.message})`;
  }
}

async function send(text) {
  try {
    await api('/api/send', { text });
  } catch (error) {
    toast({ text: error.message });
  }
  refresh();
}

async function press(messageId, data) {
  try {
    await api('/api/press', { messageId, data });
  } catch (error) {
    toast({ text: error.message });
  }
  refresh();
}

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send(text);
});
$('menu-button').addEventListener('click', () => { $('menu').hidden = !$('menu').hidden; });
$('user').addEventListener('change', (event) => {
  user = event.target.value;
  history.replaceState(null, '', `?user=${user}`);
  for (const entry of drawn.values()) entry.el.remove();
  drawn.clear();
  lastToastSeq = null;
  refresh();
});
for (const button of document.querySelectorAll('[data-jump]')) {
  button.addEventListener('click', async () => {
    try {
      await api('/api/clock', { to: button.dataset.jump });
    } catch (error) {
      toast({ text: error.message });
    }
    refresh();
  });
}

refresh();
setInterval(refresh, 700);
