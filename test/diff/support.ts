/**
 * Builds the before/after trees of a diff fixture case into buf images with
 * the real buf binary, the way protogov compiles projects: a temporary buf v2
 * workspace whose modules are symlinks to the case tree, to the vendored
 * google/api protos and to protogov's own option protos, with only the case
 * tree built (so everything else is an import in the image).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { FileRegistry } from "@bufbuild/protobuf";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { registryFromImage } from "../../core/engines/diff/image-registry.js";
import { fixturesDir, repoRoot } from "../support/paths.js";

const run = promisify(execFile);

export const diffFixtures = join(fixturesDir, "diff");

export interface BuiltCase {
  beforeImage: string;
  afterImage: string;
  before: FileRegistry;
  after: FileRegistry;
}

/** One scratch directory per test process; removed by `disposeScratch`. */
let scratch: string | undefined;

function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), "protogov-diff-test-"));
  return scratch;
}

export function disposeScratch(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

export async function buildTree(tree: string, name: string): Promise<string> {
  const ws = join(scratchDir(), name);
  mkdirSync(ws, { recursive: true });
  symlinkSync(tree, join(ws, "tree"), "dir");
  symlinkSync(join(diffFixtures, "_deps"), join(ws, "deps"), "dir");
  symlinkSync(join(repoRoot, "proto"), join(ws, "protogov"), "dir");
  writeFileSync(join(ws, "buf.yaml"), "version: v2\nmodules:\n  - path: tree\n  - path: deps\n  - path: protogov\n");
  const image = join(ws, "image.binpb");
  await run(bufBinary(), ["build", "tree", "-o", image], { cwd: ws });
  return image;
}

export async function buildCase(caseName: string): Promise<BuiltCase> {
  const dir = join(diffFixtures, caseName);
  const [beforeImage, afterImage] = await Promise.all([
    buildTree(join(dir, "before"), `${caseName}-before`),
    buildTree(join(dir, "after"), `${caseName}-after`),
  ]);
  return {
    beforeImage,
    afterImage,
    before: registryFromImage(readFileSync(beforeImage)),
    after: registryFromImage(readFileSync(afterImage)),
  };
}

export interface BufVerdict {
  breaking: boolean;
  rules: string[];
}

/**
 * `buf breaking` with the FILE category on the two images. Images carry their
 * imports: without --exclude-imports buf reports an import that is no longer
 * needed (google/protobuf/empty.proto) as a deleted file.
 */
export async function bufBreaking(built: BuiltCase): Promise<BufVerdict> {
  const config = JSON.stringify({ version: "v2", breaking: { use: ["FILE"] } });
  try {
    await run(bufBinary(), [
      "breaking",
      built.afterImage,
      "--against",
      built.beforeImage,
      "--config",
      config,
      "--error-format",
      "json",
      "--exclude-imports",
    ]);
    return { breaking: false, rules: [] };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (err.code !== 100) throw new Error(`buf breaking failed (exit ${err.code}): ${err.stderr}`);
    const rules = (err.stdout ?? "")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { type: string }).type);
    return { breaking: true, rules };
  }
}
