// The live connection every page shares: one WebSocket to /live that keeps the event's state
// in step with the hub (docs/PROTOCOL.md), survives drops and restarts, and caches the state so
// a page renders at once while offline.
import { applyChange } from './apply-change.js';
import { backoff, gapBackoff } from './backoff.js';

/** The live protocol this file speaks (docs/PROTOCOL.md, "Protocol versions"). */
export const PROTOCOL = 1;

const PING_MS = 15_000;
const CLOCK_SAMPLES = 8;
const LOG_CAP = 5_000;

// When the page was last touched, counted from its start: a reload for a newer hub's copy
// (reload-when-idle.js, fetched only then) waits for the person using the page.
let lastTouch = -Infinity;
for (const type of ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart']) {
  addEventListener(type, () => { lastTouch = Date.now(); }, { capture: true, passive: true });
}

/**
 * first: the event's state that came with the page (the attendee page's first-state block), a
 * snapshot document {version, epoch, event, ...}; used only when this device has no state of its
 * own saved, and then the hello resumes from its version, so the hub sends only what changed since.
 */
export function connectLive({ event, channels = ['public'], token, url, first } = {}) {
  if (!event) throw new Error('connectLive needs an event slug');
  const endpoint = url || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;
  const saved = savedState(`podium.live.${event}.${channels.includes('staff') ? 'staff' : 'public'}`);
  const clock = hubClock();
  const drops = backoff();
  const gaps = gapBackoff();
  const ackEveryMs = channels.some(c => c.startsWith('screen:')) ? 1000 : 5000;
  const ackSoon = acker(ackEveryMs, () => ({ socket, version: live.version, at: appliedAt }));
  const listeners = new Set();
  const statusListeners = new Set();
  const pings = pinger();
  let socket = null;
  let retryTimer = null;
  let closed = false;
  let nextDelayMs = null; // set by a reconnect frame or a gap, read when the socket closes
  let welcomeClock = null; // the event's clock as the last welcome told it
  let appliedAt = 0; // the hub's time when the newest version was applied

  const live = {
    state: null,
    version: null,
    epoch: null,
    skipped: 0,
    log: [],
    status: { online: false, connecting: true, since: Date.now(), version: null, epoch: null, error: null, hubVersion: null, outdated: false },
    subscribe(fn) {
      listeners.add(fn);
      if (live.state) call(fn, live.state, null);
      return () => listeners.delete(fn);
    },
    onStatus(fn) {
      statusListeners.add(fn);
      call(fn, live.status);
      return () => statusListeners.delete(fn);
    },
    /** The hub's real time: this device's clock corrected by the serverTime offset. */
    now: () => Date.now() + clock.offset(),
    /** The event's time (its clock may be simulated: the demo, a rehearsal), on the hub's real time. */
    eventNow: () => clockAt((live.state && live.state.event && live.state.event.clock) || welcomeClock, live.now()),
    close() {
      closed = true;
      clearTimeout(retryTimer);
      pings.stop();
      if (socket) socket.close(1000, 'closed by the page');
    },
  };
  Object.assign(live, saved.load());
  /** Whether the state at the start is the one this device saved (not the page's, not none). */
  live.restored = live.state !== null;
  if (!live.state && first && typeof first.version === 'number' && typeof first.epoch === 'string') {
    live.state = first;
    live.version = first.version;
    live.epoch = first.epoch;
    live.log.push({ type: 'first-state', version: first.version }); // where the frames go on from
    saved.save(live);
  }

  // Connect, then hello: which event, which channels, where we left off, which protocol we speak.
  function connect() {
    retryTimer = null;
    if (closed) return;
    const ws = new WebSocket(endpoint);
    socket = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', event, channels, protocol: PROTOCOL };
      if (token) hello.token = token;
      if (live.state && live.epoch !== null) hello.resume = { epoch: live.epoch, version: live.version };
      ws.send(JSON.stringify(hello));
      pings.start(ws);
    };
    ws.onmessage = m => {
      if (socket === ws) receive(ws, m.data);
    };
    ws.onclose = () => {
      if (socket === ws) closedSocket();
    };
  }

  function receive(ws, text) {
    let f;
    try {
      f = JSON.parse(text);
    } catch (e) {
      console.warn('podium: ignoring a frame that is not JSON');
      return;
    }
    live.log.push({ type: f.type, version: f.version });
    if (live.log.length > LOG_CAP) live.log.splice(0, live.log.length - LOG_CAP);
    switch (f.type) {
      case 'welcome': return welcome(f);
      case 'snapshot': return snapshot(f);
      case 'change':
      case 'skip': return next(ws, f);
      case 'pong': return clock.pong(f);
      case 'error': return refused(ws, f);
      case 'reconnect': return reconnect(ws, f);
      default: // a frame type from a newer hub: nothing to do with it
    }
  }

  function welcome(f) {
    drops.reset();
    if (f.clock) welcomeClock = f.clock;
    clock.welcome(f.serverTime);
    // A newer hub still serves this page its own protocol; the page reloads for its new copy when idle.
    const outdated = typeof f.protocol === 'number' && f.protocol > PROTOCOL;
    if (outdated) {
      import('./reload-when-idle.js').then(m => m.reloadWhenIdle(`protocol ${f.protocol}`, () => lastTouch));
    }
    // hubVersion: the hub's version at welcome; a page that reaches it has caught up after a resume.
    setStatus({ online: true, connecting: false, error: null, node: f.node, hubVersion: f.version, outdated });
  }

  function snapshot(f) {
    live.state = f.state;
    live.version = f.version;
    live.epoch = f.epoch || (f.state && f.state.epoch);
    saved.save(live);
    setStatus({});
    publish(null);
  }

  // The next version, a change to apply or a skip to count; any other version is a gap.
  function next(ws, f) {
    if (!live.state || f.version !== live.version + 1) {
      gap(ws, f.version);
      return;
    }
    if (f.type === 'skip') live.skipped++;
    const applied = f.type === 'change' ? applyChange(live.state, f.data || {}) : { ...live.state };
    applied.version = f.version;
    live.state = applied;
    live.version = f.version;
    appliedAt = Math.round(live.now());
    ackSoon(ws);
    saved.saveSoon(live);
    setStatus({});
    if (f.type === 'change') publish(f);
  }

  // A missed version: drop this socket and resume from the last one applied.
  function gap(ws, got) {
    console.warn(`podium: got version ${got} after ${live.version}; resuming`);
    nextDelayMs = gaps.next();
    ws.close(1000, 'version gap');
  }

  function refused(ws, f) {
    console.warn(`podium: the hub refused a frame: ${f.code}: ${f.message}`);
    setStatus({ error: { code: f.code, message: f.message } });
    // An event this node does not hold yet (just imported, a rehearsal just made, the node still
    // loading) may be there in a moment: ask again after the usual backoff, not never.
    if (f.code === 'unknown_event') ws.close(1000, 'event not here yet');
  }

  // The node is going away: come back after the wait it chose (already jittered), with resume.
  function reconnect(ws, f) {
    nextDelayMs = Math.max(0, Number(f.afterMs) || 0);
    drops.reset();
    ws.close(1000, 'asked to reconnect');
  }

  // Every close ends here: ours (a gap, a reconnect frame), the hub's close frames, and the hub's
  // cut of a client that could not keep up (docs/PROTOCOL.md, "Slow clients"): a reset with no
  // close frame, 1006 in browsers. All of them reconnect with resume after the usual backoff.
  function closedSocket() {
    socket = null;
    pings.stop();
    setStatus({ online: false, connecting: false });
    if (closed) return;
    const delay = nextDelayMs === null ? drops.next() : nextDelayMs;
    nextDelayMs = null;
    retryTimer = setTimeout(connect, delay);
  }

  function setStatus(changes) {
    const s = { ...live.status, ...changes, version: live.version, epoch: live.epoch };
    if (s.online !== live.status.online) s.since = live.now();
    live.status = s;
    statusListeners.forEach(fn => call(fn, s));
  }

  function publish(change) {
    listeners.forEach(fn => call(fn, live.state, change));
  }

  // The phone got its network back: try now instead of waiting out the backoff.
  window.addEventListener('online', () => {
    if (!closed && !socket && retryTimer) {
      clearTimeout(retryTimer);
      connect();
    }
  });

  connect();
  return live;
}

