package org.gridaid.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridaid.organisation.Groups;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the accounts staff use in the webapps. Camunda checks the password, once
 * {@link SignInThrottle} has a try left for the account from the caller's address; a wrong one
 * costs the try. The person's groups become authorities.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identity;
  private final SignInThrottle throttle;

  CamundaAuthenticationProvider(IdentityService identity, SignInThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    SignInThrottle.Attempt attempt = throttle.attempt(userId, clientAddress(authentication));
    if (userId == null || userId.isBlank() || !(password instanceof String secret)
        || !identity.checkPassword(userId, secret)) {
      attempt.failed();
      throw new BadCredentialsException("Wrong user or password");
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
      if (Groups.ADMIN.equals(group.getId())) {
        authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
      }
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** Where the sign-in comes from: BasicAuthenticationFilter records the request's address. */
  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
  }

  /** The Camunda groups a signed-in staff member holds, as the engine wants them. */
  static List<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(GROUP_PREFIX))
        .map(authority -> authority.substring(GROUP_PREFIX.length())).toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
