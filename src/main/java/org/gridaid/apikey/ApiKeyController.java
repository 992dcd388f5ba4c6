package org.gridaid.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridaid.shared.validation.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list and revoke the keys of outside systems. */
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyController {

  private final ApiKeyService service;

  ApiKeyController(ApiKeyService service) {
    this.service = service;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  KeyView issue(@Valid @RequestBody NewKey body, Principal principal) {
    var issued = service.issue(body.name(), new LinkedHashSet<>(body.operations()), principal.getName());
    return KeyView.of(issued.key(), issued.secret());
  }

  @GetMapping
  List<KeyView> list() {
    return service.list().stream().map(k -> KeyView.of(k, null)).toList();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    service.revoke(id);
  }

  record NewKey(@NotBlank @Size(max = 100) @PlainText String name,
      @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 60) @PlainText String> operations) {}

  /** {@code key} is present only in the answer that issued it. */
  record KeyView(long id, String name, Set<String> operations, String createdBy, OffsetDateTime createdAt,
      OffsetDateTime revokedAt, String key) {
    static KeyView of(ApiKey k, String secret) {
      return new KeyView(k.id(), k.name(), k.operations(), k.createdBy(), k.createdAt(), k.revokedAt(), secret);
    }
  }
}
