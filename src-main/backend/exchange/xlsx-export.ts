// Writes a register roster as .xlsx the way a street office expects it: title row, 填报单位 /
// 填报日期 line, bold frozen header, sensible widths, IDs and phones as text (masked unless
// asked otherwise), and no cell that could start a formula.
import type * as ExcelJS from 'exceljs'
import { chineseDate } from '../../shared/dates'
import { displayText } from '../../shared/registers/display'
import type { SheetColumn } from '../../shared/registers/columns'
import { maskRecord } from '../../shared/registers/mask-record'
import { neutralizeCell } from '../../shared/sheet-safety'
import { loadExcelJS } from './load-exceljs'

export interface RosterSheet {
  title: string
  orgName: string
  date: Date
  sheetName: string
  columns: SheetColumn[]
  rows: Record<string, unknown>[]
  masked: boolean
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

// Shared style objects: exceljs recognises a style it has seen (by identity) and skips
// re-encoding it, which was over half the time of a 10k-row export. Never mutate them.
const FONT = { name: '宋体', size: 10.5 }
const STYLE: Record<'body' | 'text' | 'index', Partial<ExcelJS.Style>> = {
  body: { border: BORDER, font: FONT, alignment: { vertical: 'middle', wrapText: true } },
  text: {
    border: BORDER,
    font: FONT,
    alignment: { vertical: 'middle', wrapText: true },
    numFmt: '@',
  },
  index: { border: BORDER, font: FONT, alignment: { horizontal: 'center', vertical: 'middle' } },
}

function cellValue(c: SheetColumn, row: Record<string, unknown>): string | number | null {
  const raw = row[c.key]
  if ((c.field.kind === 'int' || c.field.kind === 'decimal') && typeof raw === 'number') return raw
  const text = displayText(c.field, row)
  if (text === '') return null
  // Personal columns are validated on entry; neutralised anyway, in case old data was not.
  return neutralizeCell(text)
}

/** Display width in Excel character units: CJK and full-width characters take two. */
function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1
  return w
}

/**
 * Wrapped cells need a taller row, and neither LibreOffice nor WPS re-measures rows when a
 * file opens, so the height is estimated here from the longest wrapped cell.
 */
function rowHeight(columns: SheetColumn[], r: ExcelJS.Row): number {
  let lines = 1
  columns.forEach((c, j) => {
    const v = r.getCell(j + 2).value
    if (typeof v !== 'string') return
    lines = Math.max(lines, Math.ceil(textWidth(v) / Math.max(1, c.width - 1)))
  })
  return Math.min(409, 4 + lines * 14)
}

export async function rosterWorkbook(sheet: RosterSheet): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook()
  wb.creator = '联建通'
  wb.created = sheet.date
  const n = sheet.columns.length + 1
  const ws = wb.addWorksheet(sheet.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
  })
  ws.columns = [{ width: 6 }, ...sheet.columns.map((c) => ({ width: c.width }))]

  ws.mergeCells(1, 1, 1, n)
  const title = ws.getCell(1, 1)
  title.value = sheet.title
  title.font = { name: '宋体', size: 16, bold: true }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 30

  ws.mergeCells(2, 1, 2, n)
  const meta = ws.getCell(2, 1)
  meta.value = `填报单位：${sheet.orgName}        填报日期：${chineseDate(sheet.date)}`
  meta.font = { name: '宋体', size: 11 }
  meta.alignment = { horizontal: 'left', vertical: 'middle' }

  const header = ws.getRow(3)
  header.values = ['序号', ...sheet.columns.map((c) => c.label)]
  header.height = 22
  header.eachCell((cell) => {
    cell.font = { name: '宋体', size: 11, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3E3' } }
    cell.border = BORDER
  })

  const fields = sheet.columns.map((c) => c.field)
  sheet.rows.forEach((raw, i) => {
    const row = sheet.masked ? maskRecord(fields, raw) : raw
    const r = ws.getRow(i + 4)
    const first = r.getCell(1)
    first.value = i + 1
    first.style = STYLE.index
    sheet.columns.forEach((c, j) => {
      const cell = r.getCell(j + 2)
      cell.value = cellValue(c, row)
      // Long digit strings stay text, so Excel never shows 4.40981E+17.
      cell.style = c.personal ? STYLE.text : STYLE.body
    })
    r.height = rowHeight(sheet.columns, r)
  })
  const buf = await wb.xlsx.writeBuffer()
  return Buffer.from(buf as ArrayBuffer)
}
