import { join, relative, resolve } from "node:path";
import { compileProject } from "../../core/engines/compile/compile.js";
import { createWorkspace } from "../../core/engines/compile/workspace.js";
import { checkFormat, writeFormat } from "../../core/engines/format/buf-format.js";
import { ExitCode, ToolError } from "../../core/model/errors.js";
import { openProject, toPosix } from "../../core/model/project/project.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";

export interface FormatOptions extends GlobalOptions {
  paths: string[];
  write: boolean;
}

export async function format(opts: FormatOptions): Promise<number> {
  const project = openProject({ cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths });
  const ws = createWorkspace(project);
  try {
    // buf format 1.75 also "formats" many files that do not parse (a missing `;` becomes a diff far
    // below it, `}}}` becomes `}`, a cut-off file gets a newline): compile first, and report syntax
    // errors, files that are not text and files buf crashes on with their file and line.
    const compiled = await compileProject(project, ws);
    if (!compiled.imagePath || compiled.findings.some((f) => f.severity === "error")) {
      return await emitReport({ command: "format", findings: compiled.findings, root: project.root }, opts);
    }
    const checked = await checkFormat(project, ws);
    if (checked.failure) throw new ToolError(`buf format failed: ${checked.failure.split("\n")[0] ?? ""}`);
    if (!opts.write) return await emitReport({ command: "format", findings: checked.findings, root: project.root }, opts);
    const changed = await writeFormat(project, ws);
    // Shown relative to where the user ran the command, like every report.
    const cwd = resolve(resolveCwd(opts));
    const shown = changed.map((f) => toPosix(relative(cwd, join(project.root, f))));
    process.stderr.write(
      shown.length === 0 ? "All files are formatted.\n" : `Formatted ${shown.length} file(s):\n${shown.map((f) => `  ${f}\n`).join("")}`,
    );
    return ExitCode.Clean;
  } finally {
    ws.dispose();
  }
}
