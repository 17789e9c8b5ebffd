// Text laid out for print by the data layer, where the template cannot: titles broken where
// the meaning allows (GB/T 9704 §7.3.1) and the 落款 placed to the character (§7.3.5.2).

/** Width in full characters (digits and Latin letters count half, as in 仿宋_GB2312). */
export const textWidth = (s: string) =>
  [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0)

const CJK = /^[\u3400-\u9fff]$/
const DIGIT_END = /\d$/
const UNIT_START = /^[年月日次期届号季]/
/** Single characters that close a phrase: a break may follow them. */
const CLOSES = new Set(['次', '期', '届', '的', '暨'])
const NO_START = /^[、，。；：！？”’）》〕】的]/
const NO_END = /[“‘（《〔【第]$/

function breakAllowed(left: string, right: string): boolean {
  if (NO_START.test(right) || NO_END.test(left)) return false
  if (DIGIT_END.test(left) && (UNIT_START.test(right) || /^\d/.test(right))) return false
  const single = (s: string) => CJK.test(s)
  if (right === '暨' || right.startsWith('关于')) return true
  if (left.endsWith('年') && right === '第') return false
  if (single(left) && single(right)) return CLOSES.has(left)
  return true
}

/** A boundary between phrases, not just between words: where a title line should end. */
const strong = (left: string, right: string) =>
  /(次|期|届|会议|会|的|社区|委员会|党委|、)$/.test(left) || /^(暨|关于|党建|议定|工作)/.test(right)

/**
 * A title of more than one line broken at word boundaries into the fewest lines of at most
 * perLine characters, as even as possible (longer lines first: the 梯形 of §7.3.1). Lines are
 * joined with \n (a line break in the document).
 */
export function breakTitle(title: string, perLine: number): string {
  if (textWidth(title) <= perLine) return title
  const parts = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)].map(
    (s) => s.segment,
  )
  // Cut points: indexes into parts after which a line may end.
  const cuts = parts
    .slice(0, -1)
    .flatMap((p, i) => (breakAllowed(p, parts[i + 1] ?? '') ? [i + 1] : []))
  const weak = new Set(cuts.filter((c) => !strong(parts[c - 1] ?? '', parts[c] ?? '')))
  const w = parts.map(textWidth)
  const span = (a: number, b: number) => w.slice(a, b).reduce((x, y) => x + y, 0)
  const total = span(0, parts.length)
  for (let lines = Math.ceil(total / perLine); lines <= 4; lines++) {
    const ideal = total / lines
    let best: { cost: number; at: number[] } | null = null
    const walk = (from: number, left: number, at: number[], cost: number) => {
      if (best && cost >= best.cost) return
      if (left === 1) {
        const last = span(from, parts.length)
        if (last > perLine) return
        const c = cost + (last - ideal) ** 2 + (last > ideal ? 0 : 0.1)
        if (!best || c < best.cost) best = { cost: c, at }
        return
      }
      for (const cut of cuts) {
        if (cut <= from) continue
        const width = span(from, cut)
        if (width > perLine) break
        const penalty = (width - ideal) ** 2 - (width >= ideal ? 0.1 : 0) + (weak.has(cut) ? 9 : 0)
        walk(cut, left - 1, [...at, cut], cost + penalty)
      }
    }
    walk(0, lines, [], 0)
    const found = best as { at: number[] } | null
    if (found) {
      const bounds = [0, ...found.at, parts.length]
      return bounds
        .slice(0, -1)
        .map((a, i) => parts.slice(a, bounds[i + 1]).join(''))
        .join('\n')
    }
  }
  return title
}

const pad = (chars: number) =>
  chars <= 0 ? '' : '\u3000'.repeat(Math.floor(chars)) + (chars % 1 >= 0.5 ? '\u2002' : '')

/**
 * The 落款 without a seal (GB/T 9704 §7.3.5.2) on a line of perLine characters: the 署名 two
 * characters in from the right, the 成文日期 below it starting two characters further right;
 * when the date is the longer, the date keeps two characters from the right and the 署名
 * moves right. Leading full-width (and half-width) spaces place them, so Word, WPS and
 * LibreOffice all put them in the same spot. A 署名 too long for the line is left to wrap.
 */
export function signatureLines(org: string, date: string, perLine = 28) {
  const lo = textWidth(org)
  const ld = textWidth(date)
  let orgAt = perLine - 2 - lo
  let dateAt = orgAt + 2
  if (dateAt + ld > perLine - 2) {
    dateAt = perLine - 2 - ld
    orgAt = dateAt - 2
  }
  return { sign_org: `${pad(orgAt)}${org}`, sign_date: `${pad(Math.max(dateAt, 2))}${date}` }
}
