// Modal dialogs: a native <dialog> opened with showModal() (the rest of the page is inert, so focus
// stays inside), Esc closes, Enter confirms only where the dialog says it is safe. The confirm
// button is disabled while its command is in flight; a refusal is shown in the dialog, never lost.
import { el } from './text.js';
import { ApiError } from './console-api.js';
import { describeEntities } from './console-describe.js';

let serial = 0;

/**
 * opts: {title, intro?, body: nodes, confirm: {label, danger?, run(d)}, enterConfirms = true,
 *        onRetry?(d), wide?, cancelLabel?, extra?: {label, action?, run(d)}}
 * run(d) sends the command (reading d.version, the version the form was opened on) and resolves
 * with a message for the toast, or false to keep the dialog open.
 */
export function openDialog(app, opts) {
  const w = app.words;
  const id = `dialog-${++serial}`;
  const returnTo = document.activeElement;
  const errorBox = el('div', { class: ['dialog-error', 'hidden'], role: 'alert' });
  const content = el('div', { class: 'dialog-content' });
  const confirm = opts.confirm && el('button', {
    type: 'button', class: ['btn', opts.confirm.danger ? 'btn-danger' : 'btn-primary'], 'data-action': 'confirm',
  }, opts.confirm.label);
  const cancel = el('button', { type: 'button', class: ['btn'], 'data-action': 'cancel' }, opts.cancelLabel || w.cancel);
  // A second way out of the form (e.g. "Add to a cue…"): it never sends the command itself.
  const extra = opts.extra && el('button', { type: 'button', class: ['btn', 'btn-extra'], 'data-action': opts.extra.action || 'extra' }, opts.extra.label);
  const form = el('form', { class: 'dialog-form', novalidate: true },
    el('h2', { id: `${id}-title`, class: 'dialog-title' }, opts.title),
    opts.intro && el('p', { class: 'dialog-intro' }, opts.intro),
    content, errorBox,
    el('div', { class: 'dialog-actions' }, extra, cancel, confirm));
  const root = el('dialog', { class: ['dialog', opts.wide && 'dialog-wide', opts.className], 'aria-labelledby': `${id}-title` }, form);

  const d = {
    root, content, version: app.live.version, closed: false,
    setBody(...nodes) {
      content.replaceChildren(...nodes.flat().filter(Boolean));
    },
    setConfirm({ label, enabled }) {
      if (!confirm) return;
      if (label !== undefined) confirm.textContent = label;
      if (enabled !== undefined) confirm.disabled = !enabled || d.busy;
    },
    clearError() {
      errorBox.classList.add('hidden');
      errorBox.replaceChildren();
    },
    showError(e) {
      errorBox.classList.remove('hidden');
      errorBox.replaceChildren(...errorView(app, e, d, opts));
    },
    busy: false,
    close() {
      if (d.closed) return;
      d.closed = true;
      if (root.open) root.close();
      root.remove();
      if (returnTo && returnTo.isConnected && typeof returnTo.focus === 'function') returnTo.focus();
    },
    async confirm() {
      if (!confirm || confirm.disabled || d.busy) return;
      d.busy = true;
      const label = confirm.textContent;
      confirm.disabled = true;
      confirm.textContent = w.sending;
      root.setAttribute('aria-busy', 'true');
      d.clearError();
      try {
        const message = await opts.confirm.run(d);
        if (message !== false) {
          d.close();
          if (message) app.toast(message, 'ok');
        }
      } catch (e) {
        if (!(e instanceof ApiError) && e.name !== 'FormError') console.warn('podium console: a dialog failed', e);
        if (!d.closed) d.showError(e);
        else app.toast(errorText(app, e), 'error');
      } finally {
        d.busy = false;
        root.removeAttribute('aria-busy');
        if (!d.closed) {
          if (confirm.textContent === w.sending) confirm.textContent = label;
          confirm.disabled = false;
        }
      }
    },
  };
  d.setBody(opts.body || []);
  cancel.addEventListener('click', () => d.close());
  if (extra) {
    extra.addEventListener('click', () => {
      d.clearError();
      try {
        opts.extra.run(d);
      } catch (e) {
        if (e.name !== 'FormError') console.warn('podium console: a dialog failed', e);
        d.showError(e);
      }
    });
  }
  if (confirm) confirm.addEventListener('click', () => d.confirm());
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (opts.enterConfirms !== false) d.confirm();
  });
  root.addEventListener('cancel', e => {
    e.preventDefault(); // Esc: we close and restore focus ourselves
    d.close();
  });
  root.addEventListener('close', () => d.close());
  document.body.appendChild(root);
  root.showModal();
  const first = content.querySelector('input:not([disabled]):not(.hidden), select:not([disabled]), textarea:not([disabled])');
  // Where Enter must not confirm, focus never starts on the confirm button either (Enter would press it).
  (first || (opts.enterConfirms === false ? cancel : confirm || cancel)).focus();
  return d;
}

