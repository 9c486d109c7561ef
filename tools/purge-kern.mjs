// Prints the rules of KERN's kern.css that our templates, scripts and plugins use (purgecss, pinned in package.json).
// argv: kern.css, then our stylesheets, "--", then the content globs. Our stylesheets are purged together with
// KERN's in one sheet so the tokens they use are kept; the output is cut before them at a marker rule.
import { readFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const [css, ...ours] = args.slice(0, split);
const content = args.slice(split + 1);
const MARKER = ".vendor-kern-end{color:inherit}";
const oursText = ours.map((file) => readFileSync(file, "utf8")).join("\n");
const raw = readFileSync(css, "utf8") + "\n" + MARKER + "\n" + oursText;
// purgecss follows a token only one step: keep every KERN token our sheets name directly (e.g. --focus → --kern-color-action-focus-default).
const ourTokens = [...new Set([...oursText.matchAll(/var\((--kern-[\w-]+)/g)].map((m) => m[1]))].sort();
const [result] = await new PurgeCSS().purge({
  css: [{ raw }],
  content,
  variables: true,   // drop custom properties (tokens) nothing refers to
  keyframes: true,
  fontFace: true,
  safelist: {
    variables: ourTokens,
    standard: ["vendor-kern-end", "html", "body", "details", "summary", "table", "th", "td", "tr", "ul", "ol", "li", "p", "a", "h1", "h2", "h3", "h4", "dl", "dt", "dd", "input", "select", "button", "label", "fieldset", "legend", "code", "pre", "blockquote", "img", "svg"],
  },
});
const cut = result.css.indexOf(".vendor-kern-end");
if (cut < 0) throw new Error("marker rule lost");
process.stdout.write(result.css.slice(0, cut));
