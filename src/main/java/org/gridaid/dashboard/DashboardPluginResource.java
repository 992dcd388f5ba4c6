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

  /**
   * The check-in rounds behind a figure: of {@code day} (yyyy-MM-dd; none: the board's day) and
   * {@code status} (COMPLETED, OPEN, MISSED; none: any), each with its process instance.
   */
  @GET
  @Path("{engineName}/rounds")
  @Produces("application/json")
  public Response rounds(@PathParam("engineName") String engineName, @QueryParam("area") String area,
      @QueryParam("status") String status, @QueryParam("day") String day) {
    return answer(board().rounds(engineName, area, status, day));
  }

  /** The late medicine deliveries behind a figure, each with its process instance. */
  @GET
  @Path("{engineName}/deliveries")
  @Produces("application/json")
  public Response deliveries(@PathParam("engineName") String engineName, @QueryParam("area") String area) {
    return answer(board().deliveries(engineName, area));
  }

  /**
   * The grids of the running care-pack campaigns behind a figure, those with packs of {@code
   * progress} (PLANNED, DELIVERED, NOT_YET_DELIVERED, MISSED; none: every grid), each with its
   * campaign's process instance.
   */
  @GET
  @Path("{engineName}/campaigns")
  @Produces("application/json")
  public Response campaigns(@PathParam("engineName") String engineName, @QueryParam("area") String area,
      @QueryParam("progress") String progress) {
    return answer(board().campaigns(engineName, area, progress));
  }

  private CockpitBoard board() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(CockpitBoard.class);
  }

  private static Response answer(CockpitBoard.Answer answer) {
    return Response.status(answer.status()).type(answer.contentType()).entity(answer.json()).build();
  }
}
