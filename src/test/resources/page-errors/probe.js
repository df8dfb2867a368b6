// What PageErrorsBrowserTest makes a page do: ?do=throw|reject|console|missing|offline|none.
// #done says when it has finished, so the test knows every message is in the log.
const what = new URLSearchParams(location.search).get('do') || 'none';
const done = () => { document.getElementById('done').textContent = `done: ${what}`; };

console.log('probe: a log line is not an error');
console.warn('probe: neither is a warning');

if (what === 'reject') {
  Promise.reject(new Error('probe: a promise nobody handles'));
  setTimeout(done, 50);
} else if (what === 'console') {
  console.error('probe: console.error from the page');
  done();
} else if (what === 'missing') {
  fetch('no-such-file.json').then(done, done);
} else if (what === 'offline') {
  // The port of a server that was just stopped (given by the test): refused, as when the hub is away.
  const port = new URLSearchParams(location.search).get('port');
  const ws = new WebSocket(`ws://127.0.0.1:${port}/live`);
  ws.onclose = () => fetch(`http://127.0.0.1:${port}/api/events`).then(done, done);
} else if (what === 'throw') {
  setTimeout(done, 50);
  // Like using a const before its declaration: the module stops here with an uncaught error.
  throw new ReferenceError('probe: thrown at the top of a module');
} else {
  done();
}