function call(fn, ...args) {
  try {
    fn(...args);
  } catch (e) {
    console.error('podium: a listener failed', e);
  }
}

/** The last state applied, kept in localStorage so that a page opens with it while offline. */
function savedState(key) {
  let timer = null;
  const save = live => {
    try {
      localStorage.setItem(key, JSON.stringify({ epoch: live.epoch, version: live.version, state: live.state }));
    } catch (e) {
      // Storage full or disabled: the page still works, it just cannot start offline next time.
    }
  };
  return {
    /** {state, version, epoch} as last saved, or nothing. */
    load() {
      try {
        const s = JSON.parse(localStorage.getItem(key) || 'null');
        if (s && s.state && typeof s.version === 'number' && typeof s.epoch === 'string') {
          return { state: s.state, version: s.version, epoch: s.epoch };
        }
      } catch (e) {
        console.warn('podium: ignoring an unreadable cached state', e);
      }
      return {};
    },
    save,
    // A resume can replay hundreds of frames in one go: save once per burst, not per frame.
    saveSoon(live) {
      if (timer === null) timer = setTimeout(() => { timer = null; save(live); }, 250);
    },
  };
}

/** This device's clock against the hub's: the welcome's serverTime, then the best of the pongs. */
function hubClock() {
  const samples = []; // {rtt, offset}, the most recent CLOCK_SAMPLES pongs
  let offset = 0;
  return {
    offset: () => offset,
    welcome(serverTime) {
      if (!samples.length && typeof serverTime === 'number') offset = serverTime - Date.now();
    },
    pong(f) {
      if (typeof f.t !== 'number' || typeof f.serverTime !== 'number') return;
      const rtt = Date.now() - f.t;
      samples.push({ rtt, offset: f.serverTime - (f.t + rtt / 2) });
      if (samples.length > CLOCK_SAMPLES) samples.shift();
      // The fastest round trip has the least room for asymmetric delay.
      offset = samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
    },
  };
}

