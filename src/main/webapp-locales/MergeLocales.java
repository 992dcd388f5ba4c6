import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's step that writes each webapp's Chinese locale file (run by the pom in
 * generate-resources, as a single-file program on the project's classpath).
 *
 * <p>For every app: the npm package camunda-webapp-translations' zh-Hans.json where it has
 * one, with this folder's {@code <app>/zh.json} on top (its labels added or replacing, its
 * dateLocales replacing), to {@code <target>/<app>/locales/zh.json}.
 *
 * <p>Arguments: the npm package's folder, this folder, the target folder, then the apps;
 * an app written {@code tasklist+npm} needs the npm file (the build fails without it).
 */
public class MergeLocales {

  public static void main(String[] args) throws IOException {
    Path npm = Path.of(args[0]);
    Path ours = Path.of(args[1]);
    Path target = Path.of(args[2]);
    ObjectMapper json = new ObjectMapper();
    for (int i = 3; i < args.length; i++) {
      String app = args[i].replace("+npm", "");
      ObjectNode merged = json.createObjectNode();
      if (args[i].endsWith("+npm")) {
        Path upstream = npm.resolve(app).resolve("zh-Hans.json");
        if (!Files.isRegularFile(upstream)) {
          throw new IllegalStateException(upstream + " is missing: run npm ci (package.json)");
        }
        merged = read(json, upstream);
      }
      ObjectNode own = read(json, ours.resolve(app).resolve("zh.json"));
      ObjectNode labels = merged.has("labels") ? (ObjectNode) merged.get("labels") : merged.putObject("labels");
      labels.setAll((ObjectNode) own.get("labels"));
      if (own.has("dateLocales")) {
        merged.set("dateLocales", own.get("dateLocales"));
      }
      Path out = target.resolve(app).resolve("locales").resolve("zh.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(merged), StandardCharsets.UTF_8);
    }
  }

  private static ObjectNode read(ObjectMapper json, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return (ObjectNode) json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }
}
