package org.gridaid.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo organisation (the demo profile, which is
 * only ever on when asked for), on the database the build chose. Every test class uses the same context, so it starts once per JVM. The job
 * executor is off: tests fire timers and deliver messages by executing the jobs themselves.
 * Metrics are exported as in production ({@code /actuator/prometheus}), which Spring Boot's tests
 * switch off unless asked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "gridaid.events.resubmit-cron=-"})
public @interface GridAidTest {}
