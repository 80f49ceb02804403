/** Translating buf's JSON output and paths back to the user's project. */
import type { Project } from "../../model/project/project.js";
import type { BufWorkspace } from "./workspace.js";

/** One line of buf's `--error-format json` output. */
export interface BufJsonFinding {
  path: string;
  start_line?: number;
  start_column?: number;
  end_line?: number;
  end_column?: number;
  type: string;
  message: string;
}

export function parseBufJsonLines(text: string): BufJsonFinding[] {
  const out: BufJsonFinding[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(line) as BufJsonFinding;
      if (typeof parsed.message === "string") out.push(parsed);
    } catch {
      // a non-JSON line that happens to start with "{": not a finding
    }
  }
  return out;
}

/**
 * buf names files by workspace path (`m0/acme/x.proto`) for compile errors and
 * by import path (`acme/x.proto`) for lint on images; both map back to the
 * project-relative path users see.
 */
export function workspacePathToProject(path: string, project: Project, ws: BufWorkspace): string {
  const byImport = project.byImportPath.get(path);
  if (byImport) return byImport.rel;
  const slash = path.indexOf("/");
  if (slash > 0) {
    const head = path.slice(0, slash);
    const index = ws.moduleDirs.indexOf(head);
    const module = project.modules[index];
    if (module) {
      const rest = path.slice(slash + 1);
      return module.rel === "." ? rest : `${module.rel}/${rest}`;
    }
    if (head === ws.protogovDir) return `(protogov)/${path.slice(slash + 1)}`;
  }
  return path;
}
