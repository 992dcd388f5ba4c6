package org.gridaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridaid.apikey.ApiKey;
import org.gridaid.apikey.ApiKeyService;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an outside system by its {@code X-Api-Key}; a wrong key is 401 at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";

  private final ApiKeyService keys;
  private final AuthenticationEntryPoint entryPoint;

  ApiKeyAuthenticationFilter(ApiKeyService keys, AuthenticationEntryPoint entryPoint) {
    this.keys = keys;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = request.getHeader(HEADER);
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    var key = keys.authenticate(secret.trim());
    if (key.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiKeyAuthentication(key.get(), keys.effectiveOperations(key.get())));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** An outside system: its name is the principal, each allowed operation an authority. */
  static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key, Set<String> operations) {
      super(authorities(operations));
      this.key = key;
      setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Set<String> operations) {
      List<GrantedAuthority> authorities = new ArrayList<>();
      authorities.add(new SimpleGrantedAuthority("ROLE_PARTNER"));
      operations.forEach(op -> authorities.add(new SimpleGrantedAuthority(Access.operationAuthority(op))));
      return authorities;
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return "api-key:" + key.name();
    }
  }
}
