// Reads a street office's own .xlsx form (最多报一次): where its header is (one row, or two rows
// under merged group cells → 「联系方式/手机」), its title rows, hidden columns, a 填报日期 /
// 截止日期, the first data row, the styled rows left for data, and the notes block under the
// table. The workbook stays loaded so the writer can fill a copy of exactly this file.
//
// API: `loadForm(fileName, buf)` → { workbook, sheet, layout } or a Chinese AppError;
// `readLayout(sheet, keys)` does the same for a sheet already loaded (street mode reuses it).
import { createHash } from 'node:crypto'
import type ExcelJS from 'exceljs'
import { MAX_SHEET_BYTES, sheetTooBig } from '../../../shared/limits'
import {
  FORM_REGISTER_KEYS,
  type FormRegisterKey as RegisterKey,
} from '../../../shared/registers/register-keys'
import { AppError } from '../../../shared/result'
import { loadExcelJS } from '../load-exceljs'
import { scanXlsx } from '../xlsx-entries'
import { cellText, columnLetter, isFormula, mergesOf, type Merge } from './form-cells'
import { looksLikeHeader, normalizeLabel } from './form-labels'

export interface FormColumn {
  /** 1-based column number. */
  col: number
  letter: string
  /** 「联系方式/手机」 under a merged group cell, else the cell's own text. */
  label: string
  leaf: string
  parent: string
  hidden: boolean
  /** The first data row holds a formula here: the form computes it, we leave it alone. */
  formula: boolean
}

export interface FormLayout {
  sheetName: string
  /** First and last header row (equal for a one-row header), 1-based. */
  headerTop: number
  headerBottom: number
  firstDataRow: number
  /** Last of the styled (bordered) rows the form leaves for data; firstDataRow - 1 when none. */
  templateEnd: number
  /** First row of the notes block under the table (注：…, 填表说明, 合计), or null. */
  notesStart: number | null
  /** Last row with content or a merge. */
  lastRow: number
  /** The 填报日期 / 截止日期 the form names, if it names one. */
  formDate: Date | null
  /** 「填报单位：」「填报日期：」 cells above the table left empty for the community to fill. */
  blanks: FormBlank[]
  columns: FormColumn[]
  /** A hash of the normalised header labels: the same form next quarter has the same one. */
  signature: string
}

export interface FormBlank {
  row: number
  col: number
  kind: 'org' | 'date'
  /** The cell's own text (「填报单位（盖章）：」), kept in front of what is filled in. */
  text: string
}

export interface LoadedForm {
  workbook: ExcelJS.Workbook
  sheet: ExcelJS.Worksheet
  layout: FormLayout
}

/** A form is one page of a ledger, not a city: past this it is not a form to fill. */
const MAX_FORM_ROWS = 20_000
const MAX_FORM_CELLS = 400_000
const SCAN_ROWS = 20
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

function refuse(message: string): never {
  throw new AppError('VALIDATION', message)
}

const DATE_LABEL = /(填报|截止|截至|统计|报送)(日期|时间)?/
const DATE_TEXT = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*(?:[月\-./]\s*(\d{1,2})?)?/

function dateIn(v: ExcelJS.CellValue, text: string): Date | null {
  if (v instanceof Date)
    return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()))
  const m = DATE_TEXT.exec(text.normalize('NFKC'))
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)))
  return Number.isNaN(d.getTime()) || Number(m[2]) > 12 ? null : d
}

/** A 填报日期 / 截止日期 in the rows above the header or in the notes: the cell itself or the next. */
function findFormDate(sheet: ExcelJS.Worksheet, rows: number[], width: number): Date | null {
  for (const r of rows) {
    for (let c = 1; c <= width + 2; c++) {
      const text = cellText(sheet.getCell(r, c))
      const label = DATE_LABEL.exec(text.normalize('NFKC'))
      if (!label) continue
      const own = dateIn(null, text.slice(label.index))
      if (own) return own
      for (let n = c + 1; n <= width + 4; n++) {
        const next = sheet.getCell(r, n)
        const found = dateIn(next.master.value, cellText(next))
        if (found) return found
        if (cellText(next) !== '') break
      }
    }
  }
  return null
}

const BLANK_ORG = /^(填报|报送|填表)单位(\s*[（(][^）)]*[）)])?\s*[:：]\s*$/
const BLANK_DATE = /^(填报|报送|填表)(日期|时间)\s*[:：][\s年月日]*$/

