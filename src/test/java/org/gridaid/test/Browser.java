package org.gridaid.test;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with a Chinese user's language, driven through Debian's
 * chromedriver (no browser download). Tests skip when it is not installed, unless
 * GRIDAID_BROWSER_TESTS=required (CI), where its absence is a failure.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String baseUrl;

  private Browser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  public static Browser open(int port) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
      if ("required".equals(System.getenv("GRIDAID_BROWSER_TESTS"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,900");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Fills Camunda's sign-in form and submits it. */
  public Browser signIn(String user, String password) {
    By username = By.cssSelector("input[ng-model='username']");
    By secret = By.cssSelector("input[ng-model='password']");
    // the form is drawn again once the translations arrive: type until the values stay
    new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
      fill(d.findElement(username), user);
      fill(d.findElement(secret), password);
      return user.equals(d.findElement(username).getDomProperty("value"))
          && password.equals(d.findElement(secret).getDomProperty("value"));
    });
    driver.executeScript("arguments[0].click();", driver.findElement(By.cssSelector("button[type='submit']")));
    return this;
  }

  /**
   * Types as an input method does (Chrome's Input.insertText): the webapps' keyboard
   * shortcuts swallow the key events that WebElement.sendKeys sends.
   */
  public void fill(WebElement field, String value) {
    if (!value.equals(field.getDomProperty("value"))) {
      driver.executeScript("arguments[0].focus(); arguments[0].select();", field);
      driver.executeCdpCommand("Input.insertText", Map.of("text", value));
    }
  }

  /** Waits until the page shows the text somewhere. */
  public Browser waitForText(String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      Path shot = screenshotQuietly("failed-waiting-for-text");
      throw new AssertionError("The page never showed '" + text + "' (screenshot: " + shot + "). It shows:\n"
          + text(), e);
    }
    return this;
  }

  private Path screenshotQuietly(String name) {
    try {
      return screenshot(name);
    } catch (Exception e) {
      return null;
    }
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Path screenshot(String name) throws java.io.IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
