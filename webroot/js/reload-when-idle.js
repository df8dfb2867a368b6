// A page reload that waits for the person using it: never under an open dialog (a half-typed
// form), and only once nobody has touched the page for a while or it is out of sight. Before it,
// the service worker (sw.js) fetches its new copy, so the reload gets the new files.

const QUIET_MS = 30_000;
const CHECK_MS = 5_000;
const ASKED = 'podium.reloadAsked';

/**
 * Reloads the page when it is next idle, once per tab for one reason: a page whose new copy is not
 * there yet (no network for the worker) must not reload again and again. Returns false when this
 * tab has already reloaded for it. lastTouch() is when the page was last touched (live.js counts
 * from its start: this module comes only when a newer hub asks for it).
 */
export function reloadWhenIdle(reason, lastTouch) {
  try {
    if (sessionStorage.getItem(ASKED) === reason) return false;
    sessionStorage.setItem(ASKED, reason);
  } catch (e) {
    return false; // no storage: no way to know whether it has reloaded already
  }
  const later = typeof requestIdleCallback === 'function' ? requestIdleCallback : fn => setTimeout(fn, 0);
  const check = () => (idle(lastTouch) ? later(() => reloadFresh()) : setTimeout(check, CHECK_MS));
  check();
  return true;
}

function idle(lastTouch) {
  if (document.querySelector('dialog[open]')) return false;
  return document.visibilityState === 'hidden' || Date.now() - lastTouch() > QUIET_MS;
}

async function reloadFresh() {
  try {
    const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : null;
    if (registration) {
      await registration.update();
      await activated(registration.installing || registration.waiting);
    }
  } catch (e) {
    // No worker or no network for it: the reload gets what there is.
  }
  location.reload();
}

/** Until a new worker is active (sw.js takes over at once) or has failed to install. */
function activated(worker) {
  return new Promise(done => {
    if (!worker || worker.state === 'activated' || worker.state === 'redundant') return done();
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated' || worker.state === 'redundant') done();
    });
  });
}
