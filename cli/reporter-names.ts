/** Kept apart from the reporters themselves so `--help` does not load them. */
export const REPORTER_NAMES = ["text", "json", "github", "sarif", "junit", "gitlab", "markdown"] as const;
