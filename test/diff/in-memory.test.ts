/**
 * diffApis on registries built in memory, for what buf cannot produce: an
 * option whose extension is not in the image (compared by bytes, shown by
 * number), trees without source info, and the file selection.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { create, createFileRegistry, type FileRegistry } from "@bufbuild/protobuf";
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FieldOptionsSchema,
  FileDescriptorProtoSchema,
  FileDescriptorSetSchema,
} from "@bufbuild/protobuf/wkt";
import { diffApis } from "../../core/engines/diff/diff-apis.js";

/** One proto3 file `p/a.proto` with message `p.M { string x = 1; }`, the field carrying raw option bytes. */
function registry(optionBytes: number[] | undefined, extraField = false): FileRegistry {
  const options = create(FieldOptionsSchema);
  if (optionBytes) options.$unknown = [{ no: 50999, wireType: 0, data: new Uint8Array(optionBytes) }];
  const field = (name: string, number: number) => ({
    name,
    number,
    type: FieldDescriptorProto_Type.STRING,
    label: FieldDescriptorProto_Label.OPTIONAL,
    jsonName: name,
  });
  const file = create(FileDescriptorProtoSchema, {
    name: "p/a.proto",
    package: "p",
    syntax: "proto3",
    messageType: [{ name: "M", field: [{ ...field("x", 1), options }, ...(extraField ? [field("y", 2)] : [])] }],
  });
  return createFileRegistry(create(FileDescriptorSetSchema, { file: [file] }));
}

describe("diffApis in memory", () => {
  it("reports nothing for equal trees", () => {
    assert.deepEqual(diffApis(registry([1]), registry([1])), []);
  });

  it("compares options of unknown extensions by bytes and names them by number", () => {
    const changes = diffApis(registry([1]), registry([2]));
    assert.deepEqual(
      changes.map((c) => [c.rule, c.classification, c.name, c.aspect, c.message]),
      [
        [
          "OPTION_CHANGED",
          "breaking",
          "p.M.x",
          "option:50999",
          'The option `(50999)` of field `x` in message `p.M` is changed from `"01"` to `"02"`.',
        ],
      ],
    );
  });

  it("classifies unknown options as configured", () => {
    const changes = diffApis(registry(undefined), registry([2]), { unknownOptionClassification: "internal" });
    assert.deepEqual(
      changes.map((c) => [c.rule, c.classification]),
      [["OPTION_ADDED", "internal"]],
    );
  });

  it("classifies rules as configured, but option changes per option", () => {
    const opts = { ruleClassifications: { FIELD_ADDED: "breaking", OPTION_ADDED: "docs" } } as const;
    assert.equal(diffApis(registry(undefined), registry(undefined, true), opts)[0]?.classification, "breaking");
    assert.equal(diffApis(registry(undefined), registry([2]), opts)[0]?.classification, "breaking");
  });

  it("leaves positions out when the images carry no source info", () => {
    const [change] = diffApis(registry(undefined), registry(undefined, true));
    assert.equal(change?.rule, "FIELD_ADDED");
    assert.equal(change?.new, undefined);
  });

  it("compares only the selected files", () => {
    assert.deepEqual(diffApis(registry(undefined), registry(undefined, true), { files: () => false }), []);
  });

  it("maps image file names to project paths, the old tree with its own mapper", () => {
    const empty = createFileRegistry(create(FileDescriptorSetSchema, { file: [] }));
    const added = diffApis(empty, registry(undefined), { pathOf: (name) => `proto/${name}` });
    assert.deepEqual(
      added.map((c) => [c.rule, c.new]),
      [
        ["FILE_ADDED", { file: "proto/p/a.proto", line: 1, column: 1 }],
        ["PACKAGE_ADDED", { file: "proto/p/a.proto", line: 1, column: 1 }],
        ["MESSAGE_ADDED", undefined],
      ],
    );
    const removed = diffApis(registry(undefined), empty, { pathOf: (name) => `new/${name}`, oldPathOf: (name) => `base/${name}` });
    assert.deepEqual(removed[0]?.old, { file: "base/p/a.proto", line: 1, column: 1 });
  });
});
