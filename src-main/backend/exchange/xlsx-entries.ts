// The first pass over a .xlsx before ExcelJS sees it: every entry is inflated as a stream under
// a hard cap at its declared size (a zip that lies about sizes cannot make anyone inflate
// gigabytes), its CRC checked, and cells, rows and shared strings counted from the raw XML, so
// an oversized sheet is refused in about a second without building anything. Then the entries
// are handed to ExcelJS' streaming reader in the order it needs (workbook, styles, shared
// strings before the sheets), so it never parks a sheet in a temporary file.
import { Readable } from 'node:stream'
import { createInflateRaw, crc32 } from 'node:zlib'
import { AppError } from '../../shared/result'
import { checkZip, SHEET_LIMITS, type ZipEntry } from './zip-guard'

export interface XlsxCounts {
  /** `<row` tags in the largest worksheet. */
  rows: number
  /** `<c` cell tags in the largest worksheet. */
  cells: number
  /** `<si>` entries in the shared strings. */
  strings: number
}

const LOCAL = 0x04034b50
const lying = () =>
  new AppError(
    'VALIDATION',
    '文件内部文件的实际大小与声明不符（可能是恶意构造的压缩炸弹），已拒绝打开',
  )

function dataStart(buf: Buffer, e: ZipEntry): number {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) throw broken(e)
  return e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
}

const broken = (e: ZipEntry) =>
  new AppError('VALIDATION', `文件已损坏（其中的「${e.name.slice(0, 60)}」无法读取），已拒绝打开`)

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

/** Inflates one entry as a stream, never past its declared size; yields between chunks. */
async function streamEntry(buf: Buffer, e: ZipEntry, onChunk: (c: Buffer) => void) {
  if (e.flags & 0x0001)
    throw new AppError('VALIDATION', '文件设置了密码（已加密），请去掉密码后再试')
  const start = dataStart(buf, e)
  const raw = buf.subarray(start, start + e.compressed)
  if (raw.length !== e.compressed) throw broken(e)
  if (e.method !== 0 && e.method !== 8)
    throw new AppError('VALIDATION', '文件使用了不支持的压缩方式，请重新保存后再试')
  let size = 0
  let crc = 0
  const take = (c: Buffer) => {
    size += c.length
    if (size > e.size) throw lying()
    crc = crc32(c, crc)
    onChunk(c)
  }
  if (e.method === 0) take(raw)
  else {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
    Readable.from([raw]).pipe(inflate)
    try {
      for await (const c of inflate) take(c as Buffer)
    } catch (err) {
      inflate.destroy()
      if (err instanceof AppError) throw err
      throw broken(e)
    }
  }
  if (size !== e.size) throw e.method === 8 && size > e.size ? lying() : broken(e)
  if (crc !== e.crc) throw broken(e)
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/

/** Checks every entry and counts what the sheets would hold. */
export async function scanXlsx(buf: Buffer): Promise<{ entries: ZipEntry[]; counts: XlsxCounts }> {
  const entries = checkZip(buf, SHEET_LIMITS, '文件', { verify: false })
  const counts: XlsxCounts = { rows: 0, cells: 0, strings: 0 }
  for (const e of entries) {
    if (e.name.endsWith('/')) continue
    if (SHEET.test(e.name)) {
      const rows = counter(['<row ', '<row>'])
      const cells = counter(['<c ', '<c>'])
      await streamEntry(buf, e, (c) => {
        rows.feed(c)
        cells.feed(c)
      })
      counts.rows = Math.max(counts.rows, rows.count)
      counts.cells = Math.max(counts.cells, cells.count)
    } else if (e.name === 'xl/sharedStrings.xml') {
      const si = counter(['<si>', '<si '])
      await streamEntry(buf, e, (c) => si.feed(c))
      counts.strings = si.count
    } else await streamEntry(buf, e, () => undefined)
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
export function orderedStream(buf: Buffer, entries: ZipEntry[]): Readable | null {
  if (entries.some((e) => e.flags & 0x0008)) return null
  const rank = (e: ZipEntry) => {
    const i = FIRST.indexOf(e.name)
    if (i >= 0) return i
    return SHEET.test(e.name) ? 100 + Math.min(sheetNo(e.name), 1e6) : 50
  }
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b))
  return Readable.from(
    (function* () {
      for (const e of sorted) yield buf.subarray(e.offset, dataStart(buf, e) + e.compressed)
    })(),
  )
}
