// Web Push for the starred sessions (docs/API.md, "Web Push"): with the page closed in a pocket,
// the phone is still told when a starred session is delayed, moved, cancelled or about to start.
// The attendee's answer stays on the phone, per event: 'on', 'off', or null (never asked). The hub
// holds only the browser's subscription with the starred ids and the language, and this keeps it in
// step after each star, each switch of language and each reconnection. With no star left it deletes
// the subscription: the hub then keeps nothing it has no use for, and the answer kept here makes the
// next star post it again without asking.
import { read, write } from './agenda-store.js';

const MAX_SESSIONS = 100; // what the hub takes
// A push service out of reach (venue Wi-Fi, a blocked network) leaves subscribe() pending for ever.
const SUBSCRIBE_WAIT_MS = 30_000;

/** Whether this browser can be reached with its page closed: a service worker, Push, notifications not blocked. */
export function pushable() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
    && Notification.permission !== 'denied';
}

/** wanted(): {sessions: [ids], lang} as the page has them now, or null before it has a state. */
export function pushSubscription(event, wanted) {
  const answerKey = `podium.push.${event}`;
  const heldKey = `podium.push.held.${event}`;
  const path = `/api/events/${encodeURIComponent(event)}/push`;
  let answer = read(answerKey, null);
  let held = read(heldKey, null); // what the hub holds for this phone: {endpoint, lang, sessions}
  let syncing = null;
  let again = false;

  function setAnswer(value) {
    answer = value;
    write(answerKey, value);
  }

  function setHeld(value) {
    held = value;
    write(heldKey, value);
  }

  /** After a tap (Yes, Turn on) with permission granted: true once the hub holds the subscription. */
  async function turnOn() {
    setAnswer('on');
    const ok = await sync();
    if (!ok) setAnswer('off');
    return ok;
  }

  function turnOff() {
    setAnswer('off');
    return sync();
  }

  /** Brings the hub in step with the stars, the language and the answer; true when it is. Never throws. */
  function sync() {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      let ok;
      do {
        again = false;
        ok = await reconcile();
      } while (again);
      syncing = null;
      return ok;
    })();
    return syncing;
  }

  async function reconcile() {
    try {
      const now = wanted();
      if (!now) return false;
      const sessions = now.sessions.slice(0, MAX_SESSIONS);
      const subscription = answer === 'on' && sessions.length ? await current() : null;
      if (!subscription) {
        if (held) await forget(held.endpoint);
        return true;
      }
      const next = { endpoint: subscription.endpoint, lang: now.lang, sessions: [...sessions].sort() };
      if (held && JSON.stringify(held) === JSON.stringify(next)) return true;
      if (held && held.endpoint !== next.endpoint) await forget(held.endpoint);
      // Posting the same endpoint again replaces its sessions and language on the hub.
      await call('POST', { subscription: subscription.toJSON(), sessions, lang: now.lang });
      setHeld(next);
      return true;
    } catch (e) {
      console.warn('podium: notifications not brought up to date', e);
      return false;
    }
  }

  /** The browser's subscription; subscribed again when it dropped one and permission still stands. */
  async function current() {
    const registration = await within(navigator.serviceWorker.ready);
    const existing = await registration.pushManager.getSubscription();
    if (existing) return existing;
    if (Notification.permission !== 'granted') {
      setAnswer('off'); // withdrawn in the browser's settings
      return null;
    }
    const reply = await fetch('/api/push/key');
    if (!reply.ok) throw new Error(`the hub's key: ${reply.status}`);
    const { key } = await reply.json();
    return within(registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) }));
  }

  async function forget(endpoint) {
    await call('DELETE', { endpoint });
    setHeld(null);
  }

  async function call(method, body) {
    const reply = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (reply.status !== 204 && !(method === 'DELETE' && reply.status === 404)) {
      throw new Error(`${method} ${path}: ${reply.status}`);
    }
  }

  return { answer: () => answer, decline: () => setAnswer('off'), turnOn, turnOff, sync };
}

function within(promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer from the push service')), SUBSCRIBE_WAIT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** base64url to bytes, as pushManager.subscribe takes the key in every browser. */
function bytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), c => c.charCodeAt(0));
}
