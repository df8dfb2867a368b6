/**
 * HTTP plumbing that every feature's routes meet, and nothing of any one feature: the server
 * instances (HttpVerticle: security headers, limits on request lines, headers and bodies, form
 * bodies refused, the node's starting state), refusals and their statuses (Errors, Statuses),
 * bodies, request ids, the staff check (StaffAuth), content negotiation, health, metrics and the
 * pages. Feature is what a feature package implements; Shared is what Node makes once for them.
 *
 * <p>May import {@code podium.live}, {@code podium.store}, {@code podium.interop} and
 * {@code podium.event}; never a feature package (PackageRulesTest). Invariants: every refusal is
 * {@code {"error":{code,message}}} with the status Statuses gives its code, and changes nothing;
 * "the database did not answer" is said in one place (Errors.unavailable).
 */
package podium.web;
