/**
 * Every token protogov reads for publishing is registered here, and every
 * text that may reach the user (tool output, errors, summaries) goes through
 * `scrub`: the token values themselves are replaced, and so are credentials
 * in URLs (core/engines/git/git.ts `redact`), whatever tool printed them.
 */

import { redact } from "../../engines/git/git.js";
import { ConfigError } from "../../model/errors.js";

export class Secrets {
  private readonly values = new Set<string>();

  /** The value of `envName`, registered for scrubbing; a clear error when it is unset. */
  require(envName: string, purpose: string): string {
    const value = process.env[envName];
    if (!value) {
      throw new ConfigError(`${purpose} needs a token in the environment variable ${envName}, which is not set`, {
        hint: `export ${envName}=... (in CI: a masked secret variable); protogov never reads tokens from files or flags`,
      });
    }
    this.add(value);
    return value;
  }

  add(value: string): void {
    if (value.length >= 4) this.values.add(value);
  }

  scrub(text: string): string {
    let out = redact(text);
    for (const value of this.values) {
      out = out.split(value).join("***");
      const encoded = encodeURIComponent(value);
      if (encoded !== value) out = out.split(encoded).join("***");
    }
    return out;
  }
}
