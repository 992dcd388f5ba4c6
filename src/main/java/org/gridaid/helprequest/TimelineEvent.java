package org.gridaid.helprequest;

import java.time.Instant;

/** One entry of a case's timeline: staff see all of it, residents only type and time. */
record TimelineEvent(Instant at, TimelineEventType type, String level, String actor, String detail) {}
