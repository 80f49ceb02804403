/**
 * The HTML site in a real browser: Debian's chromium driven by playwright-core
 * opens the site over file:// (proto-examples plus the showcase fixture, whose
 * comments carry XSS payloads). Screenshots go to test/artifacts/docs/.
 * Skipped when /usr/bin/chromium is missing (.ci/run installs it).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { repoRoot } from "../support/paths.js";
import { buildShowcaseSite } from "./site-support.js";

const CHROMIUM = "/usr/bin/chromium";
const artifacts = join(repoRoot, "test", "artifacts", "docs");

describe("docs site in chromium (file://)", { skip: !existsSync(CHROMIUM) && "chromium is not installed" }, () => {
  let context: BrowserContext;
  let page: Page;
  let site: { dir: string; packages: string[] };
  let profile: string;
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];

  before(async () => {
    site = buildShowcaseSite();
    profile = mkdtempSync(join(tmpdir(), "protogov-chromium-"));
    mkdirSync(artifacts, { recursive: true });
    // A fresh profile per run: playwright takes it as the persistent context's user data dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1360, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => requests.push(r.url()));
  });

  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(site.dir, { recursive: true, force: true });
  });

  const open = (name: string) => page.goto(pathToFileURL(join(site.dir, name)).href);

  it("the index lists every package", async () => {
    await open("index.html");
    const listed = await page.locator("table.index a.pkg").allTextContents();
    assert.deepEqual(listed, site.packages);
    await page.screenshot({ path: join(artifacts, "index.png"), fullPage: true });
  });

  it("clicking a service reaches its page", async () => {
    await open("index.html");
    await page.locator("table.index a.svc", { hasText: "ShopService" }).click();
    await page.waitForURL(/shop\.v1\.html#shop\.v1\.ShopService$/);
    assert.equal(await page.locator('[id="shop.v1.ShopService"] h3').isVisible(), true);
    await page.screenshot({ path: join(artifacts, "service.png") });
  });

  it("a type link reaches the type, across packages too", async () => {
    await open("shop.v1.html");
    await page.locator('[id="shop.v1.Product.price"] a.type').click();
    await page.waitForURL(/shop\.common\.v1\.html#shop\.common\.v1\.Money$/);
    assert.equal(await page.locator('[id="shop.common.v1.Money"]').isVisible(), true);
    await open("acme.users.v1.html");
    await page.locator('[id="acme.users.v1.UserService.GetUser"] a.type').first().click();
    await page.waitForURL(/#acme\.users\.v1\.GetUserRequest$/);
    await page.screenshot({ path: join(artifacts, "message.png") });
  });

  it("searching an error reason finds it", async () => {
    await open("index.html");
    await page.locator("#search-input").fill("USER_NOT_FOUND");
    const first = page.locator("#search-results li a").first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? "", /USER_NOT_FOUND/);
    await page.screenshot({ path: join(artifacts, "search.png") });
    await first.click();
    await page.waitForURL(/acme\.users\.v1\.html#error:acme\.users\.v1\.UsersError\.USERS_ERROR_USER_NOT_FOUND$/);
    assert.equal(await page.locator('[id="error:acme.users.v1.UsersError.USERS_ERROR_USER_NOT_FOUND"]').isVisible(), true);
    await page.screenshot({ path: join(artifacts, "errors.png") });
  });

  it("searching an enum value, a field name and two words finds them", async () => {
    await open("index.html");
    const firstHit = async (query: string): Promise<string> => {
      await page.locator("#search-input").fill(query);
      const first = page.locator("#search-results li a").first();
      await first.waitFor();
      return (await first.textContent()) ?? "";
    };
    assert.match(await firstHit("KIND_IN_HOUSE"), /Product\.Origin\.Kind\.KIND_IN_HOUSE/);
    assert.match(await firstHit("in house"), /KIND_IN_HOUSE/);
    assert.match(await firstHit("supplier_reference"), /Product\.supplier_reference_code/);
    assert.match(await firstHit("product origin"), /Product\.Origin/);
    assert.match(await firstHit("price changes"), /WatchPrices/);
    await page.locator("#search-input").fill("in house");
    await page.locator("#search-results li a").first().click();
    await page.waitForURL(/#shop\.v1\.Product\.Origin\.Kind\.KIND_IN_HOUSE$/);
  });

  for (const width of [1400, 390]) {
    it(`no page scrolls sideways at ${width} px (long URLs, names and tables wrap)`, async () => {
      await page.setViewportSize({ width, height: 900 });
      try {
        const pages = readdirSync(site.dir).filter((f) => f.endsWith(".html"));
        assert.ok(pages.length >= 4);
        const wide: string[] = [];
        for (const name of pages) {
          await open(name);
          const { scroll, client } = await page.evaluate(() => {
            const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
              .documentElement;
            return { scroll: root.scrollWidth, client: root.clientWidth };
          });
          if (scroll > client) wide.push(`${name}: ${scroll} > ${client}`);
        }
        assert.deepEqual(wide, []);
        await open("shop.v1.html");
        await page.screenshot({ path: join(artifacts, `shop-${width}.png`), fullPage: false });
      } finally {
        await page.setViewportSize({ width: 1360, height: 900 });
      }
    });
  }

  it("tool directives in comments (protogov, buf, api-linter) never reach the page", async () => {
    await open("shop.v1.html");
    const text = (await page.locator("body").textContent()) ?? "";
    assert.doesNotMatch(text, /protogov:allow-breaking|protogov:ignore|buf:lint:ignore|api-linter|not-precedent/);
    assert.match(text, /The full specification lives at/);
  });

  it("the changelog page shows the bump and links a change to its element", async () => {
    await open("index.html");
    await page.locator(".toplinks a", { hasText: "Changelog" }).click();
    await page.waitForURL(/changelog\.html$/);
    assert.match(
      (await page.locator(".lead").textContent()) ?? "",
      /Changes since main: 1 change\(s\), 0 breaking\. Version bump: minor\./,
    );
    await page.screenshot({ path: join(artifacts, "changelog.png"), fullPage: true });
    // Names in a change's message are code, not raw backticks.
    const change = page.locator(".changes li").first();
    assert.doesNotMatch((await change.textContent()) ?? "", /`/);
    assert.deepEqual(await change.locator("code").allTextContents(), ["acme.users.v1.User.email", "email", "acme.users.v1.User"]);
    await page.locator(".changes a", { hasText: "acme.users.v1.User.email" }).click();
    await page.waitForURL(/acme\.users\.v1\.html#acme\.users\.v1\.User\.email$/);
    assert.equal(await page.locator('[id="acme.users.v1.User.email"]').isVisible(), true);
  });

  it("comments with script, event handlers and javascript: links do not execute", async () => {
    await open("shop.v1.html");
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss), undefined);
    assert.equal(await page.locator(".doc script, .doc img, [onerror], [onmouseover]").count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    // The payload is shown as text instead.
    assert.match((await page.locator('[id="shop.v1.ShopService"] .doc').first().textContent()) ?? "", /<script>window\.__xss = 1/);
  });

  it("logs no console errors and requests nothing outside the site", () => {
    assert.deepEqual(consoleErrors, []);
    const outside = requests.filter((u) => !u.startsWith(pathToFileURL(site.dir).href) && !u.startsWith("data:"));
    assert.deepEqual(outside, []);
  });
});
