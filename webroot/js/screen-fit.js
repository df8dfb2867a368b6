// Text must fit the screen whatever staff type: a box that overflows first gets smaller type
// (its --fit scale, down to a floor), then loses its later items, never a cut line or a scrollbar.

const FLOOR = 0.6;
const STEP = 0.05;

const overflows = box => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;

/** Shrinks the box's type until it fits or reaches the floor; answers whether it fits. */
export function shrinkToFit(box, floor = FLOOR) {
  let fit = 1;
  box.style.setProperty('--fit', '1');
  while (overflows(box) && fit - STEP >= floor - 1e-9) {
    fit -= STEP;
    box.style.setProperty('--fit', fit.toFixed(2));
  }
  return !overflows(box);
}

/** Fits every box of the page that holds free text. */
export function fitAll(root = document) {
  root.querySelectorAll('.now-panel').forEach(box => shrinkToFit(box));
  root.querySelectorAll('.timer-info').forEach(box => shrinkToFit(box, 0.5));
  root.querySelectorAll('.timer-digits').forEach(fitLine);
  root.querySelectorAll('.room-cell').forEach(fitCell);
  root.querySelectorAll('.next-panel').forEach(panel => {
    if (!panel.querySelector('.session-next')) {
      shrinkToFit(panel);
      return;
    }
    if (shrinkToFit(panel, 0.8)) return;
    let items = panel.querySelectorAll('.session-next');
    while (items.length > 1 && overflows(panel)) {
      items[items.length - 1].remove();
      items = panel.querySelectorAll('.session-next');
    }
    shrinkToFit(panel, 0.8);
  });
}

/** One line that must show whole (a speaker timer's digits): its type scaled to the box's width. */
function fitLine(box) {
  box.style.setProperty('--fit', '1');
  const line = box.firstElementChild;
  if (!line) return;
  const room = box.clientWidth / line.getBoundingClientRect().width;
  if (room < 1) box.style.setProperty('--fit', (Math.floor(room * 100) / 100).toFixed(2));
}

/**
 * A foyer cell: smaller type; then its next session without the second-language title; then
 * without its next session at all. What is on now always stays.
 */
function fitCell(box) {
  const FLOOR_CELL = 0.7;
  if (shrinkToFit(box, FLOOR_CELL)) return;
  box.querySelectorAll('.cell-next .title .secondary').forEach(line => line.remove());
  if (shrinkToFit(box, FLOOR_CELL)) return;
  box.querySelectorAll('.cell-next').forEach(next => next.remove());
  shrinkToFit(box, FLOOR_CELL);
}
