// Where a template problem is, in words a Word user can find: 第3段「现将议定事项…」, 第1个表格
// 第2行, 页眉 / 页脚. Paragraphs are counted in the body outside tables, as Word shows them.
import type PizZip from 'pizzip'
import type { TemplateProblem } from './template-problems'

export interface Place {
  /** The paragraph's text, runs joined. */
  text: string
  where: string
}

const textOf = (p: string) =>
  [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

const first = (t: string) => {
  const s = t.trim()
  return s.length > 12 ? `${s.slice(0, 12)}…` : s
}

/** Every paragraph of the body, headers and footers with a description of where it is. */
export function places(zip: PizZip): Place[] {
  const out: Place[] = []
  const body = zip.file('word/document.xml')?.asText() ?? ''
  let para = 0
  let table = 0
  // Tables and paragraphs in document order.
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = m[0]
    if (xml.startsWith('<w:tbl>')) {
      table++
      let row = 0
      for (const tr of xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
        row++
        for (const p of tr[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g))
          out.push({ text: textOf(p[0]), where: `第${table}个表格第${row}行` })
      }
    } else {
      para++
      const text = textOf(xml)
      out.push({ text, where: `正文第${para}段「${first(text)}」` })
    }
  }
  for (const name of Object.keys(zip.files).sort()) {
    const kind = /^word\/(header|footer)\d*\.xml$/.exec(name)?.[1]
    if (!kind) continue
    for (const p of (zip.file(name)?.asText() ?? '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g))
      out.push({ text: textOf(p[0]), where: kind === 'header' ? '页眉' : '页脚' })
  }
  return out
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The problem with （在…） added when its tag can be found in the template's text. */
export function withPlace(p: TemplateProblem, list: Place[]): TemplateProblem {
  if (!p.tag) return p
  // {#name} also matches { #name } as typed with spaces.
  const inner = /^\{([#^/@]?)(.*?)\}?$/.exec(p.tag)
  const pattern = inner
    ? new RegExp(
        `\\{\\s*${escape(inner[1] ?? '')}\\s*${escape((inner[2] ?? '').trim())}\\s*(\\}|$)`,
      )
    : null
  const hit = list.find((x) => x.text.includes(p.tag) || (pattern?.test(x.text) ?? false))
  return hit ? { ...p, message: `${p.message}（在${hit.where}）` } : p
}
