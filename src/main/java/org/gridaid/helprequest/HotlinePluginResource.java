package org.gridaid.helprequest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;

/** A help request for the operator signed in to Tasklist: as JSON right after the start, or as a page. */
public class HotlinePluginResource extends AbstractTasklistPluginResource {

  private final HotlineCases cases;
  private final Requesters requesters;

  HotlinePluginResource(String engineName, HotlineCases cases, Requesters requesters) {
    super(engineName);
    this.cases = cases;
    this.requesters = requesters;
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public HotlineCases.StartedCase started(@PathParam("id") long id) {
    return answer(who -> cases.started(id, who));
  }

  @GET
  @Path("{id}/page")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String page(@PathParam("id") long id) {
    return answer(who -> cases.page(id, who));
  }

  /** What the signed-in user asked for, or the JAX-RS answer to a case nobody knows or they may not read. */
  private <T> T answer(Function<Requester, T> read) {
    Requester who = requesters.signedInToWebapps(engineName)
        .orElseThrow(() -> new NotAuthorizedException("Sign in to Tasklist"));
    try {
      return read.apply(who);
    } catch (org.gridaid.shared.web.NotFoundException e) {
      throw new NotFoundException(e.getMessage());
    } catch (SecurityException e) {
      throw new ForbiddenException(e.getMessage());
    }
  }
}
