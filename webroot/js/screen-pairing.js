// Enrollment: a screen with no room in its URL asks the hub for a pairing code, shows it, and
// waits until staff pair it (screen.pair). Its device token stays in localStorage, so after a
// reload it goes straight to its assignment; a token the hub no longer knows starts over.
import { el } from './text.js';
import { WORDS, bi } from './screen-words.js';

const DEVICE_KEY = 'podium.screen.device';
const ASSIGNMENT_KEY = 'podium.screen.assignment';
const POLL_MS = 3_000;
const CODE_LIFE_MS = 29 * 60_000; // the hub keeps a code for 30 minutes

const wait = msec => new Promise(done => setTimeout(done, msec));

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch (e) {
    return null;
  }
}

function save(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // No storage: the screen pairs again after a reload.
  }
}

export function saveAssignment(assignment) {
  save(ASSIGNMENT_KEY, assignment);
}

export function forgetDevice() {
  save(DEVICE_KEY, null);
  save(ASSIGNMENT_KEY, null);
}

async function create() {
  const r = await fetch('/api/screens', { method: 'POST' });
  if (r.status !== 201) throw new Error(`POST /api/screens: ${r.status}`);
  const made = await r.json();
  const device = { screen: made.screen, token: made.token, code: made.code, createdAt: Date.now() };
  save(DEVICE_KEY, device);
  return device;
}

/** {status, body}; throws when the hub cannot be reached. */
export async function me(token) {
  const r = await fetch('/api/screens/me', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  return { status: r.status, body: r.status === 200 ? await r.json() : null };
}

/**
 * Resolves with {device, assignment} once the screen is paired. show(view) puts a page up:
 * the code while waiting, "Connecting…" while the hub is out of reach.
 */
export async function pairDevice(show) {
  for (;;) {
    let device = load(DEVICE_KEY);
    try {
      if (!device) {
        device = await create();
        show(codeView(device.code));
      }
      const answer = await me(device.token);
      if (answer.status === 401) {
        forgetDevice();
        continue;
      }
      if (answer.status === 200 && answer.body.paired) {
        saveAssignment(answer.body);
        return { device, assignment: answer.body };
      }
      if (answer.status === 200) {
        if (Date.now() - (device.createdAt || 0) > CODE_LIFE_MS) {
          forgetDevice();
          continue;
        }
        show(codeView(answer.body.code || device.code));
      } else {
        throw new Error(`GET /api/screens/me: ${answer.status}`);
      }
    } catch (e) {
      // The hub is out of reach, or its database is (503). A screen paired before carries on
      // with what it last knew.
      const known = load(ASSIGNMENT_KEY);
      if (device && known) return { device, assignment: known };
      show(connectingView());
    }
    await wait(POLL_MS + Math.random() * 500);
  }
}

function codeView(code) {
  // The code is read out one character at a time: a picture of text, with the spaced-out code as its name.
  return el('main', { class: ['layout', 'layout-pairing'] },
    el('div', { class: 'pair-code', role: 'img', 'aria-label': String(code).split('').join(' ') }, code),
    bi('zh-en', 'pair-hint', l => WORDS[l].pair));
}

export function connectingView() {
  return el('main', { class: ['layout', 'layout-waiting'] }, bi('zh-en', 'waiting', l => WORDS[l].connecting));
}
