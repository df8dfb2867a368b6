package podium.event;

import io.vertx.core.json.JsonObject;

/**
 * What one command did, as stored in the change log and sent to clients. The data holds the new
 * state of every entity the command touched, so applying a change is "replace by id".
 */
public record Change(String kind, Audience audience, JsonObject data) {
}
