// Runs the vendored lunr + lunr.de in node the way the browser runs them: as classic scripts that
// define the global `lunr`, which theme/static/js/lib/search-core.js reads German words through.
import fs from "node:fs";
import vm from "node:vm";

const vendor = new URL("../../theme/static/vendor/", import.meta.url);
for (const file of ["lunr/lunr.min.js", "lunr-languages/lunr.stemmer.support.min.js", "lunr-languages/lunr.de.min.js"]) {
  const url = new URL(file, vendor);
  vm.runInThisContext(fs.readFileSync(url, "utf8"), { filename: url.pathname });
}

export default globalThis.lunr;
