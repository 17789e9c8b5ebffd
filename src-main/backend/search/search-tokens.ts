// Search tokens for the registers' FTS5 indexes, and the matching MATCH expressions.
// FTS5's trigram tokenizer cannot match 1–2 character queries, and most Chinese names are
// 2–3 characters, so we emit our own tokens: every CJK character and bigram, the full pinyin
// and the pinyin initials from each character to the end (so a prefix query finds "zhihong"
// and "zh" inside 李志红), and every suffix of each Latin/digit word (so "5678" finds a phone).
import { pinyin } from 'pinyin-pro'
import { normalizeSearchText } from '../../shared/validators/normalize'

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g
const WORD = /[a-z0-9]+/g

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function cjkTokens(run: string, asName: boolean, out: Set<string>): void {
  const chars = [...run]
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i] ?? '')
    if (i + 1 < chars.length) out.add((chars[i] ?? '') + (chars[i + 1] ?? ''))
  }
  // Long free text only needs pinyin near the start of each run; cap the suffix count.
  const syllables = pinyin(run, {
    toneType: 'none',
    type: 'array',
    ...(asName ? { surname: 'head' } : {}),
  })
  const limit = Math.min(syllables.length, 12)
  for (let i = 0; i < limit; i++) {
    const rest = syllables.slice(i, i + 12)
    out.add(rest.join(''))
    out.add(rest.map((s) => s[0] ?? '').join(''))
  }
}

function wordTokens(word: string, out: Set<string>): void {
  const w = word.slice(0, 24)
  for (let i = 0; i < w.length; i++) out.add(w.slice(i))
}

/** Tokens for one record: `name` gets surname-aware pinyin (单 → shan). */
export function searchTokens(values: { text: string; asName?: boolean }[]): string {
  const out = new Set<string>()
  for (const { text, asName } of values) {
    const folded = fold(text)
    for (const run of folded.match(CJK) ?? []) cjkTokens(run, asName === true, out)
    for (const word of folded.match(WORD) ?? []) wordTokens(word, out)
  }
  out.delete('')
  return [...out].join(' ')
}

export interface SearchPlan {
  /** FTS5 MATCH expression, or null when the query has nothing searchable. */
  match: string | null
  /** CJK runs longer than 2 characters, to confirm as real substrings after the index lookup. */
  verify: string[]
}

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`

export function planSearch(query: string): SearchPlan {
  // 「138-8888」 and 「１３８ ８８８８」 look for the digits as stored (13888889999).
  const folded = fold(normalizeSearchText(query))
  const parts: string[] = []
  const verify: string[] = []
  for (const run of folded.match(CJK) ?? []) {
    const chars = [...run]
    if (chars.length <= 2) parts.push(quote(run))
    else {
      for (let i = 0; i + 1 < chars.length; i++)
        parts.push(quote((chars[i] ?? '') + (chars[i + 1] ?? '')))
      verify.push(run)
    }
  }
  for (const word of folded.match(WORD) ?? []) parts.push(`${quote(word.slice(0, 24))}*`)
  return { match: parts.length ? [...new Set(parts)].join(' AND ') : null, verify }
}

const keyMemo = new Map<string, string>()

/**
 * Pinyin keys for matching short pick lists in the UI (full pinyin and initials, e.g.
 * "zhangzhihong zzh"), memoised because pick lists are asked for again and again.
 */
export function pinyinKeys(text: string, asName = false): string {
  const memoKey = `${asName ? 'n' : 't'}:${text}`
  let keys = keyMemo.get(memoKey)
  if (keys === undefined) {
    const syllables = pinyin(fold(text), {
      toneType: 'none',
      type: 'array',
      ...(asName ? { surname: 'head' } : {}),
    })
    keys = `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`
    if (keyMemo.size > 50_000) keyMemo.clear()
    keyMemo.set(memoKey, keys)
  }
  return keys
}
