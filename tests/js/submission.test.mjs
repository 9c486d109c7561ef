// /mitmachen/: the links that carry a finished file to the editors, and the input refused before.
import test from "node:test";
import assert from "node:assert/strict";
import {
  LINK_LIMIT, githubEdit, githubNewFile, htmlProblem, mailBody, mailto, titleProblem, tooLongMessage,
} from "../../theme/static/js/lib/submission.js";

const REPO = "https://github.com/praxiskatalog/praxiskatalog";

test("GitHub new-file link carries folder, name and the exact text", () => {
  const text = "---\ntitle: \"Zweite Chance & mehr: 50 % #1\"\n---\n## Ziel\n\nÄrger? Nein.\n";
  const { url, fits } = githubNewFile({ repository: REPO, branch: "main", folder: "content/measures", name: "zweite-chance.md", text });
  assert.equal(fits, true);
  const parsed = new URL(url);
  assert.equal(parsed.origin + parsed.pathname, `${REPO}/new/main`);
  assert.equal(parsed.searchParams.get("filename"), "content/measures/zweite-chance.md");
  assert.equal(parsed.searchParams.get("value"), text);
});

test("a file too long for a link gets a link with the name only", () => {
  const text = "x".repeat(LINK_LIMIT);
  const { url, fits } = githubNewFile({ repository: REPO, branch: "main", folder: "content/measures", name: "a.md", text });
  assert.equal(fits, false);
  assert.equal(new URL(url).searchParams.get("value"), null);
  assert.ok(url.length < LINK_LIMIT);
});

test("edit link of an existing file", () => {
  assert.equal(githubEdit({ repository: REPO, branch: "main", folder: "content/measures", name: "jumita.md" }),
    `${REPO}/edit/main/content/measures/jumita.md`);
});

test("mailto carries address, subject and body with CRLF; unset address leaves the recipient empty", () => {
  const { url, fits } = mailto({ address: "redaktion@example.org", subject: "Vorschlag: Zweite Chance", body: "a & b\nc" });
  assert.equal(fits, true);
  assert.ok(url.startsWith("mailto:redaktion@example.org?subject=Vorschlag%3A%20Zweite%20Chance&body="));
  assert.equal(decodeURIComponent(url.split("&body=")[1]), "a & b\r\nc");
  assert.ok(mailto({ address: "", subject: "s", body: "b" }).url.startsWith("mailto:?subject="));
  const long = mailto({ address: "", subject: "s", body: "ü".repeat(LINK_LIMIT), shortBody: "Bitte einfügen." });
  assert.equal(long.fits, false);
  assert.equal(decodeURIComponent(long.url.split("&body=")[1]), "Bitte einfügen.");
});

test("the mail body holds the file between marker lines", () => {
  const body = mailBody({ name: "a.md", text: "---\ntitle: \"A\"\n---\n", correction: false });
  assert.ok(body.includes("----- a.md -----\n---\ntitle: \"A\"\n---\n----- Ende der Datei -----"));
  assert.ok(mailBody({ name: "a.md", text: "x\n", correction: true }).includes("verbesserte Datei a.md"));
});

test("titles without letters or digits, HTML tags and overlong text get German messages", () => {
  assert.match(titleProblem("!!! ... ???"), /Buchstaben oder Ziffern/);
  assert.match(titleProblem("🚀🎉"), /Emojis/);
  assert.equal(titleProblem("🚀 Start in den Beruf"), null);
  assert.equal(titleProblem("§ 16i"), null);
  assert.equal(titleProblem(""), null);
  assert.match(htmlProblem("<script>alert(1)</script>"), /HTML-Tags/);
  assert.match(htmlProblem("Text <b>fett</b>", true), /Markdown/);
  assert.equal(htmlProblem("Kosten < 5.000 € und > 1.000 €"), null);
  assert.equal(tooLongMessage(300, 10000), "Der Text ist zu lang: höchstens 300 Zeichen, jetzt 10.000. Bitte kürzen; Einzelheiten gehören in den Beschreibungstext.");
});
