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
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the accounts staff use in the webapps. Camunda checks the password
 * (and locks an account after repeated failures); the person's groups become authorities.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identity;

  CamundaAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)
        || !identity.checkPassword(userId, secret)) {
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
