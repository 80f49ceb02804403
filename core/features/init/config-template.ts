/** The commented protogov.yaml that `protogov init` writes. */
import type { DetectedLayout } from "../../model/project/detect-roots.js";

export function renderInitConfig(layout: DetectedLayout): string {
  const modules = layout.roots.map((r) => renderModule(r, layout.skipped)).join("\n");
  const owners = [...new Set(layout.packages.map((p) => p.split(".").slice(0, 2).join(".")))]
    .slice(0, 5)
    .map((p) => `#   ${p}: "@your-org/${p.split(".").at(-1) ?? "team"}-team"`)
    .join("\n");
  return `# protogov.yaml: governance for this repository's Protobuf APIs.
# Reference: see "Configuration" in protogov's README. Every key is optional.
version: 1

# Directories whose .proto files form the API (module roots: imports resolve
# against them). Detected from ${layout.files} .proto file(s); with a buf.yaml and
# no "modules" here, buf's layout is used.
modules:
${modules}

lint:
  # buf lint categories or rule ids (https://buf.build/docs/lint/rules/).
  use: [STANDARD, COMMENTS]
  except: []
  # Severity per rule (buf's or protogov's): error | warn | off, or a mapping
  # with "severity" and the rule's options.
  rules:
    PACKAGE_VERSION_POLICY:
      severity: error
      allow: [stable, beta, alpha]
    # FILE_HEADER:
    #   header: "// Copyright {year} Your Company"
    # PACKAGE_OWNER: error
  # Paths whose findings are dropped; or per rule with ignore_only.
  ignore: []
  # ignore_only:
  #   COMMENT_FIELD: [legacy/]

breaking:
  # buf breaking categories: FILE (default), PACKAGE, WIRE_JSON, WIRE.
  use: [FILE]

# Owner of each package prefix (longest prefix wins), for PACKAGE_OWNER and docs.
owners:
${owners}

# Findings recorded by \`protogov baseline\` (only new findings fail); this is the default path.
# baseline: protogov.baseline.json

# Error number range allocated to each error domain (checked by the error rules).
error_ranges:
#   users.acme.example: { min: 10000, max: 19999 }

# What \`protogov generate\` builds and \`protogov publish\` releases (docs/publishing.md).
# Versions come from the API diff since the last release; tokens only from the
# environment variables named here.
# targets:
#   - name: ts
#     language: typescript            # becomes an npm package (compiled JS + .d.ts)
#     package: { name: "@your-org/apis" }
#     plugins: [{ name: es }, { name: errors }]
#     publish:
#       npm: { registry: "https://npm.your-org.example/", token_env: NPM_TOKEN }
#   - name: go
#     language: go                    # becomes a Go module (go.mod, go.sum); /vN from v2 on
#     go: { module: git.your-org.example/apis/go }
#     plugins: [{ name: go }, { name: go-grpc }, { name: errors, options: { lang: go } }]   # protogov installs the Go plugins; add { name: connect-go } for connect-go
#     publish:
#       git: { url: "https://git.your-org.example/apis.git", branch: main, directory: go, token_env: GIT_TOKEN }   # tags go/vX.Y.Z
#   - name: java
#     language: java                  # becomes a Maven project (pom.xml) with a maven: section
#     maven: { group_id: com.yourorg, artifact_id: apis }
#     plugins: [{ name: java }, { name: grpc-java }, { name: errors, options: { lang: java } }]   # protogov fetches protoc-gen-grpc-java
#     publish:
#       git: { url: "https://git.your-org.example/apis-java.git", branch: main, token_env: GIT_TOKEN }
#   - name: python
#     language: python                # becomes a pyproject.toml package with a python: section
#     python: { name: your-org-apis }
#     plugins: [{ name: python }, { name: pyi }, { name: grpc_python }, { name: errors, options: { lang: python } }]
#     publish:
#       git: { url: "https://git.your-org.example/apis-python.git", branch: main, token_env: GIT_TOKEN }   # pip install "git+<url>@vX.Y.Z"
#   - name: docs
#     language: docs
#     plugins: [{ name: docs, options: { format: html } }]
#     publish:
#       git: { url: "https://git.your-org.example/api-portal.git", branch: gh-pages, tag: false, token_env: GIT_TOKEN }
`;
}

/**
 * One module entry. The directories under it that hold .proto files protogov
 * skips anyway are written down as excludes, so the file says what is not the API.
 */
function renderModule(root: string, skipped: DetectedLayout["skipped"]): string {
  const under = skipped
    .filter((s) => root === "." || s.rel.startsWith(`${root}/`))
    .map((s) => ({ rel: root === "." ? s.rel : s.rel.slice(root.length + 1), reason: s.reason }));
  if (under.length === 0) return `  - path: ${root}\n    # excludes: [vendor]`;
  const why = under.map((s) => `    #   ${s.rel}: ${s.reason}`).join("\n");
  return `  - path: ${root}
    # Found holding .proto files that are not this API (protogov skips these anyway):
${why}
    excludes: [${under.map((s) => JSON.stringify(s.rel)).join(", ")}]`;
}
