package org.gridaid.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which pages on other origins may call the APIs from a browser ({@code gridaid.cross-site.*}),
 * see {@link CrossSiteRequestFilter}.
 *
 * @param allowedOrigins origins such as {@code https://portal.example.org}, besides the
 *     application's own; empty by default
 */
@ConfigurationProperties("gridaid.cross-site")
record CrossSiteSettings(List<String> allowedOrigins) {

  CrossSiteSettings {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
