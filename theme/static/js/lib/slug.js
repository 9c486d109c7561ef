/* python-slugify's steps, as plugins/read/slugs.py calls it (German replacements, Unidecode, at most 60
   characters for a file name); tests/test_slug_parity.py holds both to the same result. */

import { ENTITIES, LETTERS } from "./transliteration.js";

const GERMAN = [["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"], ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ẞ", "SS"], ["§", ""]];
export const FILE_NAME_LENGTH = 60;
export const NO_NAME = "neuer-eintrag";

function replaceGerman(text) {
  return GERMAN.reduce((result, [from, to]) => result.split(from).join(to), text);
}

function transliterate(text) {
  let out = "";
  for (const character of text) {
    out += character <= "\x7f" ? character : (LETTERS[character] || "");
  }
  return out;
}

function decodeEntities(text) {
  // python-slugify decodes names, then decimal, then hexadecimal references, each all at once.
  text = text.replace(/&([A-Za-z0-9]+);/g, (match, name) =>
    Object.hasOwn(ENTITIES, name) ? String.fromCodePoint(ENTITIES[name]) : match);
  for (const [pattern, base] of [[/&#(\d+);/g, 10], [/&#x([\da-fA-F]+);/g, 16]]) {
    const codes = [...text.matchAll(pattern)].map((match) => parseInt(match[1], base));
    if (codes.every((code) => code <= 0x10ffff)) {
      text = text.replace(pattern, (match, digits) => String.fromCodePoint(parseInt(digits, base)));
    }
  }
  return text;
}

/** "§ 16a SGB II" -> "16a-sgb-ii"; "Teilzeit für Mütter" -> "teilzeit-fuer-muetter". */
export function slugify(text, maxLength = 0) {
  let slug = replaceGerman(text).replace(/'+/g, "-");
  slug = transliterate(slug.normalize("NFKD"));
  slug = decodeEntities(slug).normalize("NFKD").toLowerCase();
  slug = slug.replace(/'+/g, "").replace(/(?<=\d),(?=\d)/g, "");
  slug = slug.replace(/[^-a-z0-9]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
  slug = replaceGerman(slug);
  if (maxLength > 0 && slug.length >= maxLength) {
    slug = slug.slice(0, maxLength).replace(/^-+|-+$/g, "");
  }
  return slug;
}

/** A record's file name from its title: at most 60 characters, never empty. */
export function fileSlug(title) {
  return slugify(title, FILE_NAME_LENGTH) || NO_NAME;
}
