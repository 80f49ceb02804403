/**
 * npm registries (`publish.npm`): the target's output is a package, published
 * once per version (an existing version is skipped), after the errors runtime
 * it imports when the registry lacks it. The registry records the last
 * release: the package's latest version, the source commit in it and its
 * CHANGELOG.md (read back from the tarball).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { removeTemp, tempDir } from "../../../model/fs/lifecycle.js";
import type { FileMap } from "../../generate/run-plugins.js";
import type { PublishDestination } from "./destination.js";
import { ensureErrorsRuntime, lastPublished, publishDir, registryOf } from "./npm-cli.js";
import { publishedFile } from "./npm-tarball.js";

export const npmDestination: PublishDestination = {
  name: "npm",
  configured: (target) => target.publish.npm !== undefined,
  async open(target, ctx) {
    const npm = target.publish.npm;
    if (!npm) throw new Error(`target ${target.name} does not publish to npm`);
    if (!ctx.dryRun || process.env[npm.tokenEnv]) ctx.secrets.require(npm.tokenEnv, `publishing ${target.name} to ${npm.registry}`);
    const name = target.package?.name ?? target.name;
    return {
      async lastRelease() {
        const last = await lastPublished(name, registryOf(npm), ctx.secrets);
        if (!last?.version) return last;
        // The last tarball's CHANGELOG.md, carried forward as the git destination does from its tag.
        return { ...last, changelog: await publishedFile(name, last.version, "CHANGELOG.md", registryOf(npm), ctx.secrets) };
      },
      stage: async () => undefined,
      async publish(plan) {
        const done: string[] = [];
        if (!plan.version || !plan.files) return { done };
        const manifest = new TextDecoder().decode(plan.files.get("package.json") ?? new Uint8Array());
        if (manifest.includes('"@protogov/errors-runtime"')) {
          const r = await ensureErrorsRuntime(npm, ctx.secrets);
          if (r.outcome === "published") done.push(`published ${r.name}@${r.version} to ${npm.registry}`);
        }
        const version = plan.version;
        const outcome = await withPackageDir(plan.files, (dir) => publishDir(dir, { name, version }, npm, ctx.secrets));
        done.push(
          outcome === "published" ? `published ${name}@${version} to ${npm.registry}` : `${name}@${version} already on ${npm.registry}`,
        );
        return { done };
      },
      dispose: () => undefined,
    };
  },
};

async function withPackageDir<T>(files: FileMap, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir("protogov-pkg-");
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return await work(dir);
  } finally {
    removeTemp(dir);
  }
}
