package jp.bansou.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its own chromedriver (paths given, so Selenium downloads
 * nothing), with the flags this closed network needs. One browser per person in a test.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/e2e");

  final WebDriver driver;
  final WebDriverWait wait;
  private final String base;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * A Japanese browser as a companion's phone or PC has it: UI and Accept-Language Japanese, and
   * JavaScript's own locale and time zone Japanese too (headless Chromium otherwise keeps en-US,
   * which Camunda Forms' date field follows).
   */
  static Browser japanese(String base, int width) throws IOException {
    Browser browser = new Browser(base, "ja", width);
    var cdp = (org.openqa.selenium.chromium.HasCdp) browser.driver;
    cdp.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", "ja-JP"));
    cdp.executeCdpCommand(
        "Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Asia/Tokyo"));
    if (width < 500) {
      // a phone's width: narrower than the window Chromium allows
      cdp.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          java.util.Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }
    return browser;
  }

  Browser(String base, String language) throws IOException {
    this(base, language, 1400);
  }

  Browser(String base, String language, int width) throws IOException {
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=" + width + "," + (width < 600 ? 844 : 1100),
        "--lang=" + language,
        "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    org.openqa.selenium.logging.LoggingPreferences logs =
        new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** Logs into a Camunda webapp on its login page, and waits until the login is through. */
  void logIn(String app, String user) {
    open("/camunda/app/" + app + "/");
    By username = By.cssSelector("input[ng-model='username']");
    // on a cold start the form can be shown before Angular binds it, and then submits nothing:
    // the login is typed again once, on a form that is bound by then
    for (int attempt = 1; ; attempt++) {
      WebElement name = visible(username);
      name.clear();
      name.sendKeys(user);
      WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
      password.clear();
      password.sendKeys(user);
      driver.findElement(By.cssSelector("button[type='submit']")).click();
      try {
        wait.until(d -> d.findElements(username).stream().noneMatch(WebElement::isDisplayed));
        return;
      } catch (org.openqa.selenium.TimeoutException stillTheLoginForm) {
        if (attempt == 2) {
          throw stillTheLoginForm;
        }
      }
    }
  }

  /** The first element matching that is displayed (hidden templates may match first). */
  WebElement visible(By by) {
    return patiently()
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  void click(By by) {
    act(d -> visible(by).click());
  }

  /** The text of the first displayed element matching, read again if the page re-rendered it. */
  String text(By by) {
    return patiently().until(d -> visible(by).getText());
  }

  /** Does something to the page, again if Angular re-rendered it meanwhile. */
  void act(java.util.function.Consumer<WebDriver> action) {
    patiently()
        .until(
            d -> {
              action.accept(d);
              return true;
            });
  }

  private org.openqa.selenium.support.ui.FluentWait<WebDriver> patiently() {
    return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class);
  }

  /** Words in Latin letters on the page that are not product names: English a person meets. */
  java.util.List<String> englishWords() {
    String text =
        (String)
            ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.body.innerText");
    java.util.Set<String> allowed =
        java.util.Set.of(
            "camunda",
            "tasklist",
            "cockpit",
            "platform",
            "admin",
            "asia",
            "tokyo",
            "csv",
            "pdf",
            "https",
            "http",
            "id",
            // Latin abbreviations Japanese uses as they are
            "dv",
            "sns",
            "npo",
            // 難民事業本部（RHQ）, as the office calls itself (the options of forms/plan-visit.form)
            "rhq",
            "ok");
    java.util.List<String> words = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(text);
    while (m.find()) {
      if (!allowed.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
        words.add(m.group());
      }
    }
    return words;
  }

  static By text(String text) {
    return By.xpath("//*[text()[contains(normalize-space(.), '" + text + "')]]");
  }

  void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        SCREENSHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Errors the page's scripts wrote to the console; failed network requests are left out (the login
   * page's first look at the session answers 404 before anyone has logged in).
   */
  java.util.List<String> scriptErrors() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  // --- Camunda Forms (form-js), as a person fills them in ---------------------------------------

  /** The innermost form field whose label (or legend) says this. */
  static By field(String label) {
    String labelled =
        "[.//label[contains(normalize-space(.),'"
            + label
            + "')] or .//legend[contains(normalize-space(.),'"
            + label
            + "')]]";
    return By.xpath(
        "//div[contains(@class,'fjs-form-field')]"
            + labelled
            + "[not(.//div[contains(@class,'fjs-form-field')]"
            + labelled
            + ")]");
  }

  /** Scrolls the field to the top of the screen, as a person on a phone would. */
  void show(String label) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'start'});", visible(field(label)));
  }

  /** Types into a text field, replacing what it held. */
  void type(String label, String text) {
    act(
        d -> {
          WebElement input = visible(field(label)).findElement(By.cssSelector("input"));
          input.clear();
          input.sendKeys(text);
        });
  }

  /** Types into a text area. */
  void typeText(String label, String text) {
    act(d -> visible(field(label)).findElement(By.cssSelector("textarea")).sendKeys(text));
  }

  /** Types a date as a Japanese person writes it, and leaves the field. */
  void date(String label, String text) {
    act(
        d -> {
          WebElement input =
              visible(field(label)).findElement(By.cssSelector("input:not([type='hidden'])"));
          input.click();
          input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
          input.sendKeys(text, Keys.ENTER);
          input.sendKeys(Keys.ESCAPE);
        });
  }

  /**
   * A select or tag list: open it, type to search when it can, and tap the option that says exactly
   * this (or, when none does, the first that contains it), scrolled into the list's view.
   */
  void choose(String label, String option) {
    act(
        d -> {
          WebElement container = visible(field(label));
          java.util.List<WebElement> inputs =
              container.findElements(
                  By.cssSelector("input:not([type='hidden']):not(.fjs-select-hidden-input)"));
          if (!inputs.isEmpty()) {
            inputs.get(0).click();
            inputs.get(0).sendKeys(option);
          } else {
            container.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display")).click();
          }
        });
    String items = "//div[contains(@class,'fjs-dropdownlist-item')]";
    act(
        d -> {
          java.util.List<WebElement> found =
              d.findElements(By.xpath(items + "[normalize-space(.)='" + option + "']"));
          WebElement item =
              found.isEmpty()
                  ? d.findElement(
                      By.xpath(items + "[contains(normalize-space(.),'" + option + "')]"))
                  : found.get(0);
          // a long list scrolls within itself: bring the option into its view, then tap it
          ((org.openqa.selenium.JavascriptExecutor) d)
              .executeScript(
                  "const list = arguments[0].closest('.fjs-dropdownlist');"
                      + " list.style.scrollBehavior = 'auto';"
                      + " list.scrollTop = arguments[0].offsetTop - 40;",
                  item);
          item.click();
        });
  }

  /** Ticks the checkbox or radio button of that option in the field. */
  void tick(String label, String option) {
    act(
        d ->
            visible(field(label))
                .findElement(By.xpath(".//label[contains(normalize-space(.),'" + option + "')]"))
                .click());
  }

  /** The page as it last stood, to read when a step fails. */
  void savePage(String name) {
    try {
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      screenshot(name);
    } catch (IOException | RuntimeException ignored) {
      // best effort: the test's own failure is what matters
    }
  }

  @Override
  public void close() {
    savePage("last-page-" + Thread.currentThread().getStackTrace()[2].getMethodName());
    driver.quit();
  }
}
