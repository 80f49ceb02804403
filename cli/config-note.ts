import type { LoadedConfig } from "../core/model/config/protogov-config.js";

/** Which settings came from buf.yaml: said once on stderr, so a report's answers can be traced to their file. */
export function writeConfigNote(loaded: LoadedConfig, sections: readonly ("lint" | "breaking")[]): void {
  const taken = (loaded.fromBufYaml ?? []).filter((s) => sections.includes(s));
  if (taken.length === 0) return;
  const why = loaded.file ? "protogov.yaml does not set them" : "there is no protogov.yaml";
  process.stderr.write(`protogov: ${taken.join(" and ")} settings from buf.yaml (${why})\n`);
}
