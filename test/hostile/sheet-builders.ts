// Shared pieces of the spreadsheet corpus: the case shape and small file builders.
import ExcelJS from 'exceljs'
import { randomBytes } from 'node:crypto'
import { writeZip, unzipAll, type RawEntry } from './zip-writer'

export interface SheetCase {
  name: string
  fileName: string
  data: () => Promise<Buffer> | Buffer
  /** The message preview and import must both end in… */
  error?: RegExp
  /** …or, for files that are fine but odd, what the preview must report. */
  preview?: { total?: number; issue?: RegExp }
  /** Imported text must come back out of the Excel export neutralised. */
  neutralised?: string[]
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  for (const r of rows) ws.addRow(r)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

export const HEADER = ['姓名', '联系电话', '状态']
export const good = () =>
  xlsx([HEADER, ['李志红', '13812345678', '在册'], ['王建国', '13987654321', '在册']])

/** A valid workbook with one part replaced (or added). */
export async function withPart(name: string, data: Buffer | string, extra: Partial<RawEntry> = {}) {
  const entries = unzipAll(await good()).filter((e) => e.name !== name)
  entries.push({ name, data: Buffer.isBuffer(data) ? data : Buffer.from(data), ...extra })
  return writeZip(entries)
}

export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
export const inline = (r: number, c: string, v: string) =>
  `<c r="${c}${r}" t="inlineStr"><is><t>${v}</t></is></c>`
export const SHEET = 'xl/worksheets/sheet1.xml'
export const NOT_EXCEL = /不是有效的 Excel\/Word 文件/
export const BROKEN = /Excel 文件已损坏或不是 \.xlsx 格式|Excel 文件里没有工作表/
export const OLE = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(4096),
])
export const csv = (text: string) => Buffer.from(text, 'utf8')
export const DANGER = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '=HYPERLINK("http://evil")',
]

/** Text that does not compress like a bomb: random common Han characters. */
export function randomHan(n: number): string {
  const bytes = randomBytes(n * 2)
  let out = ''
  for (let i = 0; i < n; i++)
    out += String.fromCharCode(0x4e00 + (bytes.readUInt16LE(i * 2) % 0x5000))
  return out
}

/** GBK bytes for a few common characters (enough for a header and a row), via TextDecoder's inverse. */
export function gbk(text: string): number[] {
  // Node has no GBK encoder; build the table from the decoder for the characters we need.
  const dec = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  return [...text].flatMap((ch) =>
    ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]),
  )
}
