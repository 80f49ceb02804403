/**
 * A Java target end to end: protogov fetches protoc-gen-grpc-java itself
 * (pinned, `mvn dependency:copy` into its cache), publishes proto-examples as
 * a Maven project to a local bare git repository (tags vX.Y.Z); `mvn install`
 * of the tagged checkout (Maven repository .cache/m2), then a consumer Maven
 * project compiles against it and its client calls a TypeScript server
 * (connect-node, gRPC) and catches the typed error through fromThrowable.
 * A feature is a minor, a breaking change a major, a re-run changes nothing,
 * CHANGELOG.md grows with each release, and a PATH without mvn is a clear
 * exit 2.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { runCli } from "../support/run-cli.js";
import { addField, bareRemote, git, removeField, tempDir } from "./api-project.js";
import { assertChangelog, assertMissingTool, checkout, langApiProject, langEnv, mavenRepo, pathWithout, publish } from "./lang-package.js";
import { startTsUsersServer, type TsServer } from "./ts-users-server.js";

const runAsync = promisify(execFile);
const GROUP = "test.protogov.mavenproject";
let remote: string;
let api: string;
let server: TsServer | undefined;

const CLIENT = `import acme.users.v1.GovernedException;
import acme.users.v1.UserServiceGrpc;
import acme.users.v1.Users;
import acme.users.v1.UsersErrors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;

public final class Client {
  public static void main(String[] args) {
    ManagedChannel channel = Grpc.newChannelBuilder(args[0], InsecureChannelCredentials.create()).build();
    try {
      UserServiceGrpc.newBlockingStub(channel).getUser(Users.GetUserRequest.newBuilder().setUserId(args[1]).build());
      System.out.println("no error");
    } catch (StatusRuntimeException e) {
      GovernedException err = UsersErrors.fromThrowable(e).orElseThrow();
      UsersErrors.UserNotFoundException typed = (UsersErrors.UserNotFoundException) err;
      System.out.println(err.getClass().getSimpleName() + " user=" + typed.userId() + " reason=" + typed.reason()
          + " is=" + UsersErrors.UserNotFoundException.matches(e));
    } finally {
      channel.shutdownNow();
    }
  }
}
`;

function consumerPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>test.protogov</groupId>
  <artifactId>consumer</artifactId>
  <version>0.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>${GROUP}</groupId><artifactId>acme-apis</artifactId><version>${version}</version></dependency>
    <dependency><groupId>io.grpc</groupId><artifactId>grpc-netty-shaded</artifactId><version>1.85.1</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
`;
}

function project(): string {
  return langApiProject(`  - name: java
    language: java
    maven: { group_id: ${GROUP}, artifact_id: acme-apis, description: Acme APIs }
    version: { initial: 1.0.0 }
    plugins:
      - name: java
      - name: grpc-java
      - name: errors
        options: { lang: java }
    publish:
      git: { url: "${remote}", branch: main }`);
}

function mvn(dir: string, ...args: string[]): string {
  return execFileSync("mvn", ["-q", "-B", ...args], {
    cwd: dir,
    env: { ...process.env, ...langEnv },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `mvn install` of the tagged checkout, a consumer compiled against it, its client run against the TS server. */
async function consume(tag: string, version: string): Promise<string> {
  let started = Date.now();
  mvn(checkout(remote, tag), "install");
  const installMs = Date.now() - started;
  started = Date.now();
  const dir = tempDir("protogov-java-consumer-");
  mkdirSync(join(dir, "src", "main", "java"), { recursive: true });
  writeFileSync(join(dir, "pom.xml"), consumerPom(version));
  writeFileSync(join(dir, "src", "main", "java", "Client.java"), CLIENT);
  mvn(dir, "compile", "dependency:build-classpath", `-Dmdep.outputFile=${join(dir, "cp.txt")}`);
  const consumerMs = Date.now() - started;
  const classpath = `${join(dir, "target", "classes")}:${readFileSync(join(dir, "cp.txt"), "utf8").trim()}`;
  const r = await runAsync("java", ["-cp", classpath, "Client", server?.address ?? "", "u-42"], { encoding: "utf8" });
  console.log(`java ${tag}: mvn install ${installMs} ms, consumer compile ${consumerMs} ms`);
  return r.stdout.trim();
}

const forgetInstalled = () => rmSync(join(mavenRepo, ...GROUP.split(".")), { recursive: true, force: true });

