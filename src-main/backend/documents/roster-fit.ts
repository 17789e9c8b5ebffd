// Roster column widths sized from the data before rendering: the template's {#rows} table keeps
// its columns (the user's choice) and total width, but each column gets the width its values
// need, so 所属网格 and 专业特长 stop wrapping to four lines while 备注 sits empty, and 300
// talents print on the fewest pages that stay readable.
import PizZip from 'pizzip'
import { textWidth } from './layout-text'
import type { DocData } from './render-docx'

/** The value below which share of the values fall (0..1), by width in characters. */
function quantile(values: number[], share: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0
}

export interface Column {
  /** Narrowest readable width (characters): the header in two lines at most. */
  floor: number
  /** Width of the value below which four in five values fall (codes: the widest). */
  typical: number
  /** Codes (dates, phones, numbers) never wrap. */
  code: boolean
  /** Values hold marks that may not start or end a line (（、“), so a split needs a spare character. */
  marks: boolean
}

const CODE = /^[\d.*\-:—~ ]*$/

function columnNeeds(header: string, values: string[]): Column {
  const lines = values.flatMap((v) => v.split('\n'))
  const widths = lines.map(textWidth)
  const full = Math.max(...header.split('\n').map(textWidth), 1)
  const head = full <= 2 ? full : Math.ceil(full / 2)
  // Names and other values of up to three characters never wrap either.
  const code = lines.every((l) => CODE.test(l)) || quantile(widths, 1) <= 3
  const typical = code ? quantile(widths, 1) : quantile(widths, 0.8)
  const marks = lines.some((l) => /[（(“‘《〔、，；：）)”’》〕]/.test(l))
  return { floor: Math.max(head, code ? typical : 1), typical, code, marks }
}

/**
 * Widths (characters) summing to total: the fewest lines per row (1, 2, 3…) at which four in
 * five values of every column fit, codes on one line; room to spare goes to the columns whose
 * longest values still wrap.
 */
export function fitWidths(cols: readonly Column[], total: number): number[] {
  let w = cols.map((c) => c.floor)
  for (let lines = 1; lines <= 6; lines++) {
    // One character more than the split needs where a line may not end with （ nor start
    // with ）or 、.
    const t = cols.map((c) =>
      c.code
        ? c.floor
        : Math.max(c.floor, Math.ceil(c.typical / lines) + (lines > 1 && c.marks ? 1 : 0)),
    )
    if (t.reduce((a, b) => a + b, 0) <= total) {
      w = t
      break
    }
  }
  let spare = total - w.reduce((a, b) => a + b, 0)
  const gap = (i: number) =>
    cols[i]?.code ? 0 : Math.max(0, (cols[i]?.typical ?? 0) - (w[i] ?? 0))
  // Cheapest first: a column that one more character puts back on one line (党政机关) gets it.
  const order = cols.map((_, i) => i).filter((i) => gap(i) > 0)
  order.sort((a, b) => gap(a) - gap(b))
  for (const i of order) {
    if (gap(i) > spare) break
    spare -= gap(i)
    w[i] = cols[i]?.typical ?? 0
  }
  const gaps = cols.map((_, i) => gap(i))
  const sum = gaps.reduce((a, b) => a + b, 0)
  return w.map((x, i) => x + (sum > 0 ? (spare * (gaps[i] ?? 0)) / sum : spare / w.length))
}

const textOf = (xml: string) =>
  xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((t) => t !== '')
    .join('\n')

/**
 * The template with its {#rows} table's columns resized for these rows; the template as it
 * was when it has no such table or uses merged cells there.
 */
export function fitRosterColumns(template: Buffer, rows: DocData[]): Buffer {
  // A file that is not a Word document is left for the template check to explain.
  let zip: PizZip
  try {
    zip = new PizZip(template)
  } catch {
    return template
  }
  const xml = zip.file('word/document.xml')?.asText() ?? ''
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
  const found = tables.find((t) => /\{#\s*rows\s*\}/.test(textOf(t[0])))
  if (!found || /gridSpan|vMerge/.test(found[0])) return template
  const tbl = found[0]
  const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
  const trs = [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0])
  const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0])
  const loopRow = trs.findIndex((tr) => /\{#\s*rows\s*\}/.test(textOf(tr)))
  const header = trs[loopRow - 1]
  const loopCells = cellsOf(trs[loopRow] ?? '')
  if (!header || loopCells.length !== grid.length) return template
  const heads = cellsOf(header).map(textOf)
  const keys = loopCells.map(
    (c) => /\{\s*([a-z_]+)\s*\}/.exec(textOf(c).replace(/\{[#/]\s*rows\s*\}/g, ''))?.[1] ?? '',
  )
  const size = Number(/<w:sz w:val="(\d+)"/.exec(loopCells[0] ?? '')?.[1] ?? 21) * 10
  const pad = Number(/<w:left w:w="(\d+)"/.exec(tbl)?.[1] ?? 57) * 2 + 20
  const total = grid.reduce((a, b) => a + b, 0)
  const needs = keys.map((k, i) =>
    columnNeeds(
      heads[i] ?? '',
      rows.map((r) => (k ? String(r[k] ?? '') : String(i + 1))),
    ),
  )
  const chars = fitWidths(needs, (total - pad * grid.length) / size)
  const widths = chars.map((c) => Math.floor(c * size + pad))
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + total - widths.reduce((a, b) => a + b, 0)
  let next = tbl.replace(
    /<w:tblGrid>[\s\S]*?<\/w:tblGrid>/,
    () => `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  )
  next = next.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (tr) => {
    let i = 0
    return tr.replace(
      /<w:tcW w:w="\d+" w:type="dxa"\/>/g,
      () => `<w:tcW w:w="${widths[i++] ?? 0}" w:type="dxa"/>`,
    )
  })
  zip.file(
    'word/document.xml',
    xml.replace(tbl, () => next),
  )
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer
}
