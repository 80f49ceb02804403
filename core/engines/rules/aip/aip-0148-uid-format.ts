/** AIP-148: `uid` has `(google.api.field_info).format = UUID4` (api-linter core::0148::uid-format). */
import { fieldFormat } from "../../../model/descriptors/google-api-options.js";
import { defineFieldRule } from "./field-rules.js";
import { FieldType } from "./message-rules.js";

export default defineFieldRule({
  aip: 148,
  name: "uid-format",
  description: "A string `uid` field declares `(google.api.field_info).format = UUID4`.",
  rationale: "The format lets client libraries generate and validate request identifiers.",
  lint: (f) =>
    f.proto.type === FieldType.string && f.proto.name === "uid" && fieldFormat(f.proto.options) !== "UUID4"
      ? "The `uid` field must have a `(google.api.field_info).format = UUID4` annotation."
      : undefined,
});
