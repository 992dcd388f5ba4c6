package org.gridaid.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text of Camunda's own English locale file (from the webapp jar of the Camunda version
 * we run) has a Chinese text in the zh.json the build writes, keeping its placeholders, with
 * no English left in it beyond a few names and abbreviations. A Camunda upgrade that adds
 * texts fails here until they are translated in src/main/webapp-locales/.
 */
class WebappLocaleTests {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /** Names, abbreviations and notation a Chinese reader sees as they are. */
  private static final Set<String> LATIN_ALLOWED = Set.of("ID", "BPMN", "DMN", "CMMN", "DRD", "CSV", "JSON",
      "XML", "API", "LDAP", "Web", "Camunda", "CTRL", "F5", "null", "Promise", "TU", "FNI", "EDE", "EDI", "RPI");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  /** What a reader does not see as words: placeholders, HTML tags and entities, #names, date patterns. */
  private static final Pattern NOT_TEXT = Pattern.compile(
      "\\{\\{[^}]*}}|<[a-zA-Z/][^>]*>|&[a-z]+;|#\\w+|[yY]{4}-MM-[dD]{2}THH:mm:ss(\\.SSS)?");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void everyEnglishTextOfTheWebappHasAChineseOne(String app) throws IOException {
    JsonNode english = read(app, "en").get("labels");
    JsonNode chinese = read(app, "zh").get("labels");

    List<String> missing = new ArrayList<>();
    List<String> wrongPlaceholders = new ArrayList<>();
    List<String> englishLeft = new ArrayList<>();
    english.properties().forEach(entry -> {
      String key = entry.getKey();
      JsonNode text = chinese.get(key);
      if (text == null || !text.isTextual()) {
        missing.add(key);
        return;
      }
      if (!placeholders(entry.getValue().asText()).equals(placeholders(text.asText()))) {
        wrongPlaceholders.add(key + ": " + text.asText());
      }
      Set<String> words = latinWords(text.asText());
      if (!words.isEmpty()) {
        englishLeft.add(key + ": " + text.asText() + " " + words);
      }
    });

    assertThat(missing).as("keys of %s's en.json without a Chinese text", app).isEmpty();
    assertThat(wrongPlaceholders).as("Chinese texts of %s that lose or add a {{placeholder}}", app).isEmpty();
    assertThat(englishLeft).as("Chinese texts of %s with English words left in", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin"})
  void datesAreWrittenInChinese(String app) throws IOException {
    JsonNode dates = read(app, "zh").get("dateLocales");

    assertThat(dates).as("dateLocales of %s's zh.json", app).isNotNull();
    assertThat(dates.at("/relativeTime/future").asText()).isEqualTo("%s后");
    assertThat(dates.at("/relativeTime/hh").asText()).isEqualTo("%d 小时");
    assertThat(dates.at("/longDateFormat/L").asText()).isEqualTo("YYYY/MM/DD");
    for (var field : Map.of("months", 12, "weekdays", 7).entrySet()) {
      assertThat(dates.get(field.getKey())).hasSize(field.getValue());
      dates.get(field.getKey()).forEach(name -> assertThat(latinWords(name.asText())).isEmpty());
    }
  }

  private JsonNode read(String app, String locale) throws IOException {
    String path = LOCALES.formatted(app, locale);
    URL resource = getClass().getClassLoader().getResource(path);
    assertThat(resource).as("%s on the classpath (zh.json is written by the build: ./mvnw generate-resources)", path)
        .isNotNull();
    try (InputStream in = resource.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1).replace(" ", ""));
    }
    return names;
  }

  private static Set<String> latinWords(String text) {
    Set<String> words = new TreeSet<>();
    Matcher matcher = LATIN_WORD.matcher(NOT_TEXT.matcher(text).replaceAll(" "));
    while (matcher.find()) {
      if (!LATIN_ALLOWED.contains(matcher.group())) {
        words.add(matcher.group());
      }
    }
    return words;
  }
}