before(async () => {
  forgetInstalled();
  remote = bareRemote();
  api = project();
  server = await startTsUsersServer();
});

after(async () => {
  await server?.close();
  forgetInstalled();
});

describe("Maven project published to git", { concurrency: false }, () => {
  it("dry run shows the version, the files and the changelog", async () => {
    const r = await runCli(["publish", "--dry-run"], { cwd: api, env: langEnv });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /java: 1\.0\.0 \(major\)/);
    assert.match(r.stdout, /A pom\.xml/);
    assert.match(r.stdout, /A src\/main\/java\/acme\/common\/v1\/Address\.java/);
    assert.match(r.stdout, /changelog:\n\s+Initial release\./);
    assert.equal(git(remote, "tag", "--list"), "");
  });

  it("publishes v1.0.0; mvn install of the tag, a consumer compiles against it and catches the typed error from a TS server", async () => {
    const started = Date.now();
    await publish(api);
    const publishMs = Date.now() - started;
    const pom = git(remote, "show", "v1.0.0:pom.xml");
    assert.match(pom, new RegExp(`<groupId>${GROUP.replaceAll(".", "\\.")}</groupId>`));
    assert.match(pom, /^ {2}<version>1\.0\.0<\/version>$/m);
    assert.match(pom, /<protobuf\.version>4\.36\.2<\/protobuf\.version>/);
    assert.match(pom, /<grpc\.version>1\.85\.1<\/grpc\.version>/);
    assert.match(pom, new RegExp(`<protogov\\.sourceCommit>${git(api, "rev-parse", "HEAD")}</protogov\\.sourceCommit>`));
    assertChangelog(remote, "v1.0.0", ["1.0.0 (major)"], git(api, "rev-parse", "HEAD"));
    assert.equal(await consume("v1.0.0", "1.0.0"), "UserNotFoundException user=u-42 reason=USER_NOT_FOUND is=true");
    console.log(`java: publish (generate + package + push) ${publishMs} ms`);
  });

  it("a feature is a minor release (v1.1.0); a breaking change the next major (v2.0.0), installable", async () => {
    const feature = addField(api);
    assert.match(await publish(api), /v1\.1\.0/);
    assert.match(git(remote, "show", "v1.1.0:pom.xml"), /^ {2}<version>1\.1\.0<\/version>$/m);
    assertChangelog(remote, "v1.1.0", ["1.1.0 (minor)", "1.0.0 (major)"], feature);
    const breaking = removeField(api);
    assert.match(await publish(api), /v2\.0\.0/);
    assertChangelog(remote, "v2.0.0", ["2.0.0 (major)", "1.1.0 (minor)", "1.0.0 (major)"], breaking);
    assert.equal(await consume("v2.0.0", "2.0.0"), "UserNotFoundException user=u-42 reason=USER_NOT_FOUND is=true");
  });

  it("publishing again changes nothing", async () => {
    const before = git(remote, "rev-parse", "main");
    assert.match(await publish(api), /nothing|unchanged/i);
    assert.equal(git(remote, "rev-parse", "main"), before);
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0", "v2.0.0"]);
  });

  it("without mvn on PATH, generate is a clear exit 2 naming what to install", async () => {
    await assertMissingTool(api, "mvn", /install Maven/);
  });

  it("a publish whose Java target fails (no mvn) publishes its Python target neither: nothing half-published", async () => {
    const pyRemote = bareRemote();
    const javaRemote = bareRemote();
    const both = langApiProject(`  - name: python
    language: python
    python: { name: acme-apis }
    plugins: [{ name: python }, { name: errors, options: { lang: python } }]
    publish:
      git: { url: "${pyRemote}", branch: main }
  - name: java
    language: java
    maven: { group_id: ${GROUP} }
    plugins: [{ name: java }, { name: grpc-java }]
    publish:
      git: { url: "${javaRemote}", branch: main }`);
    const r = await runCli(["publish"], {
      cwd: both,
      env: { ...langEnv, PATH: pathWithout("mvn"), PROTOGOV_CACHE_DIR: tempDir("protogov-java-nocache-") },
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /`mvn` is not on PATH/);
    for (const remote of [pyRemote, javaRemote]) {
      assert.equal(git(remote, "tag", "--list"), "");
      assert.equal(git(remote, "branch", "--list"), "");
    }
  });
});
