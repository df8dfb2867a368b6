// The console's one way to the hub (docs/API.md): JSON over fetch, the login's CSRF header on
// every state-changing request, one Idempotency-Key per user intent, refusals as ApiError.

let csrf = null;
let loggedOut = () => {};

export function setCsrf(token) {
  csrf = token || null;
}

/** fn(error) runs when the hub says the login has ended (401 unauthorized). */
export function onLoggedOut(fn) {
  loggedOut = fn;
}

export class ApiError extends Error {
  constructor(status, code, message, error = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.version = typeof error.version === 'number' ? error.version : null;
    this.current = error.current || null;
    this.retryAfter = null;
    /** An import refused as invalid_schedule: every problem, each with its place ({where, field, problem}). */
    this.problems = Array.isArray(error.problems) ? error.problems : [];
    /** A stale_release: the release that came in since. */
    this.release = error.release || null;
  }

  /** Nothing is known to have happened: the same request, with the same key, may be sent again. */
  get unknownOutcome() {
    return this.status === 0 || this.status >= 500;
  }
}

export async function request(method, path, body, headers = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf) h['X-CSRF-Token'] = csrf;
  let r;
  try {
    r = await fetch(path, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'the hub did not answer');
  }
  if (r.status === 204) return null;
  let json = null;
  try {
    json = await r.json();
  } catch (e) {
    // A proxy's error page, or no body: the status says enough.
  }
  if (r.ok) return json || {};
  const error = (json && json.error) || {};
  const e = new ApiError(r.status, error.code || `http_${r.status}`, error.message || `HTTP ${r.status}`, error);
  e.retryAfter = Number(r.headers.get('Retry-After')) || null;
  if (e.code === 'unauthorized') loggedOut(e);
  throw e;
}

export const get = path => request('GET', path);
export const post = (path, body, headers) => request('POST', path, body, headers);
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path, body) => request('PUT', path, body);
export const del = path => request('DELETE', path);

/**
 * POST a file as the body, by XMLHttpRequest so that its upload can be followed:
 * onProgress(sent, total) while it goes, onSent() once the hub has it all (it is then reading it);
 * signal (an AbortSignal) stops it. Answers the JSON; a refusal is an ApiError as from request().
 */
export function upload(path, file, { contentType, onProgress, onSent, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.addEventListener('progress', e => {
      if (onProgress) onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    });
    xhr.upload.addEventListener('load', () => { if (onSent) onSent(); });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'the hub did not answer')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'network', 'the upload was stopped')));
    xhr.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) {
        // A proxy's error page (a 413 from nginx, say): the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json || {});
        return;
      }
      const error = (json && json.error) || {};
      const e = new ApiError(xhr.status, error.code || `http_${xhr.status}`, error.message || `HTTP ${xhr.status}`, error);
      e.retryAfter = Number(xhr.getResponseHeader('Retry-After')) || null;
      if (e.code === 'unauthorized') loggedOut(e);
      reject(e);
    });
    if (signal) signal.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** A random key (crypto.randomUUID needs a secure context; a console on a LAN address has none). */
export function freshKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One thing the user means to do (a dialog, an armed button). Every send of it carries its key,
 * so a double click or a retry after a lost answer is applied once. After a definite refusal
 * nothing was applied: the next attempt (a corrected form, a retry on the current state) is a new
 * request and gets a new key.
 */
export function intent() {
  const it = {
    key: freshKey(),
    busy: false,
    async send(slug, body) {
      if (it.busy) return null;
      it.busy = true;
      try {
        return await post(commandsPath(slug), body, { 'Idempotency-Key': it.key });
      } catch (e) {
        if (!(e instanceof ApiError) || !e.unknownOutcome) it.key = freshKey();
        throw e;
      } finally {
        it.busy = false;
      }
    },
  };
  return it;
}

/** The change a command would make, without making it (?dryRun=true takes no key). */
export function dryRun(slug, body) {
  return post(`${commandsPath(slug)}?dryRun=true`, body);
}

function commandsPath(slug) {
  return `/api/events/${encodeURIComponent(slug)}/commands`;
}
