/* The file name and address rule of plugins/records/template.py's slugify; tests/test_slug_parity.py
   holds both to the same result for every title, short name and vocabulary entry of the catalogue. */

const UMLAUTS = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue" };
const MAX_LENGTH = 60;

/** "Teilzeit für Mütter" -> "teilzeit-fuer-muetter"; "neuer-eintrag" when nothing usable is left. */
export function slugify(title) {
  // Python drops what NFKD cannot spell in ASCII (encode("ascii", "ignore")): accents, emoji, "§".
  let text = title.replace(/[äöüßÄÖÜ]/g, (c) => UMLAUTS[c]).normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  text = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return text.slice(0, MAX_LENGTH).replace(/^-+|-+$/g, "") || "neuer-eintrag";
}
