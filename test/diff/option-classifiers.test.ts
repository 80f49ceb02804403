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
    [undefined, ["OUTPUT_ONLY"], "docs"],
    [["OPTIONAL"], ["OPTIONAL", "OUTPUT_ONLY"], "docs"],
    [["OUTPUT_ONLY"], ["OUTPUT_ONLY", "IMMUTABLE"], "breaking"],
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
  it("a changed response_body is breaking", () => {
    assert.equal(classify("google.api.http", get, { ...get, responseBody: "thing" }), "breaking");
  });
  it("reordered additional bindings change nothing", () => {
    const x = { get: "/v1/x" };
    const y = { get: "/v1/y" };
    assert.equal(classify("google.api.http", { ...get, additionalBindings: [x, y] }, { ...get, additionalBindings: [y, x] }), "internal");
  });
  it("the selector alone changes nothing", () => assert.equal(classify("google.api.http", get, { ...get, selector: "x.Y" }), "internal"));
});

describe("other google.api defaults", () => {
  it("method_signature: appended is a feature, removed or reordered is breaking", () => {
    assert.equal(classify("google.api.method_signature", ["name"], ["name", "name,filter"]), "feature");
    assert.equal(classify("google.api.method_signature", ["name", "name,filter"], ["name"]), "breaking");
    assert.equal(classify("google.api.method_signature", ["name", "name,filter"], ["name,filter", "name"]), "breaking");
    assert.equal(classify("google.api.method_signature", ["name"], ["parent", "name"]), "breaking");
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
    assert.equal(classify("google.api.resource", r, undefined), "breaking");
  });
  it("resource: reordered patterns and a changed name_field are breaking", () => {
    const r = { type: "a/Thing", pattern: ["things/{thing}", "shelves/{shelf}/things/{thing}"] };
    assert.equal(classify("google.api.resource", r, { ...r, pattern: ["shelves/{shelf}/things/{thing}", "things/{thing}"] }), "breaking");
    assert.equal(classify("google.api.resource", { ...r, nameField: "name" }, { ...r, nameField: "id" }), "breaking");
  });
  it("resource: plural and singular added are docs, changed or removed breaking; style added is a feature", () => {
    const r = { type: "a/Thing", pattern: ["things/{thing}"] };
    const named = { ...r, plural: "things", singular: "thing" };
    assert.equal(classify("google.api.resource", r, named), "docs");
    assert.equal(classify("google.api.resource", named, { ...named, plural: "items" }), "breaking");
    assert.equal(classify("google.api.resource", named, r), "breaking");
    assert.equal(classify("google.api.resource", r, { ...r, style: ["DECLARATIVE_FRIENDLY"] }), "feature");
    assert.equal(classify("google.api.resource", { ...r, style: ["DECLARATIVE_FRIENDLY"] }, r), "breaking");
  });
  it("resource_definition: per type", () => {
    const a = { type: "a/A", pattern: ["as/{a}"] };
    const b = { type: "a/B", pattern: ["bs/{b}"] };
    assert.equal(classify("google.api.resource_definition", [a], [a, b]), "feature");
    assert.equal(classify("google.api.resource_definition", [a, b], [b]), "breaking");
  });
  it("default_host: added is a feature, changed or removed breaking", () => {
    assert.equal(classify("google.api.default_host", undefined, "a.example.com"), "feature");
    assert.equal(classify("google.api.default_host", "a.example.com", "b.example.com"), "breaking");
    assert.equal(classify("google.api.default_host", "a.example.com", undefined), "breaking");
  });
  it("oauth_scopes: per scope in the comma-separated list", () => {
    const a = "https://example.com/auth/a";
    const b = "https://example.com/auth/b";
    assert.equal(classify("google.api.oauth_scopes", undefined, a), "feature");
    assert.equal(classify("google.api.oauth_scopes", a, `${a},${b}`), "feature");
    assert.equal(classify("google.api.oauth_scopes", `${a},${b}`, a), "breaking");
    assert.equal(classify("google.api.oauth_scopes", `${a},${b}`, `${b}, ${a}`), "internal");
  });
  it("field_info: a format added is a feature, changed or removed breaking", () => {
    assert.equal(classify("google.api.field_info", undefined, { format: "UUID4" }), "feature");
    assert.equal(classify("google.api.field_info", { format: "UUID4" }, { format: "IPV4" }), "breaking");
    assert.equal(classify("google.api.field_info", { format: "UUID4" }, {}), "breaking");
    assert.equal(
      classify("google.api.field_info", { format: "UUID4" }, { format: "UUID4", referencedTypes: [{ typeName: "x.Y" }] }),
      "feature",
    );
  });
  it("operation_info: every change is breaking", () => {
    assert.equal(classify("google.longrunning.operation_info", undefined, { responseType: "T", metadataType: "M" }), "breaking");
    assert.equal(classify("google.longrunning.operation_info", { responseType: "T", metadataType: "M" }, undefined), "breaking");
  });
  it("routing: added is a feature, a parameter removed or changed breaking", () => {
    const p = { field: "name", pathTemplate: "{name=projects/*}/**" };
    assert.equal(classify("google.api.routing", undefined, { routingParameters: [p] }), "feature");
    assert.equal(classify("google.api.routing", { routingParameters: [p] }, { routingParameters: [p, { field: "parent" }] }), "feature");
    assert.equal(classify("google.api.routing", { routingParameters: [p] }, { routingParameters: [{ field: "name" }] }), "breaking");
    assert.equal(classify("google.api.routing", { routingParameters: [p] }, undefined), "breaking");
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
