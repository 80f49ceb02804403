/**
 * Reads template sets from disk: the built-in ones shipped in
 * `templates/docs/` and a user's override directory with the same layout
 * (`markdown/page.hbs`, `html/partials/message.hbs`, `html/assets/style.css`,
 * ...). A file in the override directory replaces the built-in file of the
 * same path; new partials are added. This is the IO half of the plugin: the
 * bin and `protogov docs` load templates here and hand them to the pure
 * plugin (plugin.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TemplateSet } from "./render.js";

/** templates/docs of the installed package (dist/plugins/docs -> package root). */
export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL("../../../templates/docs/", import.meta.url));

export function loadBuiltinTemplates(): TemplateSet {
  return readTemplateDir(BUILTIN_TEMPLATE_DIR);
}

/** Every file under `dir`, by forward-slash path relative to it; throws when `dir` is not a directory. */
export function readTemplateDir(dir: string): TemplateSet {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`template directory ${dir} does not exist`);
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = join(entry.parentPath, entry.name);
    files.set(relative(root, abs).split("\\").join("/"), readFileSync(abs, "utf8"));
  }
  return files;
}
