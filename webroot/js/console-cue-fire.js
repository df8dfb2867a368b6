// Firing cues: the one key (GO) fires the cue the view shows as next, by its id, and a cue's row
// fires that one by hand. Each press is one intent with its own Idempotency-Key (a retry after a
// lost answer reuses it). When another console fired it first, the hub answers 409 invalid_state:
// the console says who fired it and when, from the live state and the change log, and no more.
import { ApiError, intent } from './console-api.js';
import { errorText } from './console-dialog.js';
import { actorName } from './console-log.js';
import { cueName } from './console-cue-editor.js';
import { findCue } from './console-cue-status.js';

/** After a fire, GO waits this long before it fires again: a double press never fires two cues. */
export const GO_HOLD_MS = 1_500;

const pending = new Map(); // cue id → its intent, until it is answered for sure
const go = { busy: false, holdUntil: 0 };

/** GO is ready: nothing in flight and the hold after the last fire is over. */
export function goReady() {
  return !go.busy && Date.now() >= go.holdUntil;
}

/** The cue shown as next, as the view drew it (the id on the GO button), fired: the one key. */
export function fireShownNext(app) {
  const button = document.querySelector('[data-action="fire-next"]');
  if (!button || button.disabled || !button.dataset.nextCue) return;
  fireCue(app, button.dataset.nextCue, { go: true });
}

/** cue.fire for this id; opts.go: from GO (holds GO briefly after). */
export async function fireCue(app, id, opts = {}) {
  const w = app.words;
  const c = findCue(app.live.state, id);
  if (!c) return;
  if (opts.go && !goReady()) return;
  let it = pending.get(id);
  if (!it) {
    it = intent();
    pending.set(id, it);
  }
  if (it.busy) return;
  if (opts.go) go.busy = true;
  app.render();
  try {
    const answer = await it.send(app.slug, { type: 'cue.fire', cue: id, expectedVersion: app.live.version });
    pending.delete(id);
    app.log.mine(answer.version);
    app.toast(w.cueFiredDone(cueName(app, c), answer.version), 'ok');
  } catch (e) {
    if (!(e instanceof ApiError) || !e.unknownOutcome) pending.delete(id);
    if (e instanceof ApiError && e.code === 'invalid_state') await sayAlreadyFired(app, id, e);
    else app.toast(errorText(app, e), 'error');
  } finally {
    if (opts.go) {
      go.busy = false;
      go.holdUntil = Date.now() + GO_HOLD_MS;
      setTimeout(() => app.render(), GO_HOLD_MS + 50);
    }
    app.render();
  }
}

/**
 * A 409 invalid_state on cue.fire is a cue fired already (by another console or the cue clock),
 * once the live state shows it fired; else one of its commands broke a rule, shown as the error.
 */
async function sayAlreadyFired(app, id, error) {
  const w = app.words;
  const fired = await within(3_000, () => {
    const c = findCue(app.live.state, id);
    return c && c.firedAt ? c : null;
  });
  if (!fired) {
    app.toast(errorText(app, error), 'error');
    return;
  }
  const entry = await within(3_000, () => firedEntry(app, id));
  const name = cueName(app, fired);
  app.toast(entry ? w.alreadyFired(name, firedBy(app, entry.actor), app.time(fired.firedAt)) : w.alreadyFiredShort(name), 'info');
}

/** The change log's cue.fired entry of this cue, if the log holds it. */
export function firedEntry(app, id) {
  return (app.log.entries || []).find(e => e.kind === 'cue.fired' && e.data && e.data.cue === id) || null;
}

export function firedBy(app, actor) {
  return actor === 'cue-clock' ? app.words.cueClockActor : actorName(actor);
}

/** Waits (on the live state and the log, which the socket keeps current) until found() gives something. */
function within(ms, found) {
  const first = found();
  if (first) return Promise.resolve(first);
  return new Promise(resolve => {
    const until = Date.now() + ms;
    const timer = setInterval(() => {
      const x = found();
      if (x || Date.now() > until) {
        clearInterval(timer);
        resolve(x || null);
      }
    }, 100);
  });
}

export function isFiring(id) {
  const it = pending.get(id);
  return !!(it && it.busy);
}

