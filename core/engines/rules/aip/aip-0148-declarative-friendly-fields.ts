/**
 * AIP-148: declarative-friendly resources have `name`, `uid`, `display_name`,
 * `create_time`, `update_time` and `delete_time` of the standard types;
 * singletons need no `uid` or `delete_time` (api-linter
 * core::0148::declarative-friendly-fields).
 */
import type { FieldDescriptorProto } from "@bufbuild/protobuf/wkt";
import { resource } from "../../../model/descriptors/google-api-options.js";
import type { TypeIndex } from "../../../model/descriptors/type-index.js";
import { declarativeFriendlyOfMessage } from "./declarative-friendly.js";
import { defineMessageRule } from "./message-rules.js";
import { isSingletonPattern } from "./resource-patterns.js";

const REQUIRED: Record<string, string> = {
  name: "string",
  uid: "string",
  display_name: "string",
  create_time: "google.protobuf.Timestamp",
  update_time: "google.protobuf.Timestamp",
  delete_time: "google.protobuf.Timestamp",
};
const SINGLETON_EXCEPTIONS = new Set(["delete_time", "uid"]);
const TYPE_STRING = 9;

export default defineMessageRule({
  aip: 148,
  name: "declarative-friendly-fields",
  description: "Declarative-friendly resources have `name`, `uid`, `display_name`, `create_time`, `update_time` and `delete_time`.",
  rationale: "Declarative tools rely on these standard fields to identify, name and track the lifecycle of every resource.",
  needsTypes: true,
  only: () => true,
  lint: (c) => {
    if (declarativeFriendlyOfMessage(c.types, c.proto, c.file) !== c.proto) return;
    const singleton = (resource(c.proto.options)?.pattern ?? []).some(isSingletonPattern);
    const missing = Object.entries(REQUIRED)
      .filter(([name]) => !(singleton && SINGLETON_EXCEPTIONS.has(name)))
      .filter(([name, type]) => {
        const f = c.proto.field.find((x) => x.name === name);
        return !f || typeName(c.types, f) !== type;
      })
      .map(([name, type]) => `${type} ${name}`)
      .sort();
    if (missing.length === 1) c.problem(c.message, `Declarative-friendly resources must include the \`${missing[0]}\` field.`, []);
    else if (missing.length > 1)
      c.problem(
        c.message,
        `Declarative-friendly resources must include the following fields:\n${missing.map((m) => `  - \`${m}\``).join("\n")}`,
        [],
      );
  },
});

/** utils.GetTypeName, as far as these checks need it: a string, or a message's full name. */
function typeName(types: TypeIndex, f: FieldDescriptorProto): string {
  if (f.typeName) return types.message(f.typeName)?.proto.options?.mapEntry ? "map" : f.typeName.replace(/^\./, "");
  return f.type === TYPE_STRING ? "string" : `type ${f.type}`;
}