function findBlanks(sheet: ExcelJS.Worksheet, rows: number[], width: number): FormBlank[] {
  const out: FormBlank[] = []
  for (const r of rows)
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c)
      if (cell.master.address !== cell.address) continue
      const text = cellText(cell)
      const kind = BLANK_ORG.test(text) ? 'org' : BLANK_DATE.test(text) ? 'date' : null
      if (kind) out.push({ row: r, col: c, kind, text: text.replace(/[\s年月日]+$/, '') })
    }
  return out
}

function headerScore(
  sheet: ExcelJS.Worksheet,
  r: number,
  width: number,
  keys: readonly RegisterKey[],
) {
  const seen = new Set<string>()
  for (let c = 1; c <= width; c++) {
    const text = cellText(sheet.getCell(r, c))
    if (text && text.length <= 30 && looksLikeHeader(text, keys)) seen.add(normalizeLabel(text))
  }
  return seen.size
}

/** A merge inside the header that groups some columns, not a title across the whole table. */
function isGroup(m: Merge, row: number, from: number, to: number): boolean {
  return m.top === row && m.bottom === row && m.right > m.left && !(m.left <= from && m.right >= to)
}

function bordered(cell: ExcelJS.Cell): boolean {
  const b = cell.border
  return Boolean(b && (b.top?.style || b.bottom?.style || b.left?.style || b.right?.style))
}

const NOTE_START = /^(注|说明|填表说明|备注[:：]|合计|总计|填报人|审核人|负责人|联系人|填报单位)/

export function readLayout(
  sheet: ExcelJS.Worksheet,
  keys: readonly RegisterKey[] = FORM_REGISTER_KEYS,
): FormLayout | null {
  const width = Math.min(sheet.columnCount, 200)
  let best = 0
  let bestScore = 1
  for (let r = 1; r <= Math.min(SCAN_ROWS, sheet.rowCount); r++) {
    const score = headerScore(sheet, r, width, keys)
    if (score > bestScore) {
      best = r
      bestScore = score
    }
  }
  if (best === 0) return null
  const merges = mergesOf(sheet)
  const used = (r: number) =>
    [...Array(width).keys()].map((i) => i + 1).filter((c) => cellText(sheet.getCell(r, c)) !== '')
  const span = used(best)
  const from = Math.min(...span)
  const to = Math.max(...span)
  let top = best
  let bottom = best
  // Two-row header: group cells (基本信息, 联系方式) merged across some columns above the labels,
  // or the best row is the group row and the labels sit under it.
  // A title or 填报 line merged over part of the width is not a group row: header cells are
  // bordered, or some header cell (序号) spans both rows.
  const groupRow = (row: number) =>
    merges.some((m) => isGroup(m, row, from, to) && bordered(sheet.getCell(m.top, m.left))) ||
    (merges.some((m) => isGroup(m, row, from, to)) &&
      merges.some((m) => m.top === row && m.bottom > row && m.left >= from && m.right <= to))
  if (best > 1 && groupRow(best - 1)) top = best - 1
  else if (groupRow(best) && used(best + 1).length > 0) bottom = best + 1
  const columns: FormColumn[] = []
  const lastCol = Math.max(to, ...used(bottom))
  for (let c = Math.min(from, ...used(bottom)); c <= lastCol; c++) {
    const upper = sheet.getCell(top, c)
    const lower = sheet.getCell(bottom, c)
    const upperText = cellText(upper)
    const lowerText = top === bottom ? upperText : cellText(lower)
    const sameCell = upper.master.address === lower.master.address
    const grouped =
      !sameCell && merges.some((m) => isGroup(m, top, from, to) && m.left <= c && m.right >= c)
    const parent = grouped ? upperText : ''
    const leaf = sameCell || lowerText === '' ? upperText : lowerText
    if (leaf === '' && parent === '') continue
    const label = parent && leaf && parent !== leaf ? `${parent}/${leaf}` : leaf || parent
    columns.push({
      col: c,
      letter: columnLetter(c),
      label,
      leaf: leaf || parent,
      parent: parent !== leaf ? parent : '',
      hidden: sheet.getColumn(c).hidden === true,
      formula: isFormula(sheet.getCell(bottom + 1, c)),
    })
  }
  const firstDataRow = bottom + 1
  const colsFrom = columns[0]?.col ?? from
  const colsTo = columns.at(-1)?.col ?? to
  const lastRow = Math.max(
    ...[...Array(sheet.rowCount).keys()].map((i) => i + 1).filter((r) => sheet.getRow(r).hasValues),
    ...merges.map((m) => m.bottom),
    firstDataRow - 1,
  )
  let templateEnd = firstDataRow - 1
  for (let r = firstDataRow; r <= Math.min(sheet.rowCount, firstDataRow + MAX_FORM_ROWS); r++) {
    const first = cellText(sheet.getCell(r, colsFrom))
    const wide = merges.some(
      (m) => m.top === r && m.right - m.left + 1 >= (colsTo - colsFrom + 1) / 2,
    )
    let withBorder = 0
    for (const col of columns) if (bordered(sheet.getCell(r, col.col))) withBorder++
    if (wide || NOTE_START.test(first) || withBorder * 2 < columns.length) break
    templateEnd = r
  }
  let notesStart: number | null = null
  for (let r = templateEnd + 1; r <= lastRow; r++)
    if (sheet.getRow(r).hasValues || merges.some((m) => m.top === r)) {
      notesStart = r
      break
    }
  const above = [...Array(top - 1).keys()].map((i) => i + 1)
  const below = notesStart
    ? [...Array(lastRow - notesStart + 1).keys()].map((i) => notesStart + i)
    : []
  const signature = createHash('sha256')
    .update(columns.map((c) => normalizeLabel(c.parent) + '/' + normalizeLabel(c.leaf)).join('|'))
    .digest('hex')
    .slice(0, 32)
  return {
    sheetName: sheet.name,
    headerTop: top,
    headerBottom: bottom,
    firstDataRow,
    templateEnd,
    notesStart,
    lastRow,
    formDate: findFormDate(sheet, [...above, ...below], lastCol),
    blanks: findBlanks(sheet, above, lastCol),
    columns,
    signature,
  }
}