/** What went wrong, in words staff can act on. */
export function errorText(app, e) {
  const w = app.words;
  if (e && e.name === 'FormError') return e.message;
  if (!(e instanceof ApiError)) return w.failed(String(e && e.message ? e.message : e));
  if (e.code === 'network') return w.noAnswer;
  if (e.code === 'stale_version') return w.staleVersion(e.message);
  if (e.code === 'forbidden') return w.forbidden(e.message);
  if (e.status === 429 && e.retryAfter) return w.tooMany(e.message, Math.ceil(e.retryAfter / 60));
  return w.refused(e.message, e.code);
}

function errorView(app, e, d, opts) {
  const w = app.words;
  const out = [el('p', { class: 'error-text' }, errorText(app, e))];
  if (e instanceof ApiError && e.code === 'stale_version') {
    const current = describeEntities(app, e.current);
    if (current.length) out.push(el('p', {}, w.currentState), el('ul', { class: 'conflict-current' }, current.map(t => el('li', {}, t))));
    out.push(el('button', {
      type: 'button', class: 'btn', 'data-action': 'retry-current',
      onclick: () => {
        d.version = e.version !== null ? Math.max(e.version, app.live.version || 0) : app.live.version;
        d.clearError();
        if (opts.onRetry) opts.onRetry(d);
      },
    }, w.retryOnCurrent));
  } else if (e instanceof ApiError && e.unknownOutcome) {
    out.push(el('p', { class: 'hint' }, w.retrySafe));
  }
  return out;
}

/** A labelled field: {label, input (node), hint?}. */
export function field(label, input, hint) {
  if (!input.id) input.id = `f-${++serial}`;
  return el('div', { class: 'field' },
    el('label', { for: input.id }, label),
    input,
    hint && el('p', { class: 'hint', id: `${input.id}-hint` }, hint));
}

/** Two inputs for a bilingual text; .value() gives {en, zh}, one string, or null when both are empty. */
export function bilingualField(app, label, initial, { multiline = false, required = false, name } = {}) {
  const make = (lang, value) => el(multiline ? 'textarea' : 'input', {
    type: multiline ? null : 'text', lang: lang === 'zh' ? 'zh-CN' : 'en', name: name ? `${name}-${lang}` : null,
    rows: multiline ? 3 : null, maxlength: app.catalogue.textMaxLength, required: required && lang === 'en' ? true : null,
  });
  const en = make('en');
  const zh = make('zh');
  en.value = initial && typeof initial === 'object' ? initial.en || '' : initial || '';
  zh.value = initial && typeof initial === 'object' ? initial.zh || '' : initial || '';
  const group = el('fieldset', { class: 'bilingual' },
    el('legend', {}, label),
    field('English', en), field('中文', zh));
  group.value = () => {
    const e = en.value.trim();
    const z = zh.value.trim();
    if (!e && !z) return null;
    if (!e || !z) return e || z;
    return { en: e, zh: z };
  };
  group.inputs = [en, zh];
  return group;
}

export function select(options, value, attrs = {}) {
  const s = el('select', attrs, options.map(([v, label]) => el('option', { value: v }, label)));
  if (value !== undefined && value !== null) s.value = value;
  return s;
}
