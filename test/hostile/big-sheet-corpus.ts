// Spreadsheets that pass every size guard yet are huge inside: generated at test time (never
// committed). Each must be refused or read within the time and memory limits, streaming.
import { csv, good, type SheetCase } from './sheet-builders'
import { unzipAll, writeZip } from './zip-writer'

const COLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
function col(n: number): string {
  return n < 26 ? (COLS[n] ?? 'A') : `${COLS[Math.floor(n / 26) - 1] ?? 'A'}${COLS[n % 26] ?? 'A'}`
}

/** rows × cols of small numbers: ≈160 MB of XML that deflates to ≈15 MB, as reported. */
export async function wideSheet(rows: number, cols: number, header?: string[]): Promise<Buffer> {
  const names = Array.from({ length: cols }, (_, c) => col(c))
  const parts: string[] = []
  let seed = 12345
  for (let r = 1; r <= rows; r++) {
    let line = `<row r="${r}">`
    for (let c = 0; c < cols; c++) {
      if (r === 1 && header)
        line += `<c r="${names[c]}1" t="inlineStr"><is><t>${header[c] ?? `列${c}`}</t></is></c>`
      else {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        line += `<c r="${names[c]}${r}"><v>${seed % 16}</v></c>`
      }
    }
    parts.push(`${line}</row>`)
  }
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`
  const entries = unzipAll(await good()).filter((e) => e.name !== 'xl/worksheets/sheet1.xml')
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) })
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
