// Cell-level helpers for reading a street form with exceljs: a cell's text through its merge
// master, formulas, column letters and the sheet's merged ranges.
import type ExcelJS from 'exceljs'

export function columnLetter(col: number): string {
  let s = ''
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.master.value
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim()
    if ('formula' in v || 'sharedFormula' in v) return ''
    if ('text' in v) return String(v.text).trim()
    return ''
  }
  return String(v).trim()
}

export function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)
}

export interface Merge {
  top: number
  left: number
  bottom: number
  right: number
}

function decode(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) ?? ['', 'A', '1']
  let col = 0
  for (const ch of m[1] ?? 'A') col = col * 26 + ch.charCodeAt(0) - 64
  return { row: Number(m[2]), col }
}

export function mergesOf(sheet: ExcelJS.Worksheet): Merge[] {
  return (sheet.model.merges ?? []).map((range) => {
    const [a, b] = range.split(':')
    const tl = decode(a ?? 'A1')
    const br = decode(b ?? a ?? 'A1')
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col }
  })
}
