// What the page keeps on the device, in localStorage. Private mode or a full store must never
// break the page: a choice then lasts for this visit only.

export function read(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch (e) {
    return fallback;
  }
}

export function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // Kept in memory only.
  }
}
