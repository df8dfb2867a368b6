// Accounts: admins create, re-role and disable staff accounts and make and withdraw API tokens;
// everyone changes their own password and logs out (the "me" dialog).
import { el } from './text.js';
import { del, get, patch, post } from './console-api.js';
import { field, openDialog, select } from './console-dialog.js';
import { FormError } from './console-command.js';

const MIN_PASSWORD = 10;

export const accountsView = {
  id: 'accounts', label: w => w.accounts, render, visible: app => !!app.me.manages,
  enter: () => { data.staff = null; }, // accounts change outside the event's log: read them anew
};

const data = { staff: null, tokens: null, loading: false, failed: null };

async function load(app) {
  if (data.loading) return;
  data.loading = true;
  try {
    const [staff, tokens] = await Promise.all([get('/api/staff'), get('/api/tokens')]);
    data.staff = staff.staff || [];
    data.tokens = tokens.tokens || [];
    data.failed = null;
  } catch (e) {
    data.failed = e;
    data.staff = data.staff || [];
    data.tokens = data.tokens || [];
  } finally {
    data.loading = false;
    app.render();
  }
}

function render(app) {
  const w = app.words;
  if (data.staff === null) load(app);
  const roleName = r => w.role[r] || r;
  const staff = el('section', { class: 'card', 'aria-labelledby': 'staff-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'staff-h' }, w.staffAccounts),
      el('button', { type: 'button', class: 'btn', 'data-action': 'add-staff', onclick: () => openAccount(app) }, w.addAccount)),
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, [w.login, w.name, w.roleCol, w.statusCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, (data.staff || []).map(s => el('tr', { 'data-login': s.login, class: s.disabled ? 'disabled' : null },
        el('td', { class: 'mono' }, s.login), el('td', {}, s.name), el('td', {}, roleName(s.role)),
        el('td', {}, s.disabled ? el('span', { class: ['badge', 'badge-offline'] }, w.disabled) : el('span', { class: ['badge', 'badge-live'] }, w.enabled)),
        el('td', { class: 'row-actions' },
          el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-key': `edit-${s.login}`, onclick: () => openEditAccount(app, s) }, w.edit),
          el('button', { type: 'button', class: ['btn', 'btn-small', s.disabled ? null : 'btn-danger-quiet'], 'data-key': `toggle-${s.login}`, onclick: () => openDisable(app, s) }, s.disabled ? w.enable : w.disable)))))));
  const tokens = el('section', { class: 'card', 'aria-labelledby': 'tokens-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'tokens-h' }, w.tokens),
      el('button', { type: 'button', class: 'btn', 'data-action': 'add-token', onclick: () => openToken(app) }, w.addToken)),
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, [w.name, w.roleCol, w.createdCol, w.statusCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, (data.tokens || []).map(tk => el('tr', { 'data-token': tk.name },
        el('td', { class: 'mono' }, tk.name), el('td', {}, roleName(tk.role)),
        el('td', {}, [tk.createdBy, tk.createdAt && tk.createdAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')),
        el('td', {}, tk.revokedAt ? el('span', { class: ['badge', 'badge-offline'] }, w.withdrawn) : el('span', { class: ['badge', 'badge-live'] }, w.active)),
        el('td', {}, !tk.revokedAt && el('button', { type: 'button', class: ['btn', 'btn-small', 'btn-danger-quiet'], 'data-key': `revoke-${tk.name}`, onclick: () => openRevoke(app, tk) }, w.withdraw)))))));
  return el('div', { class: 'stack', 'data-scroll': 'accounts' },
    data.failed && el('p', { class: 'error-text', role: 'alert' }, w.accountsFailed), staff, tokens);
}

function passwordInput(name = 'password') {
  return el('input', { type: 'password', name, autocomplete: 'new-password', minlength: MIN_PASSWORD });
}

function checkPassword(w, value) {
  if (!value || value.length < MIN_PASSWORD) throw new FormError(w.passwordShort(MIN_PASSWORD));
}

function reloaded(app, message) {
  data.staff = null;
  app.render();
  return message;
}

function openAccount(app) {
  const w = app.words;
  const login = el('input', { type: 'text', name: 'login', autocapitalize: 'none', spellcheck: 'false' });
  const name = el('input', { type: 'text', name: 'name' });
  const role = select(app.catalogue.roles.map(r => [r, w.role[r]]), 'editor', { name: 'role' });
  const password = passwordInput();
  openDialog(app, {
    title: w.addAccount,
    body: [field(w.login, login, w.loginHint), field(w.name, name), field(w.roleCol, role), field(w.password, password, w.passwordHint)],
    confirm: {
      label: w.add,
      run: async () => {
        if (!login.value.trim() || !name.value.trim()) throw new FormError(w.fillAll);
        checkPassword(w, password.value);
        await post('/api/staff', { login: login.value.trim().toLowerCase(), name: name.value.trim(), role: role.value, password: password.value });
        return reloaded(app, w.accountCreated(login.value.trim().toLowerCase()));
      },
    },
  });
}

