/** AIP-191: services come before messages, messages before top-level enums (api-linter core::0191::file-layout). */
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineAipRule } from "./aip-rule.js";

export default defineAipRule({
  aip: 191,
  name: "file-layout",
  description: "Services precede all messages, and messages precede all top-level enums.",
  rationale: "A common order lets readers find the API surface first in every file.",
  check(file, problem, ctx) {
    const startLine = (path: number[]): number | undefined => ctx.location(path)?.span[0];
    const firstMessage = file.messageType.length > 0 ? startLine([FilePath.messageType, 0]) : undefined;
    if (firstMessage !== undefined) {
      for (const [i, service] of file.service.entries()) {
        const line = startLine([FilePath.service, i]);
        const path = [FilePath.service, i];
        if (line !== undefined && line > firstMessage)
          problem({ kind: "service", proto: service, path, ancestors: [] }, "Services should precede all messages.", []);
      }
    }
    const firstEnum = file.enumType[0];
    const enumLine = firstEnum ? startLine([FilePath.enumType, 0]) : undefined;
    if (firstEnum && enumLine !== undefined) {
      const messageAfter = file.messageType.some((_, i) => (startLine([FilePath.messageType, i]) ?? -1) > enumLine);
      if (messageAfter)
        problem(
          { kind: "enum", proto: firstEnum, path: [FilePath.enumType, 0], ancestors: [] },
          "Messages should precede all top-level enums.",
          [],
        );
    }
  },
});
