// The way in: the login form, or at a first start the setup form of the one-time link that the
// hub printed (console.html#setup=TOKEN), which makes the first admin and then logs in.
import { el } from './text.js';
import { ApiError, post, setCsrf } from './console-api.js';
import { field } from './console-dialog.js';

const MIN_PASSWORD = 10;

/** mode 'login' or 'setup'; opts: {token, ended, error, done()}: done, once logged in, opens the console. */
export function showGate(root, app, mode, opts) {
  const w = app.words;
  root.classList.remove('hidden');
  const message = el('p', { class: 'gate-message', role: 'alert' });
  const login = el('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { type: 'password', name: 'password', autocomplete: mode === 'setup' ? 'new-password' : 'current-password', required: true });
  const name = el('input', { type: 'text', name: 'name', autocomplete: 'name', required: true });
  const again = el('input', { type: 'password', name: 'password-again', autocomplete: 'new-password', required: true });
  const submit = el('button', { type: 'submit', class: ['btn', 'btn-primary', 'btn-wide'] }, mode === 'setup' ? w.setupSubmit : w.loginSubmit);
  const lang = el('button', { type: 'button', class: ['btn', 'btn-quiet', 'gate-lang'], lang: app.lang === 'zh' ? 'en' : 'zh-CN',
    onclick: () => {
      app.lang = app.lang === 'zh' ? 'en' : 'zh';
      try { localStorage.setItem('podium.console.lang', app.lang); } catch (e) { /* this visit only */ }
      showGate(root, app, mode, opts);
    } }, w.langToggle);
  const form = el('form', { class: 'gate-form', novalidate: true },
    el('h1', {}, mode === 'setup' ? w.setupTitle : w.loginTitle),
    el('p', { class: 'gate-intro' }, mode === 'setup' ? w.setupIntro : w.loginIntro),
    mode === 'setup' && field(w.name, name),
    field(w.login, login, mode === 'setup' ? w.loginHint : null),
    field(w.password, password, mode === 'setup' ? w.passwordHint : null),
    mode === 'setup' && field(w.passwordAgain, again),
    message, submit);
  root.replaceChildren(el('main', { class: 'gate-box' }, lang, form));
  if (opts.ended) say(w.loginEnded, 'info');
  if (opts.error) say(errorOf(opts.error), 'error');
  (mode === 'setup' ? name : login).focus();

  function say(text, kind = 'error') {
    message.textContent = text;
    message.className = `gate-message ${kind}`;
  }

  function errorOf(e) {
    if (!(e instanceof ApiError)) return String(e);
    if (e.code === 'network') return w.noAnswer;
    if (e.code === 'bad_credentials') return w.badCredentials;
    if (e.code === 'too_many_attempts') return w.tooManyLogins(e.message, Math.ceil((e.retryAfter || 900) / 60));
    if (e.code === 'forbidden') return w.disabledAccount;
    return w.refused(e.message, e.code);
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (submit.disabled) return;
    const user = login.value.trim().toLowerCase();
    if (!user || !password.value || (mode === 'setup' && !name.value.trim())) {
      say(w.fillAll);
      return;
    }
    if (mode === 'setup') {
      if (password.value.length < MIN_PASSWORD) return say(w.passwordShort(MIN_PASSWORD));
      if (password.value !== again.value) return say(w.passwordsDiffer);
    }
    submit.disabled = true;
    say(w.sending, 'info');
    try {
      if (mode === 'setup') {
        await post('/api/setup', { token: opts.token, login: user, name: name.value.trim(), password: password.value });
        history.replaceState(null, '', location.pathname + location.search);
      }
      const answer = await post('/api/login', { login: user, password: password.value });
      setCsrf(answer.csrf);
      password.value = '';
      again.value = '';
      await opts.done();
    } catch (err) {
      say(errorOf(err));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
}
