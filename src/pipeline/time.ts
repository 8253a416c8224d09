// Numeric time: epoch milliseconds, UTC only. Never the wall clock, never the local time zone.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm; exact for all years here). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses the contract's timestamp form, `YYYY-MM-DDTHH:MM:SSZ` with optional milliseconds, and
 * only real dates and times. Returns NaN for anything else.
 */
export function parseIsoUtc(s: string): number {
  const m = ISO.exec(s);
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], se = +m[6];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) return NaN;
  const ms = m[7] ? +m[7].padEnd(3, '0') : 0;
  return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + se * SECOND + ms;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

// Formatting the date part is the slow half; rows of one day share it.
let cachedDay = NaN;
let cachedDate = '';

/** `YYYY-MM-DDTHH:MM:SSZ`; milliseconds only when present (the generator never makes them). */
export function formatIsoUtc(ms: number): string {
  const day = Math.floor(ms / DAY);
  if (day !== cachedDay) {
    const [y, m, d] = civilFromDays(day);
    cachedDay = day;
    cachedDate = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}T`;
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const mi = Math.floor(rest / MINUTE);
  rest -= mi * MINUTE;
  const s = Math.floor(rest / SECOND);
  const milli = rest - s * SECOND;
  const frac = milli ? '.' + String(milli).padStart(3, '0') : '';
  return `${cachedDate}${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}Z`;
}
