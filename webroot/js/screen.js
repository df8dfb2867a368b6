// A venue screen: full screen, no keyboard, on all day. It shows one layout (room, stage, foyer,
// timer) chosen by its URL (?room=main-hall&layout=room&lang=zh-en) or by staff after pairing, with
// the ticker, emergency and award reveals over it, and keeps its last picture when the hub is away.
import { coalesced, connectLive } from './live.js';
import { layout } from './screen-layouts.js';
import { refreshTimer } from './screen-timer.js';
import { hhmm, venueNow } from './screen-clock.js';
import { htmlLang, langs } from './screen-words.js';
import { currentAnnouncements, identify, renderConnection, renderEmergency, renderTicker } from './screen-overlays.js';
import { revealer } from './screen-reveal.js';
import { fitAll } from './screen-fit.js';
import { connectingView, forgetDevice, me, pairDevice, saveAssignment } from './screen-pairing.js';

const params = new URLSearchParams(location.search);
const stage = document.getElementById('screen');
const screen = { assignment: null, device: null, live: null };
window.podiumScreen = screen;

let lastMinute = null;
let offlineSince = null;
let status = null;
let reveals = null;

async function boot() {
  stage.replaceChildren(connectingView());
  if (params.get('room') || params.get('layout') === 'foyer') {
    start({
      event: params.get('event') || 'baotou-2023', room: params.get('room') || 'main-hall',
      layout: params.get('layout') || 'room', lang: params.get('lang') || 'zh-en',
    }, null);
    return;
  }
  const { device, assignment } = await pairDevice(view => stage.replaceChildren(view));
  start(assignment, device);
}

function start(assignment, device) {
  screen.assignment = assignment;
  screen.device = device;
  const channels = ['public', `room:${assignment.room}`];
  if (device) channels.push(`screen:${device.screen}`);
  const live = connectLive({ event: assignment.event || 'baotou-2023', channels, token: device ? device.token : undefined });
  screen.live = live;
  window.podiumLive = live;
  reveals = revealer(() => live.now(), () => live.state, () => mode());
  const renderSoon = coalesced(render);
  live.subscribe((state, change) => {
    if (change) onChange(change);
    renderSoon();
  });
  live.onStatus(s => {
    status = s;
    if (s.online) offlineSince = null;
    else if (offlineSince === null && !s.connecting && live.state) offlineSince = clockText();
    if (s.error && s.error.code === 'unauthorized' && device) checkDevice(device);
    renderConnection(status, offlineSince, mode());
  });
  setInterval(tick, 1_000);
  // A speaker timer's digits turn every second: looked at four times a second, they are never late by much.
  setInterval(tickTimer, 250);
  render();
  // Measuring what fits needs the real fonts; they may arrive after the first picture.
  if (document.fonts) document.fonts.ready.then(render);
  let resized = null;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(render, 100);
  });
}

/** The screen's lang setting (zh-en, en-zh, zh, en): zh-en until it has an assignment. */
function mode() {
  return (screen.assignment && langs(screen.assignment.lang).join('-')) || 'zh-en';
}

function zone() {
  const s = screen.live && screen.live.state;
  return s ? s.event.timeZone : undefined;
}

function clockText() {
  return hhmm(venueNow(screen.live, zone()), zone());
}

function onChange(change) {
  const data = change.data || {};
  const mine = screen.device && data.screen === screen.device.screen;
  if (change.kind === 'award.revealed') reveals.schedule(data);
  if (change.kind === 'screen.assigned' && mine && data.assignment) {
    screen.assignment = { ...screen.assignment, ...data.assignment };
    saveAssignment(screen.assignment);
    reveals.refresh();
  }
  if (change.kind === 'screen.reload' && mine) location.reload();
  if (change.kind === 'screen.identify' && mine) identify(data.name, data.screen, mode());
}

/** The whole picture, from the state and the venue's time. */
function render() {
  const live = screen.live;
  const state = live.state;
  document.documentElement.lang = htmlLang(langs(mode())[0]);
  document.body.dataset.layout = screen.assignment.layout;
  document.body.dataset.lang = mode();
  if (!state) {
    stage.replaceChildren(connectingView());
    return;
  }
  const now = venueNow(live, state.event.timeZone);
  lastMinute = Math.floor(now / 60_000);
  renderTicker(state, live.eventNow(), mode()); // first: the ticker takes room from the layout
  try {
    stage.replaceChildren(layout({
      state, now, realNow: live.now(), mode: mode(), room: screen.assignment.room, layout: screen.assignment.layout,
    }));
    fitAll(stage);
  } catch (e) {
    // Never an error page: keep whatever is on the screen and try again at the next tick.
    console.error('podium: could not render the layout', e);
  }
  renderEmergency(state, mode());
  // A rehearsal copy says so on every screen, so that nobody takes it for the real event.
  document.getElementById('rehearsal').classList.toggle('hidden', !state.event.rehearsalOf);
  renderConnection(status, offlineSince, mode());
}

/** Every second: the clock; every new minute: the countdowns; expiries on the ticker. */
function tick() {
  const live = screen.live;
  if (!live.state || isTimer()) return;
  const now = venueNow(live, zone());
  if (Math.floor(now / 60_000) !== lastMinute) {
    render();
    return;
  }
  if (document.body.classList.contains('has-ticker') !== hasTicker(live)) {
    render(); // an announcement expired or the first one came: the layout gets a new height
    return;
  }
  const text = hhmm(now, zone());
  document.querySelectorAll('#screen .clock').forEach(c => { if (c.textContent !== text) c.textContent = text; });
  renderTicker(live.state, live.eventNow(), mode());
}

function isTimer() {
  return screen.assignment.layout === 'timer';
}

/** The speaker timer: new digits in place, or a new picture when more than the digits changed. */
function tickTimer() {
  const live = screen.live;
  if (!live.state || !isTimer()) return;
  const ctx = { state: live.state, room: screen.assignment.room, now: venueNow(live, zone()), realNow: live.now() };
  if (!refreshTimer(stage, ctx)) render();
}

function hasTicker(live) {
  return currentAnnouncements(live.state, live.eventNow()).length > 0;
}

/** The hub refused the device token: if the hub no longer knows it at all, pair again. */
async function checkDevice(device) {
  try {
    const answer = await me(device.token);
    if (answer.status === 401) {
      forgetDevice();
      location.reload();
    }
  } catch (e) {
    // Out of reach: live.js keeps trying.
  }
}

// Last, once every declaration above is in place: start() renders at once, synchronously.
boot();
