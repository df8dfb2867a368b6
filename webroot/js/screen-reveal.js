// Award reveals: on an award.revealed change, a full-screen sequence (the category, then each
// revealed rank, lowest place first) that starts at the change's showAt on the hub's clock, so
// every screen in the venue turns the page at the same moment. A reveal that arrives after its
// sequence is over (a late resume) is not replayed.
import { el, t } from './text.js';
import { WORDS, bi } from './screen-words.js';
import { shrinkToFit } from './screen-fit.js';

export const INTRO_MS = 1_500;
export const STEP_MS = 6_000;
export const HOLD_MS = 4_000;

/** serverNow: the hub's clock (live.now()); getState: the current state; getMode: the lang setting. */
export function revealer(serverNow, getState, getMode) {
  const queue = []; // {award, results, start, end}
  let timer = null;
  let shown = null; // key of the step on screen
  const box = document.getElementById('reveal');

  function schedule(data) {
    const results = (data.results || []).filter(r => r && r.award === data.award);
    if (!results.length) return;
    const showAt = typeof data.showAt === 'number' ? data.showAt : serverNow();
    const busyUntil = queue.length ? queue[queue.length - 1].end : 0;
    const start = Math.max(showAt, busyUntil);
    const end = start + INTRO_MS + results.length * STEP_MS + HOLD_MS;
    if (end <= serverNow()) return;
    queue.push({ award: data.award, results, start, end });
    tick();
  }

  /** The step due at `now`: {seq, index} (index -1 = the category alone), or null. */
  function stepAt(now) {
    while (queue.length && queue[0].end <= now) queue.shift();
    const seq = queue[0];
    if (!seq || now < seq.start) return null;
    const index = Math.min(seq.results.length - 1, Math.floor((now - seq.start - INTRO_MS) / STEP_MS));
    return { seq, index: now < seq.start + INTRO_MS ? -1 : index };
  }

  function nextBoundary(now) {
    const seq = queue[0];
    if (!seq) return null;
    if (now < seq.start) return seq.start;
    const steps = [seq.start + INTRO_MS, ...seq.results.map((r, i) => seq.start + INTRO_MS + (i + 1) * STEP_MS)];
    return Math.min(seq.end, ...steps.filter(x => x > now));
  }

  function tick() {
    clearTimeout(timer);
    const now = serverNow();
    const step = stepAt(now);
    render(step, now);
    const next = nextBoundary(now);
    if (next !== null) timer = setTimeout(tick, Math.max(10, next - serverNow()));
  }

  function render(step, now) {
    const key = step ? `${step.seq.start}|${step.seq.award}|${step.index}|${getMode()}` : null;
    if (key === shown) return;
    shown = key;
    document.body.classList.toggle('reveal-on', !!step);
    box.classList.toggle('hidden', !step);
    if (!step) {
      box.replaceChildren();
      return;
    }
    box.replaceChildren(stepView(step));
    shrinkToFit(box);
    // Server ms: when this step was put up, and the moment its sequence runs from (showAt, or the
    // end of the one before), which every screen in the venue shares.
    box.dataset.shownAt = String(Math.round(now));
    box.dataset.startsAt = String(step.seq.start);
  }

  function stepView({ seq, index }) {
    const mode = getMode();
    const award = ((getState() || {}).awards || []).find(a => a.id === seq.award) || { name: seq.award, nominees: [] };
    const result = index >= 0 ? seq.results[index] : null;
    const nominee = result ? (award.nominees || []).find(n => n.id === result.nominee) : null;
    return el('div', { class: ['reveal-inner', result ? 'reveal-rank' : 'reveal-intro'],
      'data-award': seq.award, 'data-rank': result ? String(result.rank) : null },
    bi(mode, 'reveal-label', l => WORDS[l].award),
    bi(mode, 'reveal-category', l => t(award.name, l)),
    result && bi(mode, 'reveal-place', l => WORDS[l].place(result.rank)),
    result && bi(mode, 'reveal-nominee', l => (nominee ? t(nominee.name, l) : result.nominee)));
  }

  return { schedule, refresh: () => { shown = null; tick(); } };
}
