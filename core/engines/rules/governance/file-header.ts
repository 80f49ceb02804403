/**
 * Every file starts with the organisation's header (licence, copyright). Off by
 * default because the text is the organisation's own; `{year}` in the template
 * matches any four-digit year so files need no yearly edit.
 */
import { defineRule } from "../rule.js";

function headerPattern(template: string): RegExp {
  const escaped = template
    .trim()
    .split("\n")
    .map((line) =>
      line
        .trimEnd()
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\\\{year\\\}/g, "\\d{4}"),
    )
    .join("\\r?\\n");
  return new RegExp(`^(\\uFEFF)?${escaped}`);
}

export default defineRule({
  id: "FILE_HEADER",
  category: "FILE",
  defaultSeverity: "off",
  description: "Files start with the configured header comment ({year} matches any year).",
  rationale: "Licence and copyright headers are a legal requirement in many organisations; buf has no header rule.",
  options: {
    header: {
      type: "string",
      description: "The exact header, comment markers included, e.g. `// Copyright {year} Acme Inc.`",
      default: "",
    },
  },
  create: () => {
    let pattern: RegExp | undefined;
    return {
      file(ctx) {
        const header = ctx.options["header"] as string;
        if (!header.trim()) {
          ctx.report(
            { file: ctx.file, line: 1, column: 1 },
            "FILE_HEADER is enabled but no header is configured",
            "set lint.rules.FILE_HEADER.header in protogov.yaml",
          );
          return;
        }
        pattern ??= headerPattern(header);
        if (!pattern.test(ctx.source())) {
          const first = header.trim().split("\n")[0] ?? "";
          ctx.report(
            { file: ctx.file, line: 1, column: 1 },
            `file does not start with the configured header ("${first}"...)`,
            "add the header from lint.rules.FILE_HEADER.header at the top of the file",
          );
        }
      },
    };
  },
});
