/** AIP-192: comments hold no Markdown headings (api-linter core::0192::no-markdown-headings). */
import { commentLineRule } from "./comment-rules.js";

const HEADING = /^\s*#+ /;

export default commentLineRule({
  name: "no-markdown-headings",
  description: "Comments hold no Markdown headings (`# Title`).",
  rationale: "Generated docs place comments inside their own structure; a heading there breaks the page's outline.",
  message: "Comments should not include Markdown headings.",
  bad: (line) => HEADING.test(line),
});
