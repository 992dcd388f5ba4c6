/**
 * Text messages to residents' phones for every flow: an outbox stored in the caller's
 * transaction ({@link org.gridaid.messaging.TextMessages}), delivered in order per owner by
 * jobs of the engine's job executor, and the SMS gateway they leave by
 * ({@link org.gridaid.messaging.SmsSender}, {@code gridaid.sms.*}).
 */
@ApplicationModule(displayName = "Text messages")
package org.gridaid.messaging;

import org.springframework.modulith.ApplicationModule;
