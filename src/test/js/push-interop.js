// The independent side of PushInteropTest (src/test/java/podium/outbound): npm's web-push and
// http_ece, run by the Java test with one command and a JSON object on stdin, answering JSON.
//   decrypt: {body, privateKey, auth} (base64url) -> {plaintext} (base64url): http_ece reads
//            an aes128gcm body as the phone would, with the phone's private key and auth secret
//   request: {endpoint, p256dh, auth, payload (base64url), subject, ttl, urgency, topic} ->
//            {publicKey, headers, body}: what web-push would send (generateRequestDetails does
//            not send), with VAPID keys made for this run
'use strict';
const crypto = require('crypto');
const ece = require('http_ece');
const webpush = require('web-push');

function run(command, input) {
  if (command === 'decrypt') {
    const phone = crypto.createECDH('prime256v1');
    phone.setPrivateKey(Buffer.from(input.privateKey, 'base64url'));
    const plaintext = ece.decrypt(Buffer.from(input.body, 'base64url'),
      { version: 'aes128gcm', privateKey: phone, authSecret: input.auth });
    return { plaintext: plaintext.toString('base64url') };
  }
  if (command === 'request') {
    const vapid = webpush.generateVAPIDKeys();
    const details = webpush.generateRequestDetails(
      { endpoint: input.endpoint, keys: { p256dh: input.p256dh, auth: input.auth } },
      Buffer.from(input.payload, 'base64url'),
      {
        vapidDetails: { subject: input.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: input.ttl, urgency: input.urgency, topic: input.topic, contentEncoding: 'aes128gcm',
      });
    const headers = {};
    for (const [name, value] of Object.entries(details.headers)) {
      headers[name] = String(value);
    }
    return { publicKey: vapid.publicKey, endpoint: details.endpoint, method: details.method, headers,
      body: Buffer.from(details.body).toString('base64url') };
  }
  throw new Error('unknown command ' + command);
}

let stdin = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { stdin += chunk; });
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(run(process.argv[2], JSON.parse(stdin))));
});
