/**
 * The stubs the scaffolds import, generated again on every `protogov scaffold`
 * so a test of a new RPC compiles without a separate `generate`: protoc-gen-es
 * (with the imports the code refers to, protogov's errors.proto included) and
 * protoc-gen-protogov-errors, with the options the scaffolds are written for.
 */
import type { Project } from "../../model/project/project.js";
import { pluginFiles } from "../generate/generate-targets.js";
import { runTargetPlugin } from "../generate/run-plugins.js";

/** The same parameters the tests plugin assumes (`import_extension=js`: NodeNext-style imports). */
const STUB_OPTIONS = { target: "ts", import_extension: "js" };

/** Generated files by path relative to the stubs' directory. */
export async function generateStubs(imagePath: string, project: Project): Promise<Map<string, string>> {
  const { set, projectFiles, withImports } = pluginFiles(imagePath, project);
  const decoder = new TextDecoder();
  const out = new Map<string, string>();
  for (const [name, files] of [
    ["es", withImports],
    ["errors", projectFiles],
  ] as const) {
    const generated = await runTargetPlugin({ name, options: STUB_OPTIONS, out: "" }, { imagePath, set, files });
    for (const [path, bytes] of generated) out.set(path, decoder.decode(bytes));
  }
  return out;
}
