/**
 * Opens and compiles the project for commands that generate from it (docs,
 * scaffold, generate). Compile errors stop the command with the first
 * error's position: generating from a tree that does not compile would only
 * produce confusing output.
 */
import { compileProject } from "../../engines/compile/compile.js";
import { createWorkspace } from "../../engines/compile/workspace.js";
import { InputError } from "../../model/errors.js";
import { openProject, type Project, type ProjectOptions } from "../../model/project/project.js";

export interface CompiledProject {
  project: Project;
  imagePath: string;
  dispose(): void;
}

export async function compiledProject(opts: ProjectOptions): Promise<CompiledProject> {
  const project = openProject(opts);
  const ws = createWorkspace(project);
  try {
    const compiled = await compileProject(project, ws);
    // A file left out of the image (not text, unreadable) would silently be missing from the output.
    if (!compiled.imagePath || compiled.findings.some((f) => f.severity === "error")) {
      const first = compiled.findings[0];
      const more = compiled.findings.length > 1 ? ` (and ${compiled.findings.length - 1} more)` : "";
      throw new InputError(`the protos do not compile: ${first ? `${first.message}${more}` : "unknown error"}`, {
        ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
        hint: "run `protogov lint` to see every compile error, fix them, then generate again",
      });
    }
    return { project, imagePath: compiled.imagePath, dispose: ws.dispose };
  } catch (e) {
    ws.dispose();
    throw e;
  }
}
