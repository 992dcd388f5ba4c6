package org.gridaid.test;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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

  public static final String TASKLIST = "/camunda/app/tasklist/default/";
  public static final String COCKPIT = "/camunda/app/cockpit/default/";

  /**
   * A queue in Tasklist's list of filters by its name, selected or not (a selected one shows its
   * count after the name), not its 即将超期 and 已超期 filters.
   */
  public static By filter(String name) {
    return By.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
        + "//h4[starts-with(normalize-space(.), '" + name + "') and not(contains(., '超期'))]");
  }

  /** The link to a task in Tasklist's list of tasks. */
  public static By taskInList(String taskId) {
    return By.cssSelector(taskLinkCss(taskId));
  }

  /** The CSS selector of {@link #taskInList}, for scripts run in the page. */
  public static String taskLinkCss(String taskId) {
    return "li.task h4.task a[href*='task=" + taskId + "']";
  }

  /** A task's whole entry in Tasklist's list: name, process, assignee, dates. */
  public static By taskEntry(String taskId) {
    return By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')]"
        + "[.//h4//a[contains(@href, 'task=" + taskId + "')]]");
  }

  public static Browser open(int port) {
    return open(port, "zh-CN,zh");
  }

  /** {@link #open(int)} for a user whose browser asks for other languages, e.g. "en-US,en". */
  public static Browser open(int port, String acceptLanguages) {
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
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  /**
   * Sets the clock and time zone of the pages opened from now on, e.g. to the morning the
   * engine's clock was moved to: Tasklist shows "due in 12 hours", not "due in 2 months".
   */
  public Browser clock(Instant now, ZoneId zone) {
    long offset = now.toEpochMilli() - System.currentTimeMillis();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SHIFTED_CLOCK.formatted(offset)));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone.getId()));
    return this;
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
    waitFor("the page showing '" + text + "'", "failed-waiting-for-text",
        d -> d.findElement(By.tagName("body")).getText().contains(text));
    return this;
  }

  /** Signs out of the webapp on screen (the account menu's sign-out) and waits for the sign-in form. */
  public Browser signOut() {
    click(By.cssSelector("a[ng-click='logout()']"));
    element(By.cssSelector("input[ng-model='username']"));
    return this;
  }

  /** Resizes the window, e.g. so that a long form fits on one screenshot. */
  public Browser windowSize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /**
   * Clicks the enabled link, button, label or menu entry that shows exactly this text, once there
   * is one; the last one when several do (an open dialog comes last). A label ticks its checkbox
   * or radio button, as in Camunda Forms. Clicks run in the page: Chromium's own mouse events
   * do not reach the webapps' pages here.
   */
  public Browser click(String text) {
    waitFor("something to click showing '" + text + "'", "failed-waiting-to-click",
        d -> (Boolean) driver.executeScript(CLICK_TEXT, text));
    return this;
  }

  /**
   * Clicks the first element the locator finds, once there is one (even in a closed menu); found
   * and clicked in one go, for the same reason as {@link #textOf}.
   */
  public Browser click(By locator) {
    waitFor(locator.toString(), "failed-waiting-to-click", d -> {
      driver.executeScript("arguments[0].click();", d.findElement(locator));
      return true;
    });
    return this;
  }

  /** Waits for the first element the locator finds. */
  public WebElement element(By locator) {
    return waitFor(locator.toString(), "failed-waiting-for-element", d -> d.findElement(locator));
  }

  /**
   * The text of what the locator finds, found and read in one go: Tasklist redraws its list every
   * few seconds, so an element found a moment earlier may be gone by the time it is read.
   */
  public String textOf(By locator) {
    return waitFor(locator.toString(), "failed-waiting-for-element", d -> d.findElement(locator).getText());
  }

  /** Waits until the locator finds nothing any more, e.g. a completed task left the list. */
  public Browser waitUntilGone(By locator) {
    waitFor(locator + " to go away", "failed-waiting-until-gone", d -> d.findElements(locator).isEmpty());
    return this;
  }

  /**
   * Types into the text field or text area of a Camunda Form (form-js) with this label, and
   * types again until the value stays: form-js takes typed text a moment later, and a change
   * elsewhere in the form (a radio button just clicked) can draw the field again empty.
   */
  public Browser fillField(String label, String value) {
    return fillField(label, null, value);
  }

  /** {@link #fillField(String, String)} in the given item (0, 1, ...) of a form-js dynamic list. */
  public Browser fillField(String label, Integer item, String value) {
    String what = "the form field '" + label + "'" + itemText(item) + " to keep '" + value + "'";
    waitFor(what, "failed-waiting-for-field", d -> {
      WebElement field = (WebElement) driver.executeScript(FORM_FIELD, label, item);
      if (field == null) {
        return false;
      }
      if (value.equals(field.getDomProperty("value"))) {
        return true;
      }
      fill(field, value);
      return false; // look again at the next poll
    });
    return this;
  }

  /** Picks an option of a select field of a Camunda Form (form-js) by its label. */
  public Browser selectOption(String label, String option) {
    return selectOption(label, null, option);
  }

  /** {@link #selectOption(String, String)} in the given item (0, 1, ...) of a form-js dynamic list. */
  public Browser selectOption(String label, Integer item, String option) {
    waitFor("the form field '" + label + "'" + itemText(item) + " to show '" + option + "'",
        "failed-waiting-for-field", d -> (Boolean) driver.executeScript(SELECT_OPTION, label, option, item));
    return this;
  }

  /**
   * The choices a select field of a Camunda Form (form-js) offers, in the given item of a
   * dynamic list (null: not in a list): opens its drop-down and reads the options.
   */
  @SuppressWarnings("unchecked")
  public List<String> selectOptions(String label, Integer item) {
    return waitFor("the options of the form field '" + label + "'" + itemText(item), "failed-waiting-for-options",
        d -> (List<String>) driver.executeScript(SELECT_OPTIONS, label, item));
  }

  /** The value of a Camunda Form (form-js) field with this label, read-only ones included. */
  public String fieldValue(String label) {
    return fieldValue(label, null);
  }

  /** {@link #fieldValue(String)} in the given item (0, 1, ...) of a form-js dynamic list. */
  public String fieldValue(String label, Integer item) {
    WebElement field = waitFor("the form field '" + label + "'" + itemText(item), "failed-waiting-for-field",
        d -> (WebElement) driver.executeScript(FORM_FIELD, label, item));
    return field.getDomProperty("value");
  }

  /** The values of every form-js field with this label, in order: e.g. a column of a dynamic list. */
  @SuppressWarnings("unchecked")
  public List<String> fieldValues(String label) {
    return (List<String>) driver.executeScript(FIELD_VALUES, label);
  }

  /** The item (0, 1, ...) of a form-js dynamic list whose field with this label shows this value. */
  public int listItem(String label, String value) {
    return waitFor("a list item whose '" + label + "' shows '" + value + "'", "failed-waiting-for-list-item",
        d -> {
          long item = (Long) driver.executeScript(LIST_ITEM, label, value);
          return item < 0 ? null : (int) item;
        });
  }

  private static String itemText(Integer item) {
    return item == null ? "" : " of list item " + item;
  }

  private Path screenshotQuietly(String name) {
    try {
      return screenshot(name);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * Runs a script in the page that reports by calling its last argument, e.g. once something
   * has been drawn: measurements taken in the page, without WebDriver's polling in between.
   */
  public Object scriptAsync(Duration timeout, String script, Object... args) {
    driver.manage().timeouts().scriptTimeout(timeout);
    return driver.executeAsyncScript(script, args);
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * The words in Latin letters the page shows (its text, its fields' placeholders and its title):
   * on a Chinese page, what is left in English. Not counted: the given data (keys, names),
   * text inside elements that match dataSelectors (e.g. a table's rows), and ids, codes, dates
   * and versions (anything with a digit in it).
   */
  public Set<String> latinWords(Collection<String> data, String dataSelectors) {
    String text = (String) driver.executeScript(PAGE_TEXT, dataSelectors);
    List<String> longestFirst = data.stream().sorted(Comparator.comparing(String::length).reversed()).toList();
    for (String item : longestFirst) {
      text = text.replace(item, " ");
    }
    Matcher words = LATIN_WORD.matcher(WITH_A_DIGIT.matcher(text).replaceAll(" "));
    Set<String> found = new TreeSet<>();
    while (words.find()) {
      found.add(words.group());
    }
    return found;
  }

  /** Whether an element the CSS selector finds is drawn (not hidden by display or visibility). */
  public boolean shows(String cssSelector) {
    return (Boolean) driver.executeScript("return Array.prototype.some.call(document.querySelectorAll(arguments[0]),"
        + " function (e) { return e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0; });",
        cssSelector);
  }

  /** A computed style of the first element the CSS selector finds, or of its pseudo-element (e.g. "::before"). */
  public String style(String cssSelector, String pseudoElement, String property) {
    return (String) driver.executeScript("var e = document.querySelector(arguments[0]);"
        + " return e ? getComputedStyle(e, arguments[1]).getPropertyValue(arguments[2]) : null;",
        cssSelector, pseudoElement, property);
  }

  /** The title of the page (the browser's tab). */
  public String title() {
    return driver.getTitle();
  }

  public Path screenshot(String name) throws java.io.IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** A screenshot for the README: with -Dgridaid.updateDocImages=true it replaces the one in src/docs/images. */
  public void screenshotForDocs(String name) throws java.io.IOException {
    Path shot = screenshot(name);
    if (Boolean.getBoolean("gridaid.updateDocImages")) {
      Path docImages = Path.of("src", "docs", "images");
      Files.createDirectories(docImages);
      Files.copy(shot, docImages.resolve(shot.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private <T> T waitFor(String what, String screenshotName, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20))
          .ignoring(StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.NoSuchElementException.class)
          .until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      Path shot = screenshotQuietly(screenshotName);
      throw new AssertionError("Waited in vain for " + what + " (screenshot: " + shot + "). The page shows:\n"
          + text(), e);
    }
  }

  private static final Pattern WITH_A_DIGIT = Pattern.compile("[\\w:./-]*\\d[\\w:./-]*");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  /** Every text node that is drawn, outside arguments[0] (CSS selectors), with placeholders and the title. */
  private static final String PAGE_TEXT = "var skip = arguments[0], parts = [document.title];"
      + "function counts(e) { return e && !e.closest('script, style, noscript, template')"
      + "  && !(skip && e.closest(skip)) && e.checkVisibility({visibilityProperty: true}); }"
      + "var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
      + "for (var n = walker.nextNode(); n; n = walker.nextNode()) {"
      + "  if (n.textContent.trim() && counts(n.parentElement)) { parts.push(n.textContent); }"
      + "}"
      + "document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(function (i) {"
      + "  if (counts(i)) { parts.push(i.placeholder); }"
      + "});"
      + "return parts.join('\\n');";

  private static final String VISIBLE_TEXT = "function visibleText(e) {"
      + "  return (e.innerText || '').trim().replace(/\\s+/g, ' ');"
      + "}";

  private static final String CLICK_TEXT = VISIBLE_TEXT
      + "var text = arguments[0], found = null;"
      + "document.querySelectorAll('a, button, label, [ng-click], .fjs-dropdownlist-item').forEach(function (e) {"
      + "  if (e.getClientRects().length && !e.disabled && visibleText(e) === text) { found = e; }"
      + "});"
      + "if (found) { found.click(); }"
      + "return found !== null;";

  /**
   * The text input or text area of the form-js field whose label (without the required mark) is
   * arguments[0]; with arguments[1], of that item of a dynamic list (form-js ends the ids of an
   * item's fields with _0, _1, ...).
   */
  private static final String FORM_FIELD = "var wanted = arguments[0], item = arguments[1], found = null;"
      + "document.querySelectorAll('.fjs-form-field').forEach(function (f) {"
      + "  var label = f.querySelector('label.fjs-form-field-label');"
      + "  if (!found && label && label.textContent.replace(/\\*$/, '').trim() === wanted"
      + "      && (item == null || (label.getAttribute('for') || '').endsWith('_' + item))) {"
      + "    found = f.querySelector('input:not([type=checkbox]):not([type=radio]), textarea');"
      + "  }"
      + "});"
      + "return found;";

  /** form-js opens its drop-down and takes an option on mousedown; true once the field shows the option. */
  private static final String SELECT_OPTION = "var option = arguments[1];"
      + "var field = (function () {" + FORM_FIELD + "})(arguments[0], arguments[2]);"
      + "if (!field) { return false; }"
      + "var group = field.closest('.fjs-input-group'), box = field.closest('.fjs-form-field');"
      + "function mouseDown(e) { e.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true})); }"
      + "if (group.querySelector('.fjs-select-display').textContent.trim() === option) { return true; }"
      + "var items = box.querySelectorAll('.fjs-dropdownlist-item');"
      + "if (!items.length) { mouseDown(group); return false; }"
      + "items.forEach(function (item) { if (item.textContent.trim() === option) { mouseDown(item); } });"
      + "return false;";

  /** Opens a form-js select's drop-down; its options once they are drawn, else null. */
  private static final String SELECT_OPTIONS = "var field = (function () {" + FORM_FIELD + "})(arguments[0], arguments[1]);"
      + "if (!field) { return null; }"
      + "var group = field.closest('.fjs-input-group'), box = field.closest('.fjs-form-field');"
      + "var items = box.querySelectorAll('.fjs-dropdownlist-item');"
      + "if (!items.length) {"
      + "  group.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true})); return null;"
      + "}"
      + "return Array.prototype.map.call(items, function (i) { return i.textContent.trim(); });";

  private static final String FIELD_VALUES = "var wanted = arguments[0], values = [];"
      + "document.querySelectorAll('.fjs-form-field').forEach(function (f) {"
      + "  var label = f.querySelector(':scope > label.fjs-form-field-label');"
      + "  var input = f.querySelector('input:not([type=checkbox]):not([type=radio]), textarea');"
      + "  if (label && input && label.textContent.replace(/\\*$/, '').trim() === wanted) { values.push(input.value); }"
      + "});"
      + "return values;";

  private static final String LIST_ITEM = "var wanted = arguments[0], value = arguments[1], found = -1;"
      + "document.querySelectorAll('.fjs-form-field').forEach(function (f) {"
      + "  var label = f.querySelector(':scope > label.fjs-form-field-label');"
      + "  var input = f.querySelector('input:not([type=checkbox]):not([type=radio]), textarea');"
      + "  var item = label && /_(\\d+)$/.exec(label.getAttribute('for') || '');"
      + "  if (found < 0 && item && input && input.value === value"
      + "      && label.textContent.replace(/\\*$/, '').trim() === wanted) { found = Number(item[1]); }"
      + "});"
      + "return found;";

  /** Date and Date.now() of the page, shifted by %d milliseconds. */
  private static final String SHIFTED_CLOCK = "(function () {"
      + "  var offset = %d, RealDate = Date;"
      + "  class ShiftedDate extends RealDate {"
      + "    constructor(...args) { if (args.length) { super(...args); } else { super(RealDate.now() + offset); } }"
      + "    static now() { return RealDate.now() + offset; }"
      + "  }"
      + "  window.Date = ShiftedDate;"
      + "})();";

  @Override
  public void close() {
    driver.quit();
  }
}
