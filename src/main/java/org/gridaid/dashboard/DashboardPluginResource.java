package org.gridaid.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's REST resource inside Cockpit's API, behind Cockpit's sign-in (Camunda's webapp
 * filter lets only a signed-in user of the engine through). JAX-RS makes one per request, so it
 * hands the work to the application's {@link CockpitBoard} bean.
 */
@Path("plugin/" + DashboardCockpitPlugin.ID)
public class DashboardPluginResource extends AbstractCockpitPluginRootResource {

  public DashboardPluginResource() {
    super(DashboardCockpitPlugin.ID);
  }

  /** The board of the signed-in user's areas: the figures of {@code GET /api/v1/dashboard}. */
  @GET
  @Path("{engineName}/board")
  @Produces("application/json")
  public Response board(@PathParam("engineName") String engineName) {
    return answer(board().board(engineName));
  }

  /** The open cases behind one figure of the board, each with its process instance. */
  @GET
  @Path("{engineName}/cases")
  @Produces("application/json")
  public Response cases(@PathParam("engineName") String engineName, @QueryParam("area") String area,
      @QueryParam("level") String level, @QueryParam("due") String due, @QueryParam("category") String category,
      @QueryParam("priority") String priority) {
    return answer(board().cases(engineName, area, level, due, category, priority));
  }

  private CockpitBoard board() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(CockpitBoard.class);
  }

  private static Response answer(CockpitBoard.Answer answer) {
    return Response.status(answer.status()).type(answer.contentType()).entity(answer.json()).build();
  }
}
