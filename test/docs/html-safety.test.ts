/** Markdown comments to HTML: formatting kept, anything executable shown as text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { markdownToHtml } from "../../plugins/docs/markdown-html.js";
import { fixtureRequest, generate } from "./support.js";

describe("comments rendered as safe HTML", () => {
  it("keeps lists, code, emphasis and safe links", () => {
    const html = markdownToHtml("Intro with **bold** and `code`.\n\n- one\n- two\n\n[guide](https://example.com/g) [local](#a.B)");
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<a href="https:\/\/example.com\/g" rel="noopener noreferrer">guide<\/a>/);
    assert.match(html, /<a href="#a.B"/);
  });

  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<b onmouseover=alert(3)>x</b>",
    "[x](javascript:alert(4))",
    "[x](JaVaScRiPt:alert(5))",
    "![img](javascript:alert(6))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<a href='javascript:alert(7)'>x</a>",
    "plain <svg onload=alert(8)> text",
  ];
  for (const p of payloads) {
    it(`neutralises ${p}`, () => {
      const html = markdownToHtml(p);
      assert.doesNotMatch(html, /<(script|img|svg|b )/i);
      assert.doesNotMatch(html, /href="(javascript|data):/i);
      assert.doesNotMatch(html, /<[^>]+\son\w+=/i);
    });
  }

  it("the site pages of the XSS fixture hold no live markup from comments", () => {
    const page = generate(fixtureRequest("format=html")).get("shop.v1.html") ?? "";
    assert.match(page, /&#60;script&#62;window.__xss = 1/);
    assert.doesNotMatch(page, /<script>window/);
    assert.doesNotMatch(page, /<img src="x"/);
    assert.doesNotMatch(page, /<b onmouseover/);
    assert.doesNotMatch(page, /href="javascript:/);
  });
});
