// The one place where typed and imported text is normalised before it is checked: full-width
// characters from a Chinese input method, dashes and spaces in phone numbers, ｘ in ID numbers,
// 2026．11 / 2026年11月 dates, and lists typed with Chinese punctuation. Forms (through the
// shared zod schemas), import, search and the CLI all call these.

/** Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

// Hyphen look-alikes a phone number is written with: ‐ ‑ ‒ – — ― − ー and the full-width ones.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFE58\uFE63\uFF0D]/g

/**
 * 「１３８－８８８８－９９９９」, 「138 8888 9999」, 「+86 138…」 → 13888889999; a landline keeps one
 * dash after its area code (0871 12345678 → 0871-12345678; (0871)12345678 too).
 */
export function normalizePhone(raw: string): string {
  let s = toHalfWidth(raw).replace(DASHES, '-').trim()
  s = s.replace(/^\((0\d{2,3})\)\s*/, '$1-')
  s = s.replace(/\s+/g, '-').replace(/-{2,}/g, '-')
  const digits = s.replace(/-/g, '')
  const mobile = /^(?:\+?86)?(1\d{10})$/.exec(digits)
  if (mobile?.[1] && /^[\d+-]+$/.test(s)) return mobile[1]
  return s.replace(/^-|-$/g, '')
}

/** 身份证号 as typed or pasted: half-width, no spaces, ｘ/x → X. */
export function normalizeIdCard(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase()
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date or month in any common written form (2026-11-22, 2026.11.22, 2026/11/22, 2026年11月22日,
 * 20261122, ２０２６．１１) → 2026-11-22 / 2026-11, or null when it is not a real date.
 * A 'month' accepts a full date and keeps its month; a 'date' needs the day.
 */
export function parseDateText(raw: string, kind: 'date' | 'month'): string | null {
  const s = toHalfWidth(raw)
    .replace(/[。．]/g, '.')
    .trim()
  const m =
    /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(?:(\d{1,2})\s*日?)?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})?$/.exec(s)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = m[3] ? Number(m[3]) : 1
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (y < 1900 || mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  if (kind === 'month') return `${y}-${pad(mo)}`
  if (!m[3]) return null
  return `${y}-${pad(mo)}-${pad(d)}`
}

/** Date text as the form's schema stores it; text that is no date is left for the check to refuse. */
export function normalizeDateText(raw: string, kind: 'date' | 'month'): string {
  const t = raw.trim()
  if (t === '') return ''
  return parseDateText(t, kind) ?? t
}

/** 「急救培训，心理疏导」 and 「法律;调解」 are two tags each: split on 、,，;；/| and new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A search box query: half-width, and digit groups joined (138-8888 / 138 8888 → 1388888). */
export function normalizeSearchText(raw: string): string {
  return toHalfWidth(raw)
    .replace(DASHES, '-')
    .replace(/(\d)[\s-]+(?=\d)/g, '$1')
    .trim()
}
