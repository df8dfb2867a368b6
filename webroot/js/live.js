// The live connection every page shares: one WebSocket to /live that keeps the event's state
// in step with the hub (docs/PROTOCOL.md), survives drops and restarts, and caches the state so
// a page renders at once while offline.

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const PING_MS = 15_000;
const CLOCK_SAMPLES = 8;
const LOG_CAP = 5_000;
const GAP_WINDOW_MS = 60_000;

export function connectLive({ event, channels = ['public'], token, url } = {}) {
  if (!event) throw new Error('connectLive needs an event slug');
  const audience = channels.includes('staff') ? 'staff' : 'public';
  const storageKey = `podium.live.${event}.${audience}`;
  const endpoint = url || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`;

  const listeners = new Set();
  const statusListeners = new Set();
  const clockSamples = []; // {rtt, offset}, the most recent CLOCK_SAMPLES pongs
  const gapTimes = [];
  let offset = 0;
  let socket = null;
  let pinger = null;
  let retryTimer = null;
  let attempt = 0;
  let closed = false;
  let nextDelayMs = null; // set by a reconnect frame or a gap, read when the socket closes
  let welcomeClock = null; // the event's clock as the last welcome told it
  let ackTimer = null;
  let ackedVersion = null;
  const ackEveryMs = channels.some(c => c.startsWith('screen:')) ? 1000 : 5000;
  let lastAckMs = 0;
  let appliedAt = 0; // the hub's time when the newest version was applied

  const live = {
    state: null,
    version: null,
    epoch: null,
    skipped: 0,
    log: [],
    status: { online: false, connecting: true, since: Date.now(), version: null, epoch: null, error: null, hubVersion: null },
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
    now: () => Date.now() + offset,
    /** The event's time (its clock may be simulated: the demo, a rehearsal), on the hub's real time. */
    eventNow: () => clockAt((live.state && live.state.event && live.state.event.clock) || welcomeClock, live.now()),
    close() {
      closed = true;
      clearTimeout(retryTimer);
      stopPinging();
      if (socket) socket.close(1000, 'closed by the page');
    },
  };

  restore();

  function restore() {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
      if (saved && saved.state && typeof saved.version === 'number' && typeof saved.epoch === 'string') {
        live.state = saved.state;
        live.version = saved.version;
        live.epoch = saved.epoch;
      }
    } catch (e) {
      console.warn('podium: ignoring an unreadable cached state', e);
    }
  }

  // A resume can replay hundreds of frames in one go: save the state once per burst, not per frame.
  let persistTimer = null;
  function persistSoon() {
    if (persistTimer === null) persistTimer = setTimeout(() => { persistTimer = null; persist(); }, 250);
  }

  function persist() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ epoch: live.epoch, version: live.version, state: live.state }));
    } catch (e) {
      // Storage full or disabled: the page still works, it just cannot start offline next time.
    }
  }

  function call(fn, ...args) {
    try {
      fn(...args);
    } catch (e) {
      console.error('podium: a listener failed', e);
    }
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

  function connect() {
    retryTimer = null;
    if (closed) return;
    const ws = new WebSocket(endpoint);
    socket = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', event, channels };
      if (token) hello.token = token;
      if (live.state && live.epoch !== null) hello.resume = { epoch: live.epoch, version: live.version };
      ws.send(JSON.stringify(hello));
      startPinging(ws);
    };
    ws.onmessage = m => {
      if (socket === ws) receive(ws, m.data);
    };
    ws.onclose = () => {
      if (socket === ws) closedSocket();
    };
  }

  function closedSocket() {
    socket = null;
    stopPinging();
    setStatus({ online: false, connecting: false });
    if (closed) return;
    let delay = nextDelayMs;
    nextDelayMs = null;
    if (delay === null) {
      // Full jitter: a hall of phones that lost Wi-Fi together must not come back together.
      delay = Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      attempt++;
    }
    retryTimer = setTimeout(connect, delay);
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
      case 'pong': return pong(f);
      case 'error': return refused(f);
      case 'reconnect':
        nextDelayMs = Math.max(0, Number(f.afterMs) || 0);
        attempt = 0;
        ws.close(1000, 'asked to reconnect');
        return;
      default: // a frame type from a newer hub: nothing to do with it
    }
  }

  function welcome(f) {
    attempt = 0;
    if (f.clock) welcomeClock = f.clock;
    if (!clockSamples.length && typeof f.serverTime === 'number') offset = f.serverTime - Date.now();
    // hubVersion: the hub's version at welcome; a page that reaches it has caught up after a resume.
    setStatus({ online: true, connecting: false, error: null, node: f.node, hubVersion: f.version });
  }

  function snapshot(f) {
    live.state = f.state;
    live.version = f.version;
    live.epoch = f.epoch || (f.state && f.state.epoch);
    persist();
    setStatus({});
    publish(null);
  }

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
    persistSoon();
    setStatus({});
    if (f.type === 'change') publish(f);
  }

  // A missed version: drop this socket and resume from the last one applied. Repeated gaps
  // within a minute back off, so a misbehaving hub cannot make us spin.
  function gap(ws, got) {
    console.warn(`podium: got version ${got} after ${live.version}; resuming`);
    const now = Date.now();
    while (gapTimes.length && now - gapTimes[0] > GAP_WINDOW_MS) gapTimes.shift();
    gapTimes.push(now);
    const n = gapTimes.length - 1;
    nextDelayMs = n === 0 ? 0 : Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** n);
    ws.close(1000, 'version gap');
  }

  // Tells the hub which version is applied here, for its delivery report, only when there is
  // something new: a screen at most once a second (the report names a screen 3 s behind), a phone
  // at most once every 5 s (each ack costs the hub about what a frame does; docs/PROTOCOL.md).
  function ackSoon(ws) {
    if (ackTimer !== null) return;
    ackTimer = setTimeout(() => {
      ackTimer = null;
      if (socket !== ws || ws.readyState !== WebSocket.OPEN || live.version === ackedVersion) return;
      ws.send(JSON.stringify({ type: 'ack', version: live.version, at: appliedAt }));
      ackedVersion = live.version;
      lastAckMs = Date.now();
    }, Math.max(0, ackEveryMs - (Date.now() - lastAckMs)));
  }

  function pong(f) {
    if (typeof f.t !== 'number' || typeof f.serverTime !== 'number') return;
    const rtt = Date.now() - f.t;
    clockSamples.push({ rtt, offset: f.serverTime - (f.t + rtt / 2) });
    if (clockSamples.length > CLOCK_SAMPLES) clockSamples.shift();
    // The fastest round trip has the least room for asymmetric delay.
    offset = clockSamples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  }

  function refused(f) {
    console.warn(`podium: the hub refused a frame: ${f.code}: ${f.message}`);
    setStatus({ error: { code: f.code, message: f.message } });
  }

  function startPinging(ws) {
    stopPinging();
    const ping = () => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'ping', t: Date.now() }));
    ping();
    pinger = setInterval(ping, PING_MS);
  }

  function stopPinging() {
    clearInterval(pinger);
    pinger = null;
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

/**
 * Applies a change's data by the "replace by id" rules of docs/PROTOCOL.md, exactly as the hub's
 * Agenda.apply does (a test holds the two together); returns a new state object.
 */
export function applyChange(state, data) {
  const s = { ...state };
  if (data.sessions) s.sessions = replaceById(s.sessions, data.sessions, x => x.id).sort(bySessionStart);
  if (data.rooms) s.rooms = replaceById(s.rooms, data.rooms, x => x.id).sort((a, b) => a.position - b.position);
  if (data.speakers) s.speakers = replaceById(s.speakers, data.speakers, x => x.id);
  if (data.announcements) s.announcements = replaceById(s.announcements, data.announcements, x => x.id);
  if (data.clearedAnnouncements) {
    const gone = new Set(data.clearedAnnouncements);
    s.announcements = (s.announcements || []).filter(a => !gone.has(a.id));
  }
  if (s.announcements !== state.announcements) s.announcements.sort((a, b) => instant(a.postedAt) - instant(b.postedAt));
  if ('notice' in data) s.notice = data.notice;
  if (data.event) s.event = data.event;
  if (data.awards) s.awards = replaceById(s.awards, data.awards, x => x.id);
  if (data.results) {
    // A result is one nominee's place: two nominees at one rank are a tie.
    s.awards = (s.awards || []).map(award => {
      const mine = data.results.filter(r => r.award === award.id);
      return mine.length ? {
        ...award,
        results: replaceById(award.results, mine, r => `${r.award}#${r.rank}#${r.nominee}`)
          .sort((a, b) => a.rank - b.rank || (a.nominee < b.nominee ? -1 : a.nominee > b.nominee ? 1 : 0)),
      } : award;
    });
  }
  // Screens and cues are in the staff state only: a public state never gets their changes in full.
  if (data.screens && s.screens) s.screens = replaceById(s.screens, data.screens, x => x.screen);
  if (data.cues && s.cues) {
    s.cues = replaceById(s.cues, data.cues, x => x.id)
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  if (data.removedCues && s.cues) {
    const gone = new Set(data.removedCues);
    s.cues = s.cues.filter(c => !gone.has(c.id));
  }
  return s;
}

const instant = iso => Date.parse(iso);

// By time, not by text: "…:00.250Z" sorts before "…:00Z" as a string.
function bySessionStart(a, b) {
  return instant(a.start) - instant(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function replaceById(list, updates, key) {
  const out = [...(list || [])];
  for (const u of updates) {
    const i = out.findIndex(x => key(x) === key(u));
    if (i >= 0) out[i] = u;
    else out.push(u);
  }
  return out;
}
