// How long live.js waits before it connects again. Full jitter (a random wait up to a cap that
// doubles with each attempt): a hall of phones that lost Wi-Fi together must not come back together.

const MIN_MS = 500;
const MAX_MS = 30_000;

/** The one formula: a random wait in [0, cap), the cap doubling from 500 ms per attempt up to 30 s. */
export function fullJitter(attempt, random = Math.random) {
  return random() * Math.min(MAX_MS, MIN_MS * 2 ** attempt);
}

/** Waits after drops: each one in a row doubles the cap; reset() once the hub has said welcome. */
export function backoff(random = Math.random) {
  let attempt = 0;
  return {
    next: () => fullJitter(attempt++, random),
    reset() {
      attempt = 0;
    },
  };
}

/**
 * Waits after version gaps: the first in a minute resumes at once, more back off as drops do, so
 * a misbehaving hub cannot make the page spin. A welcome does not reset it (the hub that welcomed
 * us may be the one sending the gaps).
 */
export function gapBackoff(random = Math.random, now = Date.now, windowMs = 60_000) {
  const times = [];
  return {
    next() {
      const t = now();
      while (times.length && t - times[0] > windowMs) times.shift();
      times.push(t);
      return times.length === 1 ? 0 : fullJitter(times.length - 1, random);
    },
  };
}
