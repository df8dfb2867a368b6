// Notices: the ticker's announcements (with an optional expiry), the emergency notice that takes
// over every screen and phone (posting and clearing each confirmed in a dialog, never by Enter or
// one click), who is on stage in the sessions that are live, and each room's speaker timers.
import { el } from './text.js';
import { intent } from './console-api.js';
import { bilingualField, field, openDialog, select } from './console-dialog.js';
import { commandDialog, FormError, sendNow } from './console-command.js';
import { venueLocal } from './console-time.js';
import { openStage, speakerLine } from './console-stage.js';
import { roomName } from './console-names.js';
import { roomStagesCard } from './console-room-stage.js';

export const noticesView = { id: 'notices', label: w => w.notices, render };

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const now = app.live.eventNow();
  const notice = state.notice;
  const mayNotice = app.may('notice.emergency');
  const emergency = el('section', { class: ['card', 'emergency-card', notice && 'active'], 'aria-labelledby': 'emergency-h' },
    el('h2', { id: 'emergency-h' }, w.emergency),
    notice ? el('div', {},
      el('p', { class: 'emergency-now', 'data-notice': '' }, app.t(notice.text)),
      notice.postedAt && el('p', { class: 'hint' }, w.postedAt(app.time(notice.postedAt))),
      mayNotice && el('button', { type: 'button', class: ['btn', 'btn-danger'], 'data-action': 'clear-emergency', onclick: () => openClearEmergency(app) }, w.clearEmergency))
      : el('div', {},
        el('p', {}, w.noEmergency),
        mayNotice && el('button', { type: 'button', class: ['btn', 'btn-danger'], 'data-action': 'post-emergency', onclick: () => openEmergency(app) }, w.postEmergency)));

  const mayAnnounce = app.may('announcement.post');
  const items = (state.announcements || []).map(a => {
    const expired = a.expiresAt && Date.parse(a.expiresAt) <= now;
    return el('li', { class: ['announcement', expired && 'expired'], 'data-announcement': a.id },
      el('p', { class: 'announcement-text' }, app.t(a.text)),
      el('p', { class: 'hint' }, w.postedAt(app.time(a.postedAt)), ' · ',
        a.expiresAt ? (expired ? w.expired(app.time(a.expiresAt)) : w.expiresAt(app.time(a.expiresAt))) : w.noExpiry),
      mayAnnounce && el('button', {
        type: 'button', class: ['btn', 'btn-small'], 'data-action': 'clear-announcement', 'data-key': `clear-${a.id}`,
        onclick: e => sendNow(app, `announcement.clear:${a.id}`, { type: 'announcement.clear', announcement: a.id },
          ans => w.announcementCleared(ans.version), e.currentTarget),
      }, w.clearAnnouncement));
  });
  const announcements = el('section', { class: 'card', 'aria-labelledby': 'ann-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'ann-h' }, w.announcements),
      mayAnnounce && el('button', { type: 'button', class: 'btn', 'data-action': 'post-announcement', onclick: () => openAnnouncement(app) }, w.postAnnouncement)),
    items.length ? el('ul', { class: 'announcement-list' }, items) : el('p', { class: 'empty' }, w.noAnnouncements));

  const live = (state.sessions || []).filter(s => s.status === 'live');
  const stage = el('section', { class: 'card', 'aria-labelledby': 'stage-h' },
    el('h2', { id: 'stage-h' }, w.onStageNow),
    live.length ? el('ul', { class: 'stage-list' }, live.map(s => el('li', {},
      el('p', {}, el('strong', {}, app.t(s.title)), ' · ', roomName(app, state, s.room)),
      el('p', {}, `${w.nowSpeaking}: `, s.onStage ? speakerLine(app, s.onStage) : w.nobody),
      el('p', {}, `${w.upNext}: `, s.upNext ? speakerLine(app, s.upNext) : w.nobody),
      app.may('speaker.on_stage') && el('button', { type: 'button', class: 'btn', 'data-key': `stage-${s.id}`, onclick: () => openStage(app, s.id) }, w.setOnStage))))
      : el('p', { class: 'empty' }, w.nothingLive));
  return el('div', { class: 'columns', 'data-scroll': 'notices' }, emergency, announcements, stage, roomStagesCard(app));
}

