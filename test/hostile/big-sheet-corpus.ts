// Spreadsheets that pass every size guard yet are huge inside: generated at test time (never
// committed). Each must be refused or read within the time and memory limits, streaming.
import { csv, good, type SheetCase } from './sheet-builders'
import { unzipAll, writeZip } from './zip-writer'

const COLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
function col(n: number): string {
  return n < 26 ? (COLS[n] ?? 'A') : `${COLS[Math.floor(n / 26) - 1] ?? 'A'}${COLS[n % 26] ?? 'A'}`
}

/** Copies `src` into `dst` at `at` (a plain loop: the pieces are a few bytes each). */
function put(dst: Buffer, at: number, src: Buffer): number {
  for (let i = 0; i < src.length; i++) dst[at + i] = src[i] ?? 0
  return at + src.length
}

/**
 * rows × cols of small numbers: ≈160 MB of XML that deflates to ≈15 MB, as reported. The XML is
 * written as bytes from pre-encoded pieces: building it as one 160 MB string cost 5 s of CPU in
 * every test run, more than reading it back.
 */
export async function wideSheet(rows: number, cols: number, header?: string[]): Promise<Buffer> {
  const names = Array.from({ length: cols }, (_, c) => col(c))
  const cellStart = names.map((n) => Buffer.from(`<c r="${n}`))
  const cellEnd = Array.from({ length: 16 }, (_, v) => Buffer.from(`"><v>${v}</v></c>`))
  const rowEnd = Buffer.from('</row>')
  const chunks = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ]
  const rowMax = 32 + cols * 48
  let block = Buffer.allocUnsafe(0)
  let at = 0
  let seed = 12345
  for (let r = 1; r <= rows; r++) {
    if (r === 1 && header) {
      const cells = names.map(
        (n, c) => `<c r="${n}1" t="inlineStr"><is><t>${header[c] ?? `列${c}`}</t></is></c>`,
      )
      chunks.push(Buffer.from(`<row r="1">${cells.join('')}</row>`))
      continue
    }
    if (at + rowMax > block.length) {
      chunks.push(block.subarray(0, at))
      block = Buffer.allocUnsafe(Math.max(rowMax, 8 << 20))
      at = 0
    }
    const num = Buffer.from(String(r))
    at = put(block, at, Buffer.from(`<row r="${r}">`))
    for (let c = 0; c < cols; c++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      at = put(block, at, cellStart[c] ?? num)
      at = put(block, at, num)
      at = put(block, at, cellEnd[seed % 16] ?? num)
    }
    at = put(block, at, rowEnd)
  }
  chunks.push(block.subarray(0, at), Buffer.from('</sheetData></worksheet>'))
  const entries = unzipAll(await good()).filter((e) => e.name !== 'xl/worksheets/sheet1.xml')
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(chunks) })
  return writeZip(entries)
}

export const BIG_SHEET_CASES: SheetCase[] = [
  {
    name: '49,000 rows × 120 cells (≈15 MB, ≈160 MB inflated)',
    fileName: 'wide.xlsx',
    data: () => wideSheet(49_000, 120),
    error: /表格内容过多（超过 100 万个单元格）/,
  },
  {
    name: '49,000 rows × 20 cells, read in full (no known header)',
    fileName: 'long.xlsx',
    data: () =>
      wideSheet(
        49_000,
        20,
        Array.from({ length: 20 }, (_, i) => `字段${i}`),
      ),
    error: /表头/,
  },
  {
    name: 'CSV: 20 MB of "a,b" lines',
    fileName: 'ab.csv',
    data: () => csv('a,b\n'.repeat(5_000_000)),
    error: /文件行数过多（超过 50000 行）/,
  },
  {
    name: 'CSV: 49,000 rows × 20 cells, read in full (no known header)',
    fileName: 'long.csv',
    data: () =>
      csv(
        Array.from({ length: 49_000 }, (_, r) =>
          Array.from({ length: 20 }, (_, c) => (r === 0 ? `字段${c}` : String(r * 31 + c))).join(
            ',',
          ),
        ).join('\n'),
      ),
    error: /表头/,
  },
]
