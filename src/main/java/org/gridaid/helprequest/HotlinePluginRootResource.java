package org.gridaid.helprequest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.gridaid.security.Requesters;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/tasklist/plugin/grid-aid-hotline/{engine}/help-requests}: Camunda's webapp
 * lets only a signed-in user through. Made by Camunda's JAX-RS runtime, not by Spring: it finds
 * the application's beans in the web application context of its servlet context (the one of
 * this application, also when a test JVM runs more than one).
 */
@Path("plugin/" + HotlineTasklistPlugin.ID)
public class HotlinePluginRootResource extends AbstractTasklistPluginRootResource {

  public HotlinePluginRootResource() {
    super(HotlineTasklistPlugin.ID);
  }

  @Path("{engineName}/help-requests")
  public HotlinePluginResource helpRequests(@PathParam("engineName") String engineName) {
    var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new HotlinePluginResource(engineName, spring.getBean(HotlineCases.class),
        spring.getBean(Requesters.class)), engineName);
  }
}
