// Sending commands from the console: a dialog that is one intent (one Idempotency-Key, sent with
// the version the form was opened on), or a one-click button whose intent lives until it succeeds.
import { intent } from './console-api.js';
import { errorText, openDialog } from './console-dialog.js';

/** A problem with what was typed: shown in the dialog as it is, nothing was sent. */
export class FormError extends Error {
  constructor(message) {
    super(message);
    this.name = 'FormError';
  }
}

/**
 * opts: {title, intro?, body: nodes, confirm: label, danger?, enterConfirms?, wide?,
 *        build(d) → the command body (throw FormError for a bad field), done(answer, body) → toast text}
 */
export function commandDialog(app, opts) {
  const it = intent();
  return openDialog(app, {
    ...opts,
    confirm: {
      label: opts.confirm, danger: opts.danger,
      run: async d => {
        const body = opts.build(d);
        if (!body) return false;
        const answer = await it.send(app.slug, { ...body, expectedVersion: d.version });
        if (!answer) return false; // already in flight
        app.log.mine(answer.version);
        return opts.done ? opts.done(answer, body) : app.words.applied(answer.version);
      },
    },
  });
}

const pending = new Map(); // action key → its intent, until it succeeds

/**
 * A command from one button (reload, identify…). A click while it is in flight does nothing; a
 * retry after a lost answer reuses the key.
 */
export async function sendNow(app, key, body, done, button) {
  let it = pending.get(key);
  if (!it) {
    it = intent();
    pending.set(key, it);
  }
  if (it.busy) return;
  if (button) button.disabled = true;
  try {
    const answer = await it.send(app.slug, body);
    pending.delete(key);
    app.log.mine(answer.version);
    app.toast(done ? done(answer) : app.words.applied(answer.version), 'ok');
  } catch (e) {
    app.toast(errorText(app, e), 'error');
  } finally {
    if (button && button.isConnected) button.disabled = false;
  }
}
