/**
 * The value-aware default classifiers of google.api options, fed with the
 * protobuf JSON of the option values as the diff renders them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { JsonValue } from "@bufbuild/protobuf";
import type { Classification } from "../../core/engines/diff/api-diff.js";
import { BUILTIN_OPTION_CLASSIFICATIONS } from "../../core/engines/diff/builtin-options.js";
import { CHANGE_RULES } from "../../core/engines/diff/classification.js";
import { CUSTOM_OPTION_DEFAULTS } from "../../core/engines/diff/custom-option-defaults.js";
import { classificationTable } from "../../core/engines/diff/table.js";

function classify(option: string, before: JsonValue | undefined, after: JsonValue | undefined): Classification {
  const def = CUSTOM_OPTION_DEFAULTS[option];
  assert.ok(def, `no default for ${option}`);
  return def.classify(before, after);
}

describe("google.api.field_behavior", () => {
  const table: [JsonValue | undefined, JsonValue | undefined, Classification][] = [
    [undefined, ["REQUIRED"], "breaking"],
    [["OPTIONAL"], ["REQUIRED"], "breaking"],
    [["REQUIRED"], undefined, "feature"],
    [["REQUIRED", "IMMUTABLE"], ["REQUIRED"], "feature"],
    [undefined, ["IMMUTABLE"], "breaking"],
    [undefined, ["OUTPUT_ONLY"], "breaking"],
    [["OUTPUT_ONLY"], undefined, "feature"],
    [undefined, ["OPTIONAL"], "docs"],
    [["OPTIONAL"], undefined, "docs"],
    [["REQUIRED", "OPTIONAL"], ["OPTIONAL", "REQUIRED"], "internal"],
    [undefined, ["SOMETHING_NEW"], "breaking"],
  ];
  for (const [before, after, expected] of table) {
    it(`${JSON.stringify(before)} -> ${JSON.stringify(after)} is ${expected}`, () => {
      assert.equal(classify("google.api.field_behavior", before, after), expected);
    });
  }
});

describe("google.api.http", () => {
  const get = { get: "/v1/{name=things/*}" };
  it("a changed route is breaking", () => assert.equal(classify("google.api.http", get, { get: "/v1/{name=items/*}" }), "breaking"));
  it("a changed verb is breaking", () =>
    assert.equal(classify("google.api.http", get, { post: "/v1/{name=things/*}", body: "*" }), "breaking"));
  it("a changed body is breaking", () => {
    assert.equal(classify("google.api.http", { post: "/v1/things", body: "*" }, { post: "/v1/things", body: "thing" }), "breaking");
  });
  it("an added binding is a feature", () => {
    assert.equal(classify("google.api.http", get, { ...get, additionalBindings: [{ get: "/v1/{name=shelves/*/things/*}" }] }), "feature");
  });
  it("a removed additional binding is breaking", () => {
    assert.equal(classify("google.api.http", { ...get, additionalBindings: [{ get: "/v1/x" }] }, get), "breaking");
  });
  it("a new rule is a feature, a removed one breaking", () => {
    assert.equal(classify("google.api.http", undefined, get), "feature");
    assert.equal(classify("google.api.http", get, undefined), "breaking");
  });
  it("the selector alone changes nothing", () => assert.equal(classify("google.api.http", get, { ...get, selector: "x.Y" }), "internal"));
});

describe("other google.api defaults", () => {
  it("method_signature: added is a feature, removed is breaking", () => {
    assert.equal(classify("google.api.method_signature", ["name"], ["name", "name,filter"]), "feature");
    assert.equal(classify("google.api.method_signature", ["name", "name,filter"], ["name"]), "breaking");
  });
  it("resource_reference: added is a feature, changed or removed breaking", () => {
    assert.equal(classify("google.api.resource_reference", undefined, { type: "a/B" }), "feature");
    assert.equal(classify("google.api.resource_reference", { type: "a/B" }, { type: "a/C" }), "breaking");
    assert.equal(classify("google.api.resource_reference", { type: "a/B" }, undefined), "breaking");
  });
  it("resource: patterns added are a feature; a removed pattern or a changed type is breaking", () => {
    const r = { type: "a/Thing", pattern: ["things/{thing}"] };
    assert.equal(classify("google.api.resource", r, { ...r, pattern: ["things/{thing}", "shelves/{shelf}/things/{thing}"] }), "feature");
    assert.equal(classify("google.api.resource", r, { ...r, pattern: ["items/{thing}"] }), "breaking");
    assert.equal(classify("google.api.resource", r, { ...r, type: "a/Item" }), "breaking");
    assert.equal(classify("google.api.resource", undefined, r), "feature");
  });
  it("resource_definition: per type", () => {
    const a = { type: "a/A", pattern: ["as/{a}"] };
    const b = { type: "a/B", pattern: ["bs/{b}"] };
    assert.equal(classify("google.api.resource_definition", [a], [a, b]), "feature");
    assert.equal(classify("google.api.resource_definition", [a, b], [b]), "breaking");
  });
  it("default_host and oauth_scopes: every change is breaking", () => {
    assert.equal(classify("google.api.default_host", "a.example.com", "b.example.com"), "breaking");
    assert.equal(classify("google.api.oauth_scopes", undefined, "https://example.com/auth"), "breaking");
  });
});

describe("built-in option table", () => {
  it("classifies file options that shape generated code as breaking", () => {
    for (const o of ["go_package", "java_package", "java_multiple_files", "csharp_namespace", "optimize_for"]) {
      assert.equal(BUILTIN_OPTION_CLASSIFICATIONS[`google.protobuf.FileOptions.${o}`], "breaking", o);
    }
  });
  it("classifies encoding-only and definition-only options as internal", () => {
    assert.equal(BUILTIN_OPTION_CLASSIFICATIONS["google.protobuf.FieldOptions.packed"], "internal");
    assert.equal(BUILTIN_OPTION_CLASSIFICATIONS["google.protobuf.EnumOptions.allow_alias"], "internal");
  });
  it("classifies deprecated as a feature on every element", () => {
    assert.equal(BUILTIN_OPTION_CLASSIFICATIONS["google.protobuf.MethodOptions.deprecated"], "feature");
  });
});

describe("classificationTable", () => {
  it("lists every rule, built-in option and custom option default once", () => {
    const rows = classificationTable();
    const ids = rows.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of Object.keys(CHANGE_RULES)) assert.ok(ids.includes(rule), rule);
    for (const option of Object.keys(CUSTOM_OPTION_DEFAULTS)) assert.ok(ids.includes(option), option);
    assert.ok(ids.includes("google.protobuf.FileOptions.go_package"));
  });
});
