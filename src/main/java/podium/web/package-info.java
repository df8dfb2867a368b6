/**
 * HTTP: the public read API (served from memory), the staff command API, screens, audit, health,
 * metrics and the static pages; the live exports (schedule.json, schedule.xml, iCalendar: built
 * once per version, ExportCache), imports (ScheduleImport, also behind the import command) and
 * webhooks (their routes, and WebhookDeliverer, the verticle each node runs to deliver them).
 *
 * <p>May import every other Podium package. Invariants: a request is checked whole before it reaches
 * the store; every refusal is {@code {"error":{code,message}}} with its code's status and changes
 * nothing; nothing embargoed is in any public answer.
 */
package podium.web;
