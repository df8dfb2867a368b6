/**
 * HTTP: the public read API (served from memory), the staff command API, screens, audit, health,
 * metrics and the static pages.
 *
 * <p>May import every other Podium package. Invariants: a request is checked whole before it reaches
 * the store; every refusal is {@code {"error":{code,message}}} with its code's status and changes
 * nothing; nothing embargoed is in any public answer.
 */
package podium.web;
