// Sort keys that make SQLite's plain byte order come out in pinyin order, the way Excel and
// WPS sort Chinese (陈 before 丁 before 万), stored in a `sort_key` column filled on write.
// Each character becomes its toned syllable (chen2) and the keys compare syllable by
// syllable; numbers compare by value (第2网格 before 第10网格, 第二 before 第十), and the text
// itself breaks ties so the same characters stay together.
import { pinyin } from 'pinyin-pro'

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const NUMERAL: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 十二 → 12, 二十 → 20, 一百零五 → 105; null when the run is not a number we read. */
function chineseNumber(run: string): number | null {
  let total = 0
  let digit = 0
  for (const c of run) {
    if (c in NUMERAL) digit = NUMERAL[c] ?? 0
    else if (c === '十' || c === '百' || c === '千') {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000
      total += (digit || 1) * unit
      digit = 0
    } else return null
  }
  return total + digit
}

const number = (n: number | string) => String(n).padStart(10, '0')

// Ordinal numerals (第十二网格, 十二号楼) are read as numbers; other 一 / 十 stay words.
const ORDINAL =
  /(第)([零〇一二两三四五六七八九十百千]+)|([零〇一二两三四五六七八九十百千]+)(?=[号栋楼组片区])/g

/** The key for one name; `asName` reads a leading surname the way surnames are read (单 → shan). */
export function sortKey(text: string, asName = false): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(
      ORDINAL,
      (_m, di: string | undefined, a: string | undefined, b: string | undefined) => {
        const run = a ?? b ?? ''
        const n = chineseNumber(run)
        return (di ?? '') + (n === null ? run : `\uE000${n}\uE001`)
      },
    )
  const parts: string[] = []
  // Runs: Chinese characters, a number (digits or a read numeral), Latin letters.
  for (const m of folded.matchAll(/[\u3400-\u9fff\uf900-\ufaff]+|\uE000(\d+)\uE001|\d+|[a-z]+/g)) {
    const run = m[0]
    if (m[1] !== undefined) parts.push(number(m[1]))
    else if (/^\d/.test(run)) parts.push(number(run.slice(0, 10)))
    else if (CJK.test(run))
      parts.push(
        ...pinyin(run, {
          toneType: 'num',
          type: 'array',
          ...(asName && parts.length === 0 ? { surname: 'head' } : {}),
        }),
      )
    else parts.push(run)
  }
  // Separator below every letter and digit, then the text itself for ties.
  return `${parts.join(' ')}\u0001${text}`
}
