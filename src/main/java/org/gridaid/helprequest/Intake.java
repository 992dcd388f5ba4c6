package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import java.util.List;

/** A checked request, as it is registered; exactly one of address, unit or grid leads the routing. */
record Intake(String callerName, String callerPhone, String address, String minimalUnitCode, String gridCode,
    Category category, String description, String affectedPerson, List<Vulnerability> vulnerabilities,
    Channel channel) {}
