/** AIP-191: API files use proto3 (api-linter core::0191::proto-version). */
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineFileRule } from "./file-rules.js";

export default defineFileRule({
  name: "proto-version",
  description: 'Files use `syntax = "proto3";` (not proto2, editions or no syntax statement).',
  rationale: "proto3 is what every Google client library generator and API tool supports in full.",
  // A file without a syntax statement has no location there: the finding falls back to the file's start, as in api-linter.
  lint: (file) =>
    file.syntax === "proto3" ? undefined : { at: { path: [FilePath.syntax] }, message: "All API proto files must use proto3 syntax." },
});