/** Loads a form after the same zip checks as every import, and finds its layout. */
export async function loadForm(
  fileName: string,
  buf: Buffer,
  keys: readonly RegisterKey[] = FORM_REGISTER_KEYS,
): Promise<LoadedForm> {
  const lower = fileName.toLowerCase()
  if (/\.(xls|et|wps)$/.test(lower))
    refuse(
      '这是旧版 .xls 表格，暂时不能直接填写。请在 WPS/Excel 中打开它，「另存为」.xlsx 后再选择',
    )
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.xlsm'))
    refuse('只能填写 .xlsx 格式的表格。请在 WPS/Excel 中把上级发来的表格「另存为」.xlsx 后再选择')
  if (buf.length === 0) refuse('文件是空的，请选择上级发来的 .xlsx 表格')
  if (buf.length > MAX_SHEET_BYTES) refuse(sheetTooBig(buf.length))
  if (buf.subarray(0, 4).equals(OLE))
    refuse(
      '这个表格设置了打开密码（或其实是旧版 .xls 文件）。请在 WPS/Excel 中打开，取消密码后「另存为」.xlsx 再选择',
    )
  const { counts } = await scanXlsx(buf)
  if (counts.rows > MAX_FORM_ROWS || counts.cells > MAX_FORM_CELLS)
    refuse(
      `这个表格太大（${counts.rows} 行），不像是待填写的空白表。请选择上级发来的空白表格，或删去多余的行后再选择`,
    )
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer)
  } catch {
    refuse('表格已损坏或不是 .xlsx 格式，请在 WPS/Excel 中打开后「另存为」.xlsx 再选择')
  }
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue
    const layout = readLayout(sheet, keys)
    if (!layout) continue
    // exceljs reads an absent firstPageNumber as 1 and then writes useFirstPageNumber="1":
    // forget the number it made up so the page numbering stays the street's.
    const setup = sheet.pageSetup as { useFirstPageNumber?: boolean }
    if (!setup.useFirstPageNumber) delete sheet.pageSetup.firstPageNumber
    return { workbook, sheet, layout }
  }
  refuse(
    '在表格前 20 行里没有找到表头（至少要有两列能认出的列名，如 姓名、性别、联系电话）。请确认选的是上级发来的表格；表头是图片或文本框时无法识别',
  )
}
