package org.gridaid.helprequest;

import java.util.List;
import org.springframework.stereotype.Service;

/** How other modules file a help request: the same intake, checks and process as the REST API. */
@Service
public class HelpRequestSubmissions {

  private final HelpRequestIntake intake;

  HelpRequestSubmissions(HelpRequestIntake intake) {
    this.intake = intake;
  }

  public record NewHelpRequest(String callerName, String callerPhone, String gridCode, String address,
      String category, String description, String affectedPerson, List<String> vulnerabilities, String channel) {}

  public record Filed(long id, String status, String gridCode) {}

  public Filed submit(NewHelpRequest request, String submittedBy) {
    var submitted = intake.submit(new IntakeForm(request.callerName(), request.callerPhone(), request.address(), null,
        request.gridCode(), request.category(), request.description(), request.affectedPerson(),
        request.vulnerabilities(), request.channel()), submittedBy, null, null);
    return new Filed(submitted.request().id(), submitted.request().status().name(), submitted.request().gridCode());
  }
}
