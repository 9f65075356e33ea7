package io.github.alertrouter;

import io.github.alertrouter.route.RouteNode;

/** A group is one route node's, not one key string's: route keys are not unique. */
record GroupId(RouteNode node, String groupKey) {}