export function openAnnouncement(app) {
  const w = app.words;
  const zone = app.zone();
  const text = bilingualField(app, w.announcementText, null, { name: 'text', required: true });
  const expiry = select([['none', w.noExpiry], ['minutes', w.expiresIn], ['at', w.expiresAtLabel]], 'none', { name: 'expiry' });
  const minutes = el('input', { type: 'number', min: 1, max: 1440, value: 30, name: 'minutes', inputmode: 'numeric' });
  const at = el('input', { type: 'datetime-local', name: 'expiresAt', step: 60 });
  at.value = venueLocal(app.live.eventNow() + 3_600_000, zone);
  const minutesField = field(w.minutes, minutes);
  const atField = field(w.expiresAtLabel, at, w.venueTime(zone));
  const sync = () => {
    minutesField.classList.toggle('hidden', expiry.value !== 'minutes');
    atField.classList.toggle('hidden', expiry.value !== 'at');
  };
  expiry.addEventListener('change', sync);
  sync();
  commandDialog(app, {
    title: w.postAnnouncement, body: [text, field(w.expiry, expiry), minutesField, atField], confirm: w.post, cue: true,
    build: () => {
      const value = text.value();
      if (!value) throw new FormError(w.textNeeded);
      const b = { type: 'announcement.post', text: value };
      if (expiry.value === 'minutes') {
        const m = Number(minutes.value);
        if (!Number.isInteger(m) || m < 1 || m > 1440) throw new FormError(w.expiryMinutesHint);
        b.expiresInMinutes = m;
      } else if (expiry.value === 'at') {
        if (!at.value) throw new FormError(w.expiresAtLabel);
        b.expiresAt = at.value;
      }
      return b;
    },
    done: a => w.announcementPosted(a.version),
  });
}

/** Two steps: the text, then a review where staff type the confirmation word and press the button. */
export function openEmergency(app) {
  const w = app.words;
  const it = intent();
  const text = bilingualField(app, w.emergencyText, null, { name: 'emergency', required: true, multiline: true });
  const typed = el('input', { type: 'text', name: 'confirm-word', autocomplete: 'off', spellcheck: 'false', 'data-field': 'confirm-word' });
  let step = 1;
  let body = null;
  const d = openDialog(app, {
    title: w.postEmergency, intro: w.emergencyIntro, body: [text], enterConfirms: false, className: 'emergency-dialog',
    confirm: {
      label: w.review, danger: true,
      run: async dialog => {
        if (step === 1) {
          const value = text.value();
          if (!value) throw new FormError(w.textNeeded);
          body = { type: 'notice.emergency', text: value };
          step = 2;
          dialog.setBody(
            el('p', { class: 'warning' }, w.emergencyWarning),
            el('div', { class: 'takeover-preview', role: 'img', 'aria-label': w.emergencyPreview },
              el('strong', {}, w.emergency), el('span', { lang: 'zh-CN' }, typeof value === 'string' ? value : value.zh),
              el('span', { lang: 'en' }, typeof value === 'string' ? '' : value.en)),
            field(w.typeToConfirm(w.confirmWord), typed));
          dialog.setConfirm({ label: w.postEmergencyNow });
          typed.focus();
          return false;
        }
        if (!confirmed(typed.value, w.confirmWord)) throw new FormError(w.typeToConfirm(w.confirmWord));
        const answer = await it.send(app.slug, { ...body, expectedVersion: dialog.version });
        if (!answer) return false;
        app.log.mine(answer.version);
        return w.emergencyPosted(answer.version);
      },
    },
  });
  return d;
}

export function openClearEmergency(app) {
  const w = app.words;
  const notice = app.live.state.notice;
  if (!notice) return;
  const it = intent();
  openDialog(app, {
    title: w.clearEmergency, intro: w.clearEmergencyIntro, enterConfirms: false, className: 'emergency-dialog',
    body: [el('blockquote', { class: 'emergency-now' }, app.t(notice.text))],
    confirm: {
      label: w.clearEmergencyNow, danger: true,
      run: async dialog => {
        const answer = await it.send(app.slug, { type: 'notice.clear', expectedVersion: dialog.version });
        if (!answer) return false;
        app.log.mine(answer.version);
        return w.emergencyCleared(answer.version);
      },
    },
  });
}

/** The confirmation word, in either language's spelling, any case. */
function confirmed(value, word) {
  const v = value.trim().toUpperCase();
  return v === word.toUpperCase() || v === 'EMERGENCY';
}
