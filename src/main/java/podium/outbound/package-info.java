/**
 * What leaves Podium on its own. Webhooks: their routes (WebhookApi), the deliverer every node
 * runs over the change log (one sender per change across nodes, SKIP LOCKED), signatures, targets
 * and retries. The core of Web Push: the VAPID key pair (RFC 8292,
 * VapidKeys) every node loads from push_keys (PushKeys) and signs tokens with (VapidTokens); the
 * phones' subscriptions, parsed and checked (PushSubscription, PushEndpoints) and stored with their
 * starred sessions and language (PushSubscriptions); the aes128gcm encryption of a payload for one
 * phone (RFC 8291 over RFC 8188: PushEncryption); the request a push service receives (WebPush
 * makes a PushRequest with PushOptions), sent with the Vert.x web client (PushClient), and what its
 * answer means (PushOutcome). Also the rule of which hosts Podium may call at all (PublicAddresses),
 * which webhooks share. SQL for push_keys and push_subscriptions lives here, one class per table,
 * because the store may not know this package's types.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store},
 * {@code podium.interop} and {@code podium.event}, the JDK's crypto and the Vert.x SQL and web
 * clients, and no other feature (PackageRulesTest). Invariants: every node signs with the one key pair in push_keys, whose
 * private key is stored as it is because signing needs it (no answer ever contains it); only a
 * checked subscription exists (an https endpoint, a P-256 point on the curve, a 16-byte auth
 * secret), and a refused one changes nothing; each payload is encrypted with a fresh key pair and
 * salt; no request follows a redirect or goes to a private address unless the node allows private
 * endpoints (tests); the payloads are the caller's, who must put nothing embargoed in them.
 */
package podium.outbound;
