/**
 * Vietnamese text helpers shared by every module:
 * - `searchKey()` — the diacritic-free, lower-case form stored next to names and numbers so that a search for
 *   "dong da" or "Đống Đa" finds the same rows through a plain indexed LIKE on every database;
 * - `compareVi()` / `sortVi()` — Vietnamese alphabetical order (a ă â b c d đ e ê g … o ô ơ … u ư v x y,
 *   tones as a secondary difference, syllable by syllable), so "Ba Đình" comes before "Bắc Từ Liêm".
 */

const TONE_MARKS: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
}
const BREVE = '\u0306'
const CIRCUMFLEX = '\u0302'
const HORN = '\u031B'

/** The 29 letters of the Vietnamese alphabet (plus f j w z for foreign names) in their order. */
const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
]
const LETTER_RANK = new Map(ALPHABET.map((l, i) => [l, i]))

/** Lower-case, no tone or letter marks, đ → d, runs of anything but letters/digits → one space. */
export function searchKey(value: string | null | undefined): string {
  if (!value) return ''
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

interface Unit {
  letter: string
  tone: number
}

/** Splits a text into base letters (with ă â đ ê ô ơ ư as letters of their own) and their tones. */
function units(value: string): Unit[] {
  const out: Unit[] = []
  for (const ch of value.toLowerCase().normalize('NFC')) {
    const parts = ch.normalize('NFD')
    let letter = parts[0]
    let tone = 0
    for (const mark of parts.slice(1)) {
      if (mark in TONE_MARKS) tone = TONE_MARKS[mark]
      else if (mark === BREVE && letter === 'a') letter = 'ă'
      else if (mark === CIRCUMFLEX && 'aeo'.includes(letter))
        letter = { a: 'â', e: 'ê', o: 'ô' }[letter]!
      else if (mark === HORN && 'ou'.includes(letter)) letter = letter === 'o' ? 'ơ' : 'ư'
    }
    out.push({ letter, tone })
  }
  return out
}

function rankOf(letter: string): number {
  // Spaces and punctuation first (so "Ba Đình" < "Bắc"), then digits, then letters in Vietnamese order.
  if (/\s/.test(letter)) return -2
  const r = LETTER_RANK.get(letter)
  if (r !== undefined) return 1000 + r
  if (/[0-9]/.test(letter)) return 100 + Number(letter)
  return -1
}

/** Vietnamese alphabetical comparison: letters first, then tones, then the raw text as a tie-break. */
export function compareVi(a: string | null | undefined, b: string | null | undefined): number {
  const ua = units((a ?? '').trim())
  const ub = units((b ?? '').trim())
  const len = Math.min(ua.length, ub.length)
  for (let i = 0; i < len; i++) {
    const d = rankOf(ua[i].letter) - rankOf(ub[i].letter)
    if (d !== 0) return d < 0 ? -1 : 1
    if (rankOf(ua[i].letter) === -1 && ua[i].letter !== ub[i].letter) {
      return ua[i].letter < ub[i].letter ? -1 : 1
    }
  }
  if (ua.length !== ub.length) return ua.length < ub.length ? -1 : 1
  for (let i = 0; i < len; i++) {
    if (ua[i].tone !== ub[i].tone) return ua[i].tone < ub[i].tone ? -1 : 1
  }
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0
}

/** A sorted copy of `items` in Vietnamese alphabetical order of `key(item)`. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string | null | undefined): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)))
}

const KEY_DIGITS = '123456789abcdefghijklmnopqrstuvwxyz'
/** Ordinal of a character class for `viSortKey`: space, other punctuation, digits, then letters in order. */
function ordinalOf(letter: string): number {
  const r = rankOf(letter)
  if (r === -2) return 0
  if (r === -1) return 1
  if (r < 1000) return 2 + (r - 100)
  return 12 + (r - 1000)
}

/**
 * A stored collation key of `value` (users.name_key): a plain [0-9a-z] string whose byte order — and the order
 * of MariaDB's utf8mb4_unicode_ci, which sorts digits before letters — equals `compareVi` (letters first,
 * shorter first, then tones), so that `ORDER BY name_key` is Vietnamese alphabetical order on an index.
 * Two base-35 characters per letter, '0' as the separator (lower than any code), then one character per tone.
 */
export function viSortKey(value: string | null | undefined, max = 255): string {
  const us = units((value ?? '').trim().replace(/\s+/g, ' '))
  const code = (n: number) => KEY_DIGITS[Math.floor(n / 35)] + KEY_DIGITS[n % 35]
  const primary = us.map((u) => code(ordinalOf(u.letter))).join('')
  const tones = us.map((u) => String(u.tone + 1)).join('')
  return `${primary}0${tones}`.slice(0, max)
}