/** A ping every 15 s on the open socket: its pongs keep this device's clock on the hub's. */
function pinger() {
  let timer = null;
  const stop = () => {
    clearInterval(timer);
    timer = null;
  };
  return {
    start(ws) {
      stop();
      const ping = () => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'ping', t: Date.now() }));
      ping();
      timer = setInterval(ping, PING_MS);
    },
    stop,
  };
}

/**
 * Tells the hub which version is applied here, for its delivery report, only when there is
 * something new: a screen at most once a second (the report names a screen 3 s behind), a phone
 * at most once every 5 s (each ack costs the hub about what a frame does; docs/PROTOCOL.md).
 * latest(): {socket, version, at} now; an ack goes only on the socket it was asked on.
 */
function acker(everyMs, latest) {
  let timer = null;
  let acked = null;
  let lastMs = 0;
  return ws => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      const { socket, version, at } = latest();
      if (socket !== ws || ws.readyState !== WebSocket.OPEN || version === acked) return;
      ws.send(JSON.stringify({ type: 'ack', version, at }));
      acked = version;
      lastMs = Date.now();
    }, Math.max(0, everyMs - (Date.now() - lastMs)));
  };
}

/** Runs fn at most once per animation frame, however often it is asked: pages render with it. */
export function coalesced(fn) {
  let asked = false;
  const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : f => setTimeout(f, 16);
  return () => {
    if (asked) return;
    asked = true;
    later(() => { asked = false; fn(); });
  };
}

/** The event's time at a real time (ms), by its clock: real, or simulated from its anchors at a speed. */
export function clockAt(clock, realMs) {
  if (!clock || clock.mode !== 'simulated') return realMs;
  const eventAnchor = Date.parse(clock.eventAnchor);
  if (clock.paused) return eventAnchor;
  return eventAnchor + Math.round((realMs - Date.parse(clock.realAnchor)) * clock.speed);
}