function openEditAccount(app, s) {
  const w = app.words;
  const name = el('input', { type: 'text', name: 'name', value: s.name });
  const role = select(app.catalogue.roles.map(r => [r, w.role[r]]), s.role, { name: 'role' });
  const password = passwordInput('reset');
  openDialog(app, {
    title: w.editAccount(s.login),
    body: [field(w.name, name), field(w.roleCol, role), field(w.resetPassword, password, w.resetHint)],
    confirm: {
      label: w.save,
      run: async () => {
        const b = {};
        if (name.value.trim() && name.value.trim() !== s.name) b.name = name.value.trim();
        if (role.value !== s.role) b.role = role.value;
        if (password.value) {
          checkPassword(w, password.value);
          b.password = password.value;
        }
        if (!Object.keys(b).length) throw new FormError(w.nothingChanged);
        await patch(`/api/staff/${encodeURIComponent(s.login)}`, b);
        return reloaded(app, w.accountSaved(s.login));
      },
    },
  });
}

function openDisable(app, s) {
  const w = app.words;
  openDialog(app, {
    title: s.disabled ? w.enableTitle(s.login) : w.disableTitle(s.login),
    intro: s.disabled ? w.enableIntro : w.disableIntro, enterConfirms: false,
    confirm: {
      label: s.disabled ? w.enable : w.disable, danger: !s.disabled,
      run: async () => {
        await patch(`/api/staff/${encodeURIComponent(s.login)}`, { disabled: !s.disabled });
        return reloaded(app, w.accountSaved(s.login));
      },
    },
  });
}

function openToken(app) {
  const w = app.words;
  const name = el('input', { type: 'text', name: 'token-name', autocapitalize: 'none', spellcheck: 'false' });
  const role = select(app.catalogue.roles.map(r => [r, w.role[r]]), 'screens', { name: 'role' });
  let made = null;
  openDialog(app, {
    title: w.addToken,
    body: [field(w.name, name, w.loginHint), field(w.roleCol, role)],
    confirm: {
      label: w.add,
      run: async dialog => {
        if (made) return w.tokenMade(made.name);
        if (!name.value.trim()) throw new FormError(w.fillAll);
        made = await post('/api/tokens', { name: name.value.trim().toLowerCase(), role: role.value });
        data.staff = null;
        app.render();
        // Shown this once: the hub keeps only its hash.
        const shown = el('input', { type: 'text', readonly: true, value: made.token, class: ['mono', 'token-shown'], 'data-field': 'token' });
        dialog.setBody(el('p', { class: 'warning' }, w.tokenOnce), field(w.tokenLabel(made.name), shown));
        dialog.setConfirm({ label: w.done });
        shown.select();
        return false;
      },
    },
  });
}

function openRevoke(app, tk) {
  const w = app.words;
  openDialog(app, {
    title: w.withdrawTitle(tk.name), intro: w.withdrawIntro, enterConfirms: false,
    confirm: {
      label: w.withdraw, danger: true,
      run: async () => {
        await del(`/api/tokens/${encodeURIComponent(tk.name)}`);
        return reloaded(app, w.tokenWithdrawn(tk.name));
      },
    },
  });
}

/** Who I am: change my password, switch the language, log out. */
export function openMe(app) {
  const w = app.words;
  const current = el('input', { type: 'password', name: 'current', autocomplete: 'current-password' });
  const fresh = el('input', { type: 'password', name: 'new-password', autocomplete: 'new-password' });
  const again = el('input', { type: 'password', name: 'new-password-again', autocomplete: 'new-password' });
  const d = openDialog(app, {
    title: `${app.me.name} · ${w.role[app.me.role] || app.me.role}`,
    intro: w.meIntro(app.me.actor),
    body: [
      el('h3', { class: 'panel-heading' }, w.changePassword),
      // For password managers: which account this password belongs to.
      el('input', { type: 'text', name: 'username', autocomplete: 'username', value: app.me.actor.replace(/^staff:/, ''), class: 'hidden', tabindex: '-1', 'aria-hidden': 'true', readonly: true }),
      field(w.currentPassword, current), field(w.newPassword, fresh, w.passwordHint), field(w.passwordAgain, again),
      el('div', { class: 'action-row' },
        el('button', { type: 'button', class: 'btn', 'data-action': 'logout', onclick: () => logout(app) }, w.logout)),
    ],
    confirm: {
      label: w.changePassword,
      run: async () => {
        if (!current.value) throw new FormError(w.fillAll);
        checkPassword(w, fresh.value);
        if (fresh.value !== again.value) throw new FormError(w.passwordsDiffer);
        await post('/api/me/password', { current: current.value, password: fresh.value });
        return w.passwordChanged;
      },
    },
  });
  return d;
}

export async function logout(app) {
  // Close our socket first: the hub withdraws this login on every node and would tell it so.
  app.leaving = true;
  app.live.close();
  try {
    await post('/api/logout');
  } catch (e) {
    // Logged out already, or out of reach: this browser forgets the login either way.
  }
  app.loggedOut(false);
}
