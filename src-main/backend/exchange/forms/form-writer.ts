// Writes records into the loaded copy of a street form, keeping everything the street made:
// title, fonts, fills, borders, number formats, widths, hidden columns, merged header, row
// heights, print area / titles / page setup. When the data needs more rows than the form left,
// the rows under the table (notes, 合计, 填报人) move down with their merges, and each extra row
// copies the style and height of the form's last styled data row.
import type ExcelJS from 'exceljs'
import { neutralizeCell } from '../../../shared/sheet-safety'
import { mergesOf } from './form-cells'
import type { LoadedForm } from './form-reader'
import type { FormValue } from './form-values'

/** A number format that shows a date (yyyy, m月, d日 …), not General, text or a plain number. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === '@' || /general/i.test(numFmt)) return false
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
  return /[yd]/i.test(bare) || /m/i.test(bare.replace(/[hs]+:?m+|m+:?s+/gi, ''))
}

function typed(v: FormValue, numFmt: string | undefined): ExcelJS.CellValue {
  if (v === null) return null
  if ('number' in v) return v.number
  if ('text' in v) return neutralizeCell(v.text)
  if (isDateFormat(numFmt)) return v.date
  const iso = v.date.toISOString()
  return v.kind === 'month' ? iso.slice(0, 7) : iso.slice(0, 10)
}

// A cell reference in a formula (D7, $D$7, AB12), not part of a name like LOG10( or a sheet name.
const REF = /(?<![A-Za-z0-9_$.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g

/** The formula with each relative row reference passed through `move` (absolute ones kept). */
export function shiftFormula(
  formula: string,
  move: (row: number, rangeEnd: boolean) => number,
): string {
  return formula.replace(REF, (all, col: string, abs: string, row: string, at: number) =>
    abs ? all : `${col}${move(Number(row), formula[at - 1] === ':')}`,
  )
}

function copyRow(
  sheet: ExcelJS.Worksheet,
  from: number,
  to: number,
  width: number,
  values: boolean,
) {
  const src = sheet.getRow(from)
  const dst = sheet.getRow(to)
  if (src.height) dst.height = src.height
  dst.hidden = src.hidden
  for (let c = 1; c <= width; c++) {
    const s = src.getCell(c)
    const d = dst.getCell(c)
    d.style = s.style
    // A drop-down list (性别 男/女) or number rule on the form's rows goes with the row.
    if (s.dataValidation) d.dataValidation = s.dataValidation
    if (values) d.value = s.formula ? { formula: s.formula } : s.value
  }
}

/** Moves rows first..last down by `by`, merges included (exceljs would leave merges behind). */
function moveDown(
  sheet: ExcelJS.Worksheet,
  first: number,
  last: number,
  by: number,
  width: number,
) {
  const moving = mergesOf(sheet).filter((m) => m.top >= first)
  for (const m of moving) sheet.unMergeCells(m.top, m.left, m.bottom, m.right)
  for (let r = last; r >= first; r--) {
    copyRow(sheet, r, r + by, width, true)
    const row = sheet.getRow(r)
    row.height = undefined as unknown as number
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      cell.value = null
      cell.style = {}
    }
  }
  for (const m of moving) sheet.mergeCells(m.top + by, m.left, m.bottom + by, m.right)
  // 合计 =SUM(D5:D7) under the table: rows below the data move, a range ending on the last
  // data row grows with the data.
  for (let r = first + by; r <= last + by; r++)
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c)
      if (!cell.formula) continue
      cell.value = {
        formula: shiftFormula(cell.formula, (row, end) =>
          row >= first || (end && row === first - 1) ? row + by : row,
        ),
      }
    }
}

/** 'A1:H20' or '$A$1:$H$20' with its last row moved by `by` (each range of a list). */
function extendArea(area: string, from: number, by: number): string {
  return area
    .split(',')
    .map((range) =>
      range.replace(/(\$?[A-Z]+\$?)(\d+)$/, (all, col: string, row: string) =>
        Number(row) >= from ? `${col}${Number(row) + by}` : all,
      ),
    )
    .join(',')
}

export interface FillPlan {
  /** For each form column (1-based column number), what to write; absent columns are kept. */
  columns: { col: number; write: boolean }[]
  /** One row per record, values in the order of `columns`. */
  rows: FormValue[][]
  /** What goes after 「填报单位：」 and 「填报日期：」 left empty above the table. */
  blanks: { org: string; date: string }
}

export async function writeForm(form: LoadedForm, plan: FillPlan): Promise<Buffer> {
  const { sheet, layout } = form
  const width = Math.max(sheet.columnCount, ...plan.columns.map((c) => c.col))
  const styled = layout.templateEnd - layout.firstDataRow + 1
  const extra = Math.max(0, plan.rows.length - styled)
  if (extra > 0 && layout.lastRow > layout.templateEnd)
    moveDown(sheet, layout.templateEnd + 1, layout.lastRow, extra, width)
  const styleRow = styled > 0 ? layout.templateEnd : null
  const firstNumFmt = new Map(
    plan.columns.map((c) => [c.col, sheet.getCell(layout.firstDataRow, c.col).numFmt]),
  )
  const writes = new Set(plan.columns.filter((c) => c.write).map((c) => c.col))
  const total = Math.max(plan.rows.length, styled)
  for (let i = 0; i < total; i++) {
    const r = layout.firstDataRow + i
    if (i >= styled && styleRow !== null) {
      copyRow(sheet, styleRow, r, width, false)
      // A column the form computes by formula gets the formula in the added rows too.
      for (let c = 1; c <= width; c++) {
        const f = sheet.getCell(styleRow, c).formula
        if (f && !writes.has(c))
          sheet.getCell(r, c).value = {
            formula: shiftFormula(f, (row) => (row === styleRow ? r : row)),
          }
      }
    }
    const values = plan.rows[i]
    plan.columns.forEach((c, j) => {
      if (!c.write) return
      const cell = sheet.getCell(r, c.col)
      const numFmt = cell.numFmt ?? firstNumFmt.get(c.col)
      cell.value = values ? typed(values[j] ?? null, numFmt) : null
    })
  }
  for (const blank of layout.blanks) {
    const fill = plan.blanks[blank.kind]
    if (fill) sheet.getCell(blank.row, blank.col).value = neutralizeCell(`${blank.text}${fill}`)
  }
  if (extra > 0) {
    const setup = sheet.pageSetup
    if (setup.printArea) setup.printArea = extendArea(setup.printArea, layout.templateEnd, extra)
  }
  return Buffer.from(await form.workbook.xlsx.writeBuffer())
}
