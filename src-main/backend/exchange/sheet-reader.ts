// Reads the first worksheet of a .xlsx, or a .csv in UTF-8 or GBK/GB18030, into rows of
// cells, streaming: rows and cells are counted while reading and the read stops at the limits. Each cell keeps its text and whether Excel stored it as a number or a date, which
// is how mangled ID numbers (4.40981E+17, trailing 000) are recognised.
import { parse as parseStream } from 'csv-parse'
import type * as ExcelJS from 'exceljs'
import { readFileSync, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { MAX_SHEET_BYTES, sheetTooBig } from '../../shared/limits'
import { AppError } from '../../shared/result'
import { orderedStream, scanXlsx } from './xlsx-entries'
import { loadExcelJS } from './load-exceljs'

export interface Cell {
  text: string
  number?: number
  date?: Date
}
export type SheetRows = Cell[][]

const MAX_ROWS = 50_000
const MAX_COLS = 200
// 50,000 rows of 20 columns: far beyond a community register, small enough that the rows built
// from it stay well inside the 500 MB the import may use.
const MAX_CELLS = 1_000_000

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])
const OLD_OR_LOCKED =
  '这是旧版 .xls 文件，或设置了打开密码的 Excel 文件。请用 Excel 或 WPS 打开（有密码的先取消密码），「另存为」.xlsx 后再导入'

function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8')
  // Excel's 「Unicode 文本」 is UTF-16 with a byte-order mark.
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2))
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    // Excel in China saves "CSV" as GBK; GB18030 is its superset.
    return new TextDecoder('gb18030').decode(buf)
  }
}

/** Records of a CSV text, streamed: rows and cells are counted as they come, never all built. */
async function readCsv(buf: Buffer): Promise<SheetRows> {
  if (buf.length > MAX_SHEET_BYTES) throw new AppError('VALIDATION', sheetTooBig(buf.length))
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50)
    throw new AppError(
      'VALIDATION',
      '这是一个 Excel (.xlsx) 文件，扩展名却是 .csv。请把扩展名改为 .xlsx 后再导入',
    )
  if (buf.subarray(0, 4).equals(OLE)) throw new AppError('VALIDATION', OLD_OR_LOCKED)
  const text = decodeText(buf)
  if (text.slice(0, 65536).includes('\u0000'))
    throw new AppError(
      'VALIDATION',
      '文件内容不是文字（可能是图片、压缩包等其他文件改了扩展名），请选择 Excel 另存的 .csv 或 .xlsx 文件',
    )
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
  const parser = parseStream({
    delimiter: firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  })
  const CHUNK = 1 << 20
  Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK)
    })(),
  ).pipe(parser)
  const rows: SheetRows = []
  const budget = new Budget()
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const cells = record.slice(0, MAX_COLS).map((t) => ({ text: t.trim() }))
      budget.row(rows.length + 1, cells.length, '文件')
      rows.push(cells)
    }
  } catch (e) {
    parser.destroy()
    if (e instanceof AppError) throw e
    throw new AppError(
      'VALIDATION',
      'CSV 文件格式有误（引号不成对或内容损坏），请用 Excel 打开后另存为 .xlsx 再导入',
    )
  }
  return rows
}

/** Counts rows and cells as they are read and stops at the limits. */
class Budget {
  private cells = 0
  row(number: number, cells: number, what: string): void {
    if (number > MAX_ROWS)
      throw new AppError('VALIDATION', `${what}行数过多（超过 ${MAX_ROWS} 行），请分批导入`)
    this.cells += cells
    if (this.cells > MAX_CELLS) throw tooManyCells()
  }
}

const tooManyCells = () =>
  new AppError(
    'VALIDATION',
    `表格内容过多（超过 ${MAX_CELLS / 10_000} 万个单元格）：请删去不需要导入的列，或分批导入`,
  )

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { text: '' }
  if (typeof v === 'number') return { text: String(v), number: v }
  if (typeof v === 'string') return { text: v.trim() }
  if (typeof v === 'boolean') return { text: v ? '是' : '否' }
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v }
  if (typeof v === 'object') {
    if ('richText' in v)
      return {
        text: v.richText
          .map((t) => t.text)
          .join('')
          .trim(),
      }
    if ('result' in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null)
    if ('text' in v) return { text: String((v as { text: unknown }).text).trim() }
    if ('error' in v) return { text: '' }
  }
  return { text: String(v as unknown).trim() }
}

const unreadable = () =>
  new AppError(
    'VALIDATION',
    'Excel 文件已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入',
  )

/** Pads every row to the sheet's width, as the whole-workbook reader did. */
function padded(rows: SheetRows, width: number): SheetRows {
  for (const r of rows) while (r.length < width) r.push({ text: '' })
  return rows
}

/**
 * The first worksheet with content, read row by row with ExcelJS' streaming reader: rows and
 * cells are counted while reading and the read stops at the limits, so memory stays bounded.
 */
async function readXlsx(buf: Buffer): Promise<SheetRows> {
  if (buf.subarray(0, 4).equals(OLE)) throw new AppError('VALIDATION', OLD_OR_LOCKED)
  const { entries, counts } = await scanXlsx(buf)
  if (counts.rows > MAX_ROWS)
    throw new AppError('VALIDATION', `工作表行数过多（超过 ${MAX_ROWS} 行），请分批导入`)
  if (counts.cells > MAX_CELLS || counts.strings > MAX_CELLS) throw tooManyCells()
  const ordered = orderedStream(buf, entries)
  const { stream } = await loadExcelJS()
  const reader = new stream.xlsx.WorkbookReader(ordered ?? Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  // With the entries in order these are read before any sheet; set empty up front so a file
  // without shared strings is not parked in a temporary file either (ExcelJS internals).
  if (ordered) Object.assign(reader, { sharedStrings: [], workbookRels: [] })
  let sheets = 0
  const budget = new Budget()
  try {
    for await (const sheet of reader) {
      sheets++
      const rows: SheetRows = []
      let width = 0
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        budget.row(row.number, row.cellCount, '工作表')
        while (rows.length < row.number - 1) rows.push([])
        const values = row.values as ExcelJS.CellValue[]
        const cells: Cell[] = []
        for (let c = 1; c < Math.min(values.length, MAX_COLS + 1); c++)
          cells.push(cellOf(values[c]))
        width = Math.max(width, cells.length)
        rows.push(cells)
      }
      if (rows.some((r) => r.some((c) => c.text !== ''))) return padded(rows, width)
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    throw unreadable()
  }
  if (sheets === 0) throw new AppError('VALIDATION', 'Excel 文件里没有工作表')
  return []
}

export async function readSheet(fileName: string, buf: Buffer): Promise<SheetRows> {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buf)
  if (lower.endsWith('.xlsx')) return readXlsx(buf)
  if (lower.endsWith('.xls') || lower.endsWith('.et') || lower.endsWith('.wps')) {
    throw new AppError(
      'VALIDATION',
      '暂不支持旧版 .xls 文件，请用 Excel 或 WPS 打开后「另存为」.xlsx 再导入',
    )
  }
  throw new AppError('VALIDATION', '只能导入 .xlsx 或 .csv 文件')
}

/** A spreadsheet on disk (a staged upload), refused by size before it is read into memory. */
export async function readSheetFile(fileName: string, path: string): Promise<SheetRows> {
  const size = statSync(path).size
  if (size === 0) throw new AppError('VALIDATION', '文件是空的，请选择有内容的 .xlsx 或 .csv 文件')
  if (size > MAX_SHEET_BYTES) throw new AppError('VALIDATION', sheetTooBig(size))
  return readSheet(fileName, readFileSync(path))
}
