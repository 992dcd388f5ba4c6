package org.gridaid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridaid.shared.engine.EngineApiGuard;
import org.gridaid.shared.engine.GroupQueueQuery;
import org.gridaid.shared.engine.GroupQueueReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.gridaid.apikey.ApiKeyService;
import org.gridaid.organisation.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors. The APIs (/api, /engine-rest) are stateless: HTTP Basic with a staff account
 * or an API key on every call, so no cookie can authenticate them. A browser may still hold
 * Basic credentials and send them on a forged request, so cross-site browser requests are
 * refused ({@link CrossSiteRequestFilter}) and browsers are never asked for Basic credentials.
 * The webapps (/camunda) keep Camunda's own sign-in, session and CSRF token. Everything
 * else is health checks (public), the Prometheus metrics (admins and the district command) or
 * administration (admins only). Wrong passwords are
 * throttled at every door that checks one ({@link SignInThrottle}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  private final ObjectMapper json;
  private final Environment environment;
  private final String webappPath;

  SecurityConfiguration(ObjectMapper json, Environment environment,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.json = json;
    this.environment = environment;
    this.webappPath = webappPath;
  }

  /**
   * No Micrometer observation around every filter, authentication and authorization: nothing
   * reads them (the request metrics are Spring MVC's), and they took a tenth of an intake's CPU
   * on the request's thread (OverloadBenchmark, profiled with JFR).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  ProblemResponses problemResponses() {
    return new ProblemResponses(json);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, ApiKeyService keys,
      IdentityService identity, CrossSiteSettings crossSite, ProcessEngine engine, GroupQueueQuery queues,
      MeterRegistry meters) throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        // no CSRF token without a session; cross-site browser requests are refused instead
        .csrf(csrf -> csrf.disable())
        .addFilterAt(new CrossSiteRequestFilter(crossSite, problems), CsrfFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(new ClosedPasswordCheckFilter(problems), AuthorizationFilter.class)
        .addFilterAfter(new EngineRestIdentityFilter(identity), ClosedPasswordCheckFilter.class)
        .addFilterAfter(engineApiGuard(engine), EngineRestIdentityFilter.class)
        .addFilterAfter(groupQueueReads(engine, queues, meters), EngineApiGuard.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/engine-rest/**")).hasRole("STAFF")
            // residents track their own case with the code from their text message (rate limited)
            .requestMatchers(path("/api/v1/help-requests/track/**")).permitAll()
            // the donations' transparency report is public (rate limited, no donor's details)
            .requestMatchers(path("/api/v1/public/**")).permitAll()
            .anyRequest().authenticated());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
      ProcessEngine engine, GroupQueueQuery queues, MeterRegistry meters) throws Exception {
    // Camunda's webapp filters authenticate, authorize and check the X-XSRF-TOKEN here; its
    // sign-in form is throttled as HTTP Basic is, and its engine API is the same resource set as
    // /engine-rest and gets the same guard
    http.securityMatcher(path("/camunda/**"))
        .addFilterAfter(engineApiGuard(engine), AuthorizationFilter.class)
        .addFilterAfter(groupQueueReads(engine, queues, meters), EngineApiGuard.class)
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .addFilterBefore(new WebappSignInThrottleFilter(throttle, problems), AuthorizationFilter.class)
        .addFilterBefore(new ClosedPasswordCheckFilter(problems), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            // the API description holds no data; outside developers read it before they have a key
            .requestMatchers("/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**").permitAll()
            // the operations metrics: counts of cases per area and level, the engine's jobs; no resident
            .requestMatchers("/actuator/prometheus").hasAnyAuthority("ROLE_ADMIN",
                CamundaAuthenticationProvider.GROUP_PREFIX + Groups.DISTRICT_COMMAND)
            .anyRequest().hasRole("ADMIN"));
    return http.build();
  }

  /**
   * One per chain and not a bean: a Filter bean would also be registered for every URL. In the
   * demo profile administrators may deploy; otherwise only the application deploys its jar.
   */
  private EngineApiGuard engineApiGuard(ProcessEngine engine) {
    return new EngineApiGuard(engine, json, webappPath, environment.matchesProfiles("demo"));
  }

  /** Tasklist's list and count of an area group's queue, answered in front of Camunda (one per chain). */
  private GroupQueueReads groupQueueReads(ProcessEngine engine, GroupQueueQuery queues, MeterRegistry meters) {
    return new GroupQueueReads(engine, queues, json, webappPath, meters);
  }

  /** Matches the path below the context, whichever servlet (MVC, Jersey, webapps) serves it. */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
