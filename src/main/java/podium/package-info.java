/**
 * Start-up: configuration, the database (external or embedded), migrations, the demo event and
 * the verticles of one hub node. May import every Podium package; none imports it.
 */
package podium;
