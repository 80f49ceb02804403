/**
 * What the governance rules need of a project, as plain data: it crosses into
 * a worker thread and, as JSON, into the check plugin's process. Kept apart
 * from engine.ts so a run can prepare it without loading the rules.
 */
import type { ProtogovConfig } from "../../model/config/protogov-config.js";
import type { Project } from "../../model/project/project.js";

/** What the rules need of a project: plain data, so it can cross into a worker thread. */
export interface RulesInput {
  /** Project files by import path. */
  files: Map<string, { rel: string; abs: string }>;
  /** Import paths of the files to check. */
  inScope: string[];
  config: ProtogovConfig;
  configFile: string | undefined;
}

export function rulesInputOf(project: Project): RulesInput {
  return {
    files: new Map(project.files.map((f) => [f.importPath, { rel: f.rel, abs: f.abs }])),
    inScope: project.inScope.map((t) => t.importPath),
    config: project.loaded.config,
    configFile: project.loaded.file,
  };
}
