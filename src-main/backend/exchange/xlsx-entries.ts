// The first pass over a .xlsx before ExcelJS sees it: every entry is inflated as a stream that
// stops at its declared size (zip-guard: a zip that lies about sizes cannot make anyone inflate
// gigabytes), its CRC checked, and cells, rows and shared strings counted from the raw XML, so
// an oversized sheet is refused in about a second without building anything. Then the entries
// are handed to ExcelJS' streaming reader in the order it needs (workbook, styles, shared
// strings before the sheets), so it never parks a sheet in a temporary file.
import { Readable } from 'node:stream'
import { openZip, SHEET_LIMITS, type ZipEntry } from './zip-guard'

export interface XlsxCounts {
  /** `<row` tags in the largest worksheet. */
  rows: number
  /** `<c` cell tags in the largest worksheet. */
  cells: number
  /** `<si>` entries in the shared strings. */
  strings: number
}

/** Occurrences of `needles` across chunk boundaries (the tail of one chunk kept for the next). */
function counter(needles: string[]) {
  const bytes = needles.map((n) => Buffer.from(n))
  const keep = Math.max(...bytes.map((b) => b.length)) - 1
  let tail: Buffer = Buffer.alloc(0)
  let n = 0
  return {
    feed(chunk: Buffer) {
      const data = tail.length ? Buffer.concat([tail, chunk]) : chunk
      for (const b of bytes)
        for (let i = data.indexOf(b); i >= 0; i = data.indexOf(b, i + b.length)) n++
      tail = data.subarray(Math.max(0, data.length - keep))
    },
    get count() {
      return n
    },
  }
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/

/** Checks every entry and counts what the sheets would hold. */
export interface ScannedEntry {
  entry: ZipEntry
  /** Where its local header starts and its stored bytes end, in the file. */
  from: number
  to: number
}

export async function scanXlsx(
  buf: Buffer,
): Promise<{ entries: ScannedEntry[]; counts: XlsxCounts }> {
  const zip = await openZip(buf, SHEET_LIMITS, '文件')
  const counts: XlsxCounts = { rows: 0, cells: 0, strings: 0 }
  const entries: ScannedEntry[] = []
  try {
    for (const e of zip.entries) {
      const from = e.raw.relativeOffsetOfLocalHeader
      entries.push({ entry: e, from, to: (await zip.dataStart(e)) + e.compressed })
      if (e.name.endsWith('/')) continue
      if (SHEET.test(e.name)) {
        const rows = counter(['<row ', '<row>'])
        const cells = counter(['<c ', '<c>'])
        await zip.pipe(e, (c) => {
          rows.feed(c)
          cells.feed(c)
        })
        counts.rows = Math.max(counts.rows, rows.count)
        counts.cells = Math.max(counts.cells, cells.count)
      } else if (e.name === 'xl/sharedStrings.xml') {
        const si = counter(['<si>', '<si '])
        await zip.pipe(e, (c) => si.feed(c))
        counts.strings = si.count
      } else await zip.pipe(e, () => undefined)
    }
  } finally {
    zip.close()
  }
  return { entries, counts }
}

const FIRST = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
]
const sheetNo = (name: string) => Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 1e9)

/**
 * The archive as a stream of local entries in the order ExcelJS' reader wants; null when an
 * entry keeps its sizes in a trailing data descriptor (then the file is read as it is).
 */
export function orderedStream(buf: Buffer, entries: ScannedEntry[]): Readable | null {
  if (entries.some((s) => s.entry.flags & 0x0008)) return null
  const rank = ({ entry: e }: ScannedEntry) => {
    const i = FIRST.indexOf(e.name)
    if (i >= 0) return i
    return SHEET.test(e.name) ? 100 + Math.min(sheetNo(e.name), 1e6) : 50
  }
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b))
  return Readable.from(
    (function* () {
      for (const s of sorted) yield buf.subarray(s.from, s.to)
    })(),
  )
}
