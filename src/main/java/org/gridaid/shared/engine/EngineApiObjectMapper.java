package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * One Jackson mapper for Camunda's REST API (/engine-rest, and /camunda/api/engine behind
 * Tasklist and Cockpit). Camunda's {@link JacksonConfigurator} builds a new mapper each time it
 * is asked, which is for every request and for every body read or written, and with it Jackson
 * builds every serializer and deserializer anew: for Tasklist's list of a queue, the filter's
 * query read back into its hundred-field query object and the HAL answer written, that was
 * a fifth of the app's CPU ({@code QueueBenchmark}, JFR). This resolver hands out one mapper configured
 * by Camunda's own code, so Jackson's caches live; a configured mapper is thread-safe, and a
 * date format it holds is cloned for each use. It is asked before Camunda's (a lower priority
 * number), in every Jersey application that registers Camunda's, and in no other.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(1)
public class EngineApiObjectMapper implements ContextResolver<ObjectMapper> {

  /** Built on first use: Camunda's date format is set while the webapps start. */
  private static final class Configured {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return Configured.MAPPER;
  }

  /** The mapper, for answers written in front of Camunda's REST API as Camunda writes them. */
  static ObjectMapper shared() {
    return Configured.MAPPER;
  }

  /** Registers the resolver beside Camunda's (found by Jersey through META-INF/services). */
  public static class Discoverable implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (context.getConfiguration().isRegistered(JacksonConfigurator.class)
          && !context.getConfiguration().isRegistered(EngineApiObjectMapper.class)) {
        context.register(EngineApiObjectMapper.class);
      }
    }
  }
}
