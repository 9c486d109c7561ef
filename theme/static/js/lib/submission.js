/* From a finished record file to the editors: GitHub's new-file page with the text filled in, an
   e-mail to the editors, or (for an existing record) GitHub's edit page; and the input the form
   refuses with a German message before it writes a file. DOM-free; tests/js/submission.test.mjs. */

// Longer links are cut off by browsers, mail programs or the host; then the text goes by clipboard.
export const LINK_LIMIT = 8000;
export const UNSET_ADDRESS = "auszufüllen";

/** GitHub's page for a new file with name and text filled in; GitHub forks and opens the pull request
    for people without write access. {url, fits}: without `fits` the url carries the name only. */
export function githubNewFile({ repository, branch, folder, name, text }) {
  const base = `${repository}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(`${folder}/${name}`)}`;
  const full = `${base}&value=${encodeURIComponent(text)}`;
  return full.length <= LINK_LIMIT ? { url: full, fits: true } : { url: base, fits: false };
}

/** GitHub's editor for an existing file: it cannot be filled by a link, the text goes by clipboard. */
export function githubEdit({ repository, branch, folder, name }) {
  return `${repository}/edit/${encodeURIComponent(branch)}/${folder}/${encodeURIComponent(name)}`;
}

/** mailto: with subject and body (RFC 6068: %20 for spaces, CRLF line ends). {url, fits}: without
    `fits` the body only asks to paste the copied file. */
export function mailto({ address, subject, body, shortBody = "" }) {
  const to = address ? encodeURIComponent(address).replace(/%40/g, "@") : "";
  const make = (text) => `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text.replace(/\r?\n/g, "\r\n"))}`;
  const full = make(body);
  return full.length <= LINK_LIMIT ? { url: full, fits: true } : { url: make(shortBody), fits: false };
}

/** The body of a mail that carries a record file. */
export function mailBody({ name, text, correction }) {
  const intro = correction
    ? `Guten Tag,\n\nhier ist die verbesserte Datei ${name} für den Praxiskatalog. Was ich geändert habe und woher die Angaben stammen:\n\n\n`
    : `Guten Tag,\n\nhier ist mein Vorschlag für den Praxiskatalog als Datei ${name}. Die Quelle steht in der Datei.\n\n`;
  return `${intro}----- ${name} -----\n${text}----- Ende der Datei -----\n`;
}

/** A title the file name can be made of: at least one letter or digit. */
export function titleProblem(title) {
  if (typeof title !== "string" || !title.trim()) return null;  // "required" says it
  if (!/[\p{L}\p{N}]/u.test(title)) {
    return "Der Titel braucht Buchstaben oder Ziffern: Satzzeichen oder Emojis allein ergeben keinen Namen für die Datei.";
  }
  return null;
}

const TAG = /<\/?[A-Za-z][^<>]*>/;

/** Text from the form is shown as text: HTML tags would appear literally (or be removed), so they are refused. */
export function htmlProblem(text, body = false) {
  if (typeof text !== "string" || !TAG.test(text)) return null;
  return body
    ? "Bitte keine HTML-Tags wie <b> oder <script>: Der Beschreibungstext wird in Markdown geschrieben (## Überschrift, - Aufzählung, **fett**)."
    : "Bitte keine HTML-Tags wie <b> oder <script>: Der Katalog zeigt diese Angabe als reinen Text.";
}

/** "Der Text ist zu lang: höchstens 300 Zeichen, jetzt 10.000." */
export function tooLongMessage(limit, length) {
  const de = (n) => n.toLocaleString("de-DE");
  return `Der Text ist zu lang: höchstens ${de(limit)} Zeichen, jetzt ${de(length)}. Bitte kürzen; Einzelheiten gehören in den Beschreibungstext.`;
}
