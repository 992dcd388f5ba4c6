package org.gridaid.helprequest;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The cases, as Spring Data JDBC stores them (timeline and messages: see {@link HelpRequestService}). */
interface HelpRequests extends ListCrudRepository<HelpRequest, Long> {

  Optional<HelpRequest> findByTrackingCode(String trackingCode);

  Optional<HelpRequest> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);

  /** The oldest case from this phone (by its keyed hash) about the same thing in one of the statuses. */
  @Query("""
      select * from help_request where caller_phone_hash = :phoneHash and category = :category
        and status in (:statuses) order by id fetch first 1 rows only""")
  Optional<HelpRequest> findFirstByPhone(String phoneHash, String category, Collection<String> statuses);
}
