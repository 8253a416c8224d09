// Per-locale lookups for the person generator, built once per process: cumulative weights for the
// weighted picks, and every name as an email spells it, by list index. Records hold names, cities
// and countries as codes into one list of words: a record's fields are then small numbers in
// typed arrays, and every record with the same name shares one string.
import { cumulative } from './calendar';
import { asciiFold, emailPart, LOCALES } from './locales';

/** How each system writes phones (issues on): web has a phone widget, stores type national numbers. */
const PHONE_STYLE_WEIGHTS: readonly (readonly number[])[] = [
  // e164, national, national_grouped, intl_grouped, intl_00, national_brackets, intl_dashed
  [70, 10, 0, 20, 0, 0, 0],
  [10, 25, 45, 0, 5, 15, 0],
  [40, 0, 0, 35, 10, 0, 15],
];

export const MALE = 0, FEMALE = 1;

/** [locale][male 0 | female 1][index in the locale's list] */
type BySex<T> = readonly (readonly (readonly T[])[])[];

export interface NameTables {
  readonly countryCum: Float64Array;
  /** By locale. */
  readonly cityCum: readonly Float64Array[];
  readonly providerCum: readonly Float64Array[];
  /** By system (web, store, crm): weights of PHONE_STYLES. */
  readonly styleCum: readonly Float64Array[];
  /** How many first names there are, by locale and sex. */
  readonly firstNameCount: readonly (readonly number[])[];
  /** Names as emails spell them (`emailPart` with the locale's transliteration). */
  readonly firstParts: BySex<string>;
  /** Last names: the female form carries the locale's suffix. */
  readonly lastParts: BySex<string>;
  /** Word codes (see `words`) of the names, cities and countries, as written and in the ASCII
   *  spelling of the old store system. */
  readonly firstCodes: BySex<number>;
  readonly asciiFirstCodes: BySex<number>;
  readonly lastCodes: BySex<number>;
  readonly asciiLastCodes: BySex<number>;
  readonly cityCodes: readonly (readonly number[])[];
  readonly asciiCityCodes: readonly (readonly number[])[];
  readonly countryCodes: readonly number[];
}

/** Every word a record's name, city or country can be, by code. Only ever grows. */
const words: string[] = [];
const codes = new Map<string, number>();

/** The code of a word, added to the list if new. */
export function wordCode(word: string): number {
  let code = codes.get(word);
  if (code === undefined) {
    code = words.length;
    words.push(word);
    codes.set(word, code);
  }
  return code;
}

/** The words by code (shared: read it, never change it). */
export function wordList(): readonly string[] {
  return words;
}

let tables: NameTables | null = null;

export function nameTables(): NameTables {
  tables ??= buildNameTables();
  return tables;
}

function buildNameTables(): NameTables {
  const firstNames = LOCALES.map((l) => [l.maleNames, l.femaleNames]);
  const lastNames = LOCALES.map((l) => [l.lastNames, l.lastNames.map((n) => n + l.femaleSuffix)]);
  const each = <T>(names: readonly (readonly string[])[], f: (name: string) => T) => names.map((list) => list.map(f));
  const translit = (li: number) => LOCALES[li].translit;
  return {
    countryCum: cumulative(LOCALES.map((l) => l.weight)),
    cityCum: LOCALES.map((l) => cumulative(l.cities.map((c) => c[1]))),
    providerCum: LOCALES.map((l) => cumulative(l.providers.map((c) => c[1]))),
    styleCum: PHONE_STYLE_WEIGHTS.map((w) => cumulative(w)),
    firstNameCount: firstNames.map((bySex) => bySex.map((list) => list.length)),
    firstParts: firstNames.map((bySex, li) => each(bySex, (n) => emailPart(n, translit(li)))),
    lastParts: lastNames.map((bySex, li) => each(bySex, (n) => emailPart(n, translit(li)))),
    firstCodes: firstNames.map((bySex) => each(bySex, wordCode)),
    asciiFirstCodes: firstNames.map((bySex, li) => each(bySex, (n) => wordCode(asciiFold(n, translit(li))))),
    lastCodes: lastNames.map((bySex) => each(bySex, wordCode)),
    asciiLastCodes: lastNames.map((bySex, li) => each(bySex, (n) => wordCode(asciiFold(n, translit(li))))),
    cityCodes: LOCALES.map((l) => l.cities.map((c) => wordCode(c[0]))),
    asciiCityCodes: LOCALES.map((l, li) => l.cities.map((c) => wordCode(asciiFold(c[0], translit(li))))),
    countryCodes: LOCALES.map((l) => wordCode(l.code)),
  };
}
