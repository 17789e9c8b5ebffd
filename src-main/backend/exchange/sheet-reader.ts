// Reads the first worksheet of a .xlsx, or a .csv in UTF-8 or GBK/GB18030, into rows of
// cells. Each cell keeps its text and whether Excel stored it as a number or a date, which
// is how mangled ID numbers (4.40981E+17, trailing 000) are recognised.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { AppError } from '../../shared/result'
import { checkZip, readEntry, SHEET_LIMITS } from './zip-guard'

export interface Cell {
  text: string
  number?: number
  date?: Date
}
export type SheetRows = Cell[][]

const MAX_ROWS = 50_000
const MAX_COLS = 200

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

function readCsv(buf: Buffer): SheetRows {
  if (buf.length > SHEET_LIMITS.maxBytes) throw new AppError('VALIDATION', '文件太大，最大 20 MB')
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
  let records: string[][]
  try {
    records = parse(text, {
      delimiter: firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][]
  } catch {
    throw new AppError(
      'VALIDATION',
      'CSV 文件格式有误（引号不成对或内容损坏），请用 Excel 打开后另存为 .xlsx 再导入',
    )
  }
  if (records.length > MAX_ROWS)
    throw new AppError('VALIDATION', `文件行数过多（超过 ${MAX_ROWS} 行），请分批导入`)
  return records.map((r) => r.slice(0, MAX_COLS).map((text) => ({ text: text.trim() })))
}

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

/** Refuses what would make ExcelJS inflate or build more than we allow, before it starts. */
function precheckXlsx(buf: Buffer): void {
  if (buf.subarray(0, 4).equals(OLE)) throw new AppError('VALIDATION', OLD_OR_LOCKED)
  for (const e of checkZip(buf, SHEET_LIMITS, '文件', { verify: false })) {
    if (e.name.endsWith('/')) continue
    const data = readEntry(buf, e, '文件')
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue
    let rows = 0
    for (let i = data.indexOf('<row'); i >= 0; i = data.indexOf('<row', i + 4))
      if (++rows > MAX_ROWS)
        throw new AppError('VALIDATION', `工作表行数过多（超过 ${MAX_ROWS} 行），请分批导入`)
  }
}

async function readXlsx(buf: Buffer): Promise<SheetRows> {
  precheckXlsx(buf)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
  } catch {
    throw new AppError(
      'VALIDATION',
      'Excel 文件已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入',
    )
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0]
  if (!ws) throw new AppError('VALIDATION', 'Excel 文件里没有工作表')
  if (ws.rowCount > MAX_ROWS)
    throw new AppError('VALIDATION', `工作表行数过多（超过 ${MAX_ROWS} 行），请分批导入`)
  const rows: SheetRows = []
  const width = Math.min(ws.columnCount, MAX_COLS)
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells: Cell[] = []
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      // Merged cells repeat the top-left value only in the top-left cell.
      cells.push(cell.isMerged && cell.master !== cell ? { text: '' } : cellOf(cell.value))
    }
    rows.push(cells)
  }
  return rows
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
