// "Import a schedule…" (admins; POST /api/events/import, docs/API.md "Imports"): a file dropped or
// picked is sent with ?dryRun=true first, its upload followed on a progress bar, and what the hub
// read is shown (format, days, rooms, sessions, speakers, warnings), or, for a file it cannot read,
// every problem with its place and nothing else. Then either a new event is made from it, or an
// existing event's agenda is replaced, after a second dry run for that event has shown what would
// change to each session (an event under way needs "force" ticked). Only the confirm writes.
import { el } from './text.js';
import { ApiError, get, upload } from './console-api.js';
import { errorText, field, openDialog } from './console-dialog.js';
import { FormError } from './console-command.js';
import { importWords } from './console-import-words.js';
import { planView, roomNames } from './console-plan.js';

/** As ImportApi.MAX_BODY_BYTES: a larger file is refused before it is sent. */
const MAX_BYTES = 16 * 1024 * 1024;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
let serial = 0;

/** Children for replaceChildren(): what el() leaves out (null, false, '') left out here too. */
const kids = (...nodes) => nodes.flat().filter(n => n !== null && n !== undefined && n !== false && n !== '');

/** done(answer): the import was made (answer: the hub's summary, with event and created). */
export function openImport(app, { done }) {
  const w = importWords(app);
  const id = `import-${++serial}`;
  const s = {
    file: null, run: 0, phase: 'choose', sent: 0, total: 0, summary: null, refusal: null,
    mode: 'create', events: null, target: '', diff: null, diffError: null, targetPlace: null, shown: null,
  };

  const input = el('input', {
    type: 'file', id: `${id}-file`, class: 'visually-hidden', accept: '.json,.xml,application/json,application/xml,text/xml',
    'data-action': 'import-file',
  });
  const zone = el('div', { class: 'drop-zone', 'data-drop': 'schedule' },
    el('p', { class: 'drop-title' }, w.dropHere),
    el('p', { class: 'hint' }, w.orPick),
    input,
    el('label', { for: input.id, class: ['btn', 'drop-pick'] }, w.chooseFile),
    el('p', { class: ['drop-file', 'hidden'] }));
  const status = el('div', { class: 'import-status', role: 'status', 'aria-live': 'polite', 'data-import-status': '' });
  const refusal = el('div', { class: ['import-refusal', 'hidden'], role: 'alert', 'data-import-refusal': '' });
  const summary = el('section', { class: ['import-summary', 'hidden'], 'aria-labelledby': `${id}-read`, 'data-import-summary': '' });

  const createRadio = el('input', { type: 'radio', name: `${id}-mode`, value: 'create', id: `${id}-create`, 'data-mode': 'create', checked: true });
  const replaceRadio = el('input', { type: 'radio', name: `${id}-mode`, value: 'replace', id: `${id}-replace`, 'data-mode': 'replace' });
  const slugInput = el('input', { type: 'text', name: 'import-slug', autocapitalize: 'none', spellcheck: 'false', maxlength: 64 });
  const slugNote = el('p', { class: 'slug-note', 'data-slug-note': '' });
  const targetSelect = el('select', { name: 'import-target' });
  const force = el('input', { type: 'checkbox', name: 'import-force', id: `${id}-force` });
  const underWay = el('div', { class: ['under-way', 'hidden'], 'data-under-way': '' },
    el('p', { class: 'warning' }, w.underWay),
    el('div', { class: 'check' }, force, el('label', { for: force.id }, w.force)));
  const diffBox = el('div', { class: 'import-diff', 'data-import-diff': '' });
  const createPart = el('div', { class: 'import-part' }, field(w.newSlug, slugInput, w.slugHint), slugNote);
  const replacePart = el('div', { class: ['import-part', 'hidden'] }, field(w.replaceWhich, targetSelect), diffBox, underWay);
  const choice = el('fieldset', { class: ['import-choice', 'hidden'], 'data-import-choice': '' },
    el('legend', {}, w.whatToDo),
    el('div', { class: 'mode-row' },
      el('div', { class: 'check' }, createRadio, el('label', { for: createRadio.id }, w.createNew)),
      el('div', { class: 'check' }, replaceRadio, el('label', { for: replaceRadio.id }, w.replaceExisting))),
    createPart, replacePart);

  const d = openDialog(app, {
    title: w.importTitle, intro: w.importIntro, wide: true, className: 'import-dialog', enterConfirms: false,
    body: [zone, status, refusal, summary, choice],
    confirm: { label: w.createIt, run: () => confirm() },
  });
  d.setConfirm({ enabled: false });
  // A read still going when the dialog closes is stopped; the import itself, once confirmed, is not.
  const reads = new AbortController();
  d.root.addEventListener('close', () => reads.abort());

  // A file dropped anywhere on the dialog is taken, never opened by the browser in place of the console.
  d.root.addEventListener('dragover', e => e.preventDefault());
  d.root.addEventListener('drop', e => e.preventDefault());
  zone.addEventListener('dragenter', e => { e.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) take(file);
  });
  input.addEventListener('change', () => {
    if (input.files && input.files[0]) take(input.files[0]);
    input.value = '';
  });
  createRadio.addEventListener('change', () => setMode('create'));
  replaceRadio.addEventListener('change', () => setMode('replace'));
  slugInput.addEventListener('input', update);
  force.addEventListener('change', update);
  targetSelect.addEventListener('change', () => chooseTarget(targetSelect.value));

  loadEvents();
  update();
  return d;

  async function loadEvents() {
    try {
      s.events = (await get('/api/events')).events || [];
    } catch (e) {
      s.events = [];
      if (!d.closed) d.showError(new FormError(w.eventsFailed));
    }
    fillTargets();
    update();
  }

  function fillTargets() {
    targetSelect.replaceChildren(el('option', { value: '' }, w.chooseEvent),
      ...(s.events || []).map(e => el('option', { value: e.slug }, `${app.t(e.title)} (${e.slug})`)));
    targetSelect.value = s.target;
  }

  /** A new file: everything read of the one before is forgotten, and it is read with a dry run. */
  async function take(file) {
    const run = ++s.run;
    s.file = file;
    s.summary = null;
    s.refusal = null;
    s.diff = null;
    s.diffError = null;
    s.phase = 'uploading';
    s.sent = 0;
    s.total = file.size;
    d.clearError();
    update();
    // A file chosen: the zone shrinks to its name (a drop on it, or the button, takes another).
    zone.classList.add('compact');
    zone.querySelector('.drop-pick').textContent = w.chooseAnother;
    zone.querySelector('.drop-file').classList.remove('hidden');
    zone.querySelector('.drop-file').replaceChildren(el('strong', {}, file.name), ` · ${w.size(file.size)}`);
    if (file.size > MAX_BYTES) {
      s.phase = 'refused';
      s.refusal = { message: w.tooLarge(w.size(file.size)), problems: [] };
      update();
      return;
    }
    try {
      const answer = await dryRun(null, run);
      if (run !== s.run) return;
      s.summary = answer;
      s.phase = 'read';
      slugInput.value = answer.event;
      if (answer.exists) {
        // The file's own event is here already: replacing it is the likely wish, and its diff came along.
        s.mode = 'replace';
        s.target = answer.event;
        s.diff = answer;
        loadPlace(answer.event, run);
      } else if (s.mode === 'replace' && s.target) {
        // Another file for the event chosen before: what this one would do to it.
        chooseTarget(s.target);
        return;
      }
    } catch (e) {
      if (run !== s.run) return;
      s.phase = 'refused';
      s.refusal = refusalOf(e);
    }
    update();
  }

  /** POST ?dryRun=true (slug: the event to check against; null: the file's own), its upload on the bar. */
  function dryRun(slug, run) {
    const query = new URLSearchParams({ dryRun: 'true' });
    if (slug) query.set('slug', slug);
    return send(query, run, reads.signal);
  }

  function send(query, run, signal) {
    s.phase = 'uploading';
    s.sent = 0;
    s.total = s.file.size;
    renderStatus();
    // While the dialog sends the import itself, its button says so; otherwise nothing is confirmed mid-read.
    if (!d.busy) d.setConfirm({ enabled: false });
    return upload(`/api/events/import?${query}`, s.file, {
      contentType: contentType(s.file),
      signal,
      onProgress: (sent, total) => {
        if (run !== s.run) return;
        s.sent = sent;
        s.total = total;
        renderStatus();
      },
      onSent: () => {
        if (run !== s.run) return;
        s.phase = 'reading';
        renderStatus();
      },
    });
  }

  function refusalOf(e) {
    if (e instanceof ApiError && (e.code === 'invalid_schedule' || e.code === 'unsupported_media_type')) {
      return { message: w.notSchedule, problems: e.problems, detail: e.problems.length ? null : e.message };
    }
    if (e instanceof ApiError && e.code === 'body_too_large') {
      return { message: w.tooLarge(w.size(s.file.size)), problems: [] };
    }
    return { message: errorText(app, e), problems: [] };
  }

  function setMode(mode) {
    s.mode = mode;
    if (mode === 'replace' && s.target && !s.diff) chooseTarget(s.target);
    update();
  }

  /** The event whose agenda the file would replace: what it would do to it, from a dry run against it. */
  async function chooseTarget(slug) {
    s.target = slug;
    s.diff = null;
    s.diffError = null;
    s.targetPlace = null;
    force.checked = false;
    const run = ++s.run;
    update();
    if (!slug || !s.file) return;
    try {
      const [answer] = await Promise.all([dryRun(slug, run), loadPlace(slug, run)]);
      if (run !== s.run) return;
      s.diff = answer;
      s.phase = 'read';
    } catch (e) {
      if (run !== s.run) return;
      s.phase = 'read';
      s.diffError = e;
    }
    update();
  }

  /** The target event's zone and room names, to show its sessions' times and rooms as its staff know them. */
  async function loadPlace(slug, run) {
    const current = app.live.state;
    let snapshot = current && current.event.slug === slug ? current : null;
    if (!snapshot) {
      try {
        snapshot = await get(`/api/events/${encodeURIComponent(slug)}`);
      } catch (e) {
        snapshot = null;
      }
    }
    if (run !== s.run && s.target !== slug) return;
    s.targetPlace = {
      zone: snapshot ? snapshot.event.timeZone : 'UTC',
      room: roomNames(app, snapshot),
      title: snapshot ? app.t(snapshot.event.title) : slug,
    };
    update();
  }

  /** Why the confirm cannot be pressed yet, or null when it can. */
  function blocker() {
    if (!s.summary) return w.chooseFileFirst;
    if (s.mode === 'create') {
      const slug = slugInput.value.trim();
      if (!SLUG.test(slug)) return w.slugHint;
      if (exists(slug)) return w.slugExists(slug);
      return null;
    }
    if (!s.target) return w.chooseEventFirst;
    if (!s.diff || !s.diff.diff) return w.waitForDiff;
    if (s.diff.underWay && !force.checked) return w.forceNeeded;
    return null;
  }

  function exists(slug) {
    return (s.events || []).some(e => e.slug === slug) || (s.summary && s.summary.event === slug && s.summary.exists);
  }

  async function confirm() {
    const why = blocker();
    if (why) throw new FormError(why);
    const query = new URLSearchParams();
    const slug = s.mode === 'create' ? slugInput.value.trim() : s.target;
    query.set('slug', slug);
    if (s.mode === 'replace') {
      query.set('replace', 'true');
      if (s.diff.underWay) query.set('force', 'true');
    }
    const run = ++s.run;
    let answer;
    try {
      answer = await send(query, run);
    } finally {
      s.phase = 'read';
      renderStatus();
    }
    done(answer);
    return answer.created ? w.created(answer.event, answer.sessions) : w.replaced(answer.event, answer.sessions);
  }

  function update() {
    if (d.closed) return;
    renderStatus();
    renderRefusal();
    renderSummary();
    const read = !!s.summary && s.phase !== 'refused';
    choice.classList.toggle('hidden', !read);
    createRadio.checked = s.mode === 'create';
    replaceRadio.checked = s.mode === 'replace';
    createPart.classList.toggle('hidden', s.mode !== 'create');
    replacePart.classList.toggle('hidden', s.mode !== 'replace');
    if (targetSelect.value !== s.target) fillTargets();
    const slug = slugInput.value.trim();
    slugNote.classList.toggle('error-text', SLUG.test(slug) && exists(slug));
    slugNote.replaceChildren(!read || !SLUG.test(slug) ? '' : exists(slug) ? w.slugExists(slug) : w.slugFree(slug));
    renderDiff();
    const why = read ? blocker() : w.chooseFileFirst;
    d.setConfirm({ label: s.mode === 'replace' ? w.replaceIt : w.createIt, enabled: read && !why && !busy() });
  }

  function busy() {
    return s.phase === 'uploading' || s.phase === 'reading';
  }

  function renderStatus() {
    if (s.phase === 'uploading') {
      const pct = s.total ? Math.min(100, Math.round((100 * s.sent) / s.total)) : 0;
      status.replaceChildren(el('p', {}, w.uploading(s.file.name, w.size(s.file.size))),
        el('div', { class: 'upload-bar' },
          el('progress', { max: 100, value: pct, 'aria-label': w.uploadProgress, 'data-upload': '' }),
          el('span', { class: 'upload-pct' }, `${pct} %`)));
    } else if (s.phase === 'reading') {
      status.replaceChildren(el('p', { class: 'reading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }),
        d.busy ? w.importing : w.reading(s.file.name)));
    } else {
      status.replaceChildren();
    }
  }

  function renderRefusal() {
    const r = s.phase === 'refused' ? s.refusal : null;
    refusal.classList.toggle('hidden', !r);
    if (!r) {
      refusal.replaceChildren();
      return;
    }
    refusal.replaceChildren(...kids(
      el('p', { class: 'refusal-title' }, r.message),
      r.problems.length > 0 && el('p', {}, w.problemsHeading(r.problems.length)),
      r.problems.length > 0 && el('div', { class: ['table-scroll', 'problems-scroll'], tabindex: 0, role: 'region', 'aria-label': w.problemsHeading(r.problems.length) },
        el('table', { class: ['data-table', 'problems-table'] },
          el('thead', {}, el('tr', {}, [w.whereCol, w.fieldCol, w.problemCol].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, r.problems.map(p => el('tr', { 'data-problem': '' },
            el('td', {}, String(p.where ?? '')), el('td', { class: 'mono' }, String(p.field ?? '')), el('td', {}, String(p.problem ?? ''))))))),
      r.detail && el('p', { class: 'hint' }, r.detail),
      el('p', {}, w.nothingImported)));
  }

  function renderSummary() {
    const a = s.phase !== 'refused' ? s.summary : null;
    summary.classList.toggle('hidden', !a);
    if (!a) {
      summary.replaceChildren();
      return;
    }
    const warnings = a.warnings || [];
    summary.replaceChildren(...kids(
      el('h3', { id: `${id}-read` }, w.readHeading(s.file.name)),
      el('ul', { class: 'import-counts' }, ['days', 'rooms', 'sessions', 'speakers'].map(k => el('li', {},
        el('strong', { class: 'import-n', 'data-fact': k }, String(a[k])), el('span', {}, w[k])))),
      el('dl', { class: ['facts', 'import-facts'] },
        el('dt', {}, w.format), el('dd', { 'data-fact': 'format' }, w.formats[a.format] || a.format),
        a.generator && [el('dt', {}, w.generator), el('dd', { 'data-fact': 'generator' }, a.generator)],
        el('dt', {}, w.slugInFile), el('dd', { class: 'mono', 'data-fact': 'event' }, a.event)),
      warnings.length > 0 && el('details', { class: 'import-warnings', open: warnings.length <= 3 },
        el('summary', {}, `${w.warnings} (${warnings.length})`),
        el('ul', {}, warnings.map(x => el('li', {}, String(x)))))));
  }

  function renderDiff() {
    if (s.mode !== 'replace' || !s.target) {
      diffBox.replaceChildren();
      underWay.classList.add('hidden');
      return;
    }
    const place = s.targetPlace;
    const title = place ? place.title : s.target;
    underWay.classList.toggle('hidden', !(s.diff && s.diff.underWay));
    if (s.diffError) {
      diffBox.replaceChildren(el('p', { class: 'error-text', role: 'alert' }, errorText(app, s.diffError)));
    } else if (!s.diff || !place) {
      diffBox.replaceChildren(el('p', { class: 'hint' }, w.checking(title)));
    } else {
      diffBox.replaceChildren(el('h3', {}, w.diffHeading(title)), el('p', { class: 'hint' }, w.diffIntro),
        planView(app, s.diff.diff, place));
      // On a laptop the diff starts below the fold: bring it into sight once, when it comes.
      if (s.shown !== s.diff) {
        s.shown = s.diff;
        diffBox.scrollIntoView({ block: 'start' });
      }
    }
  }
}

/** The hub reads the format from the content; the type only has to be one it takes. */
function contentType(file) {
  const name = (file.name || '').toLowerCase();
  return name.endsWith('.xml') || /xml/.test(file.type || '') ? 'application/xml' : 'application/json';
}
