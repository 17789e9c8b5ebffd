// Checks a .xlsx/.docx/.zip before any library inflates it. yauzl reads and validates the
// central directory (ZIP64 included) and stops every entry's stream at its declared size; the
// caps are ours: file size, entry count, total inflated size and compression ratio, so a zip
// bomb is refused before anything is inflated. yauzl leaves CRC-32 to its caller: checked here.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { MAX_SHEET_BYTES, megabytes } from '../../shared/limits'
import { AppError } from '../../shared/result'

export interface ZipLimits {
  maxBytes: number
  maxEntries: number
  maxInflated: number
}

export const SHEET_LIMITS: ZipLimits = {
  maxBytes: MAX_SHEET_BYTES,
  maxEntries: 2000,
  maxInflated: 200 * 1024 * 1024,
}

const LOCAL = 0x04034b50
const MAX_RATIO = 1000

export interface ZipEntry {
  name: string
  /** Inflated size, as declared (and enforced while reading). */
  size: number
  compressed: number
  crc: number
  flags: number
  method: number
  raw: Entry
}

/** An archive whose directory passed the checks; entries are read on demand. */
export interface ZipArchive {
  entries: ZipEntry[]
  /** One entry's bytes, inflated (for small parts: manifests, templates, sheet parts). */
  read(e: ZipEntry): Promise<Buffer>
  /** One entry's bytes as they inflate; `onChunk` may return a promise (back-pressure). */
  pipe(e: ZipEntry, onChunk: (c: Buffer) => void | Promise<void>): Promise<void>
  /** Where an entry's stored bytes begin in the file. */
  dataStart(e: ZipEntry): Promise<number>
  close(): void
}

interface Words {
  what: string
  app: string
  format: string
}

const shown = (name: string) => {
  const clean = [...name].map((c) => (c.charCodeAt(0) < 0x20 ? '?' : c)).join('')
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean
}
const fail = (message: string) => new AppError('VALIDATION', message)
const incomplete = (w: Words) => fail(`${w.what}不完整（可能下载或拷贝时中断了），请重新获取文件`)
const brokenDirectory = (w: Words) =>
  fail(`${w.what}已损坏（目录结构不完整），请用 ${w.app} 或 WPS 打开后另存一份再试`)
const brokenEntry = (w: Words, name: string) =>
  fail(`${w.what}已损坏（其中的「${shown(name)}」无法读取），已拒绝打开`)
const lying = (w: Words) =>
  fail(`${w.what}内部文件的实际大小与声明不符（可能是恶意构造的压缩炸弹），已拒绝打开`)
const encrypted = (w: Words) => fail(`${w.what}设置了密码（已加密），请去掉密码后再试`)

/** yauzl's English errors, said in the user's words. */
function explain(e: unknown, w: Words, entry?: string): AppError {
  if (e instanceof AppError) return e
  const m = e instanceof Error ? e.message : String(e)
  if (/too many bytes|not enough bytes|size mismatch/i.test(m)) return lying(w)
  if (/encrypt/i.test(m)) return encrypted(w)
  if (/compression method/i.test(m))
    return fail(`${w.what}使用了不支持的压缩方式，请重新保存后再试`)
  if (/signature not found|comment length/i.test(m)) return incomplete(w)
  return entry === undefined ? brokenDirectory(w) : brokenEntry(w, entry)
}

function firstBytes(source: Buffer | string): number {
  if (typeof source !== 'string') return source.length >= 4 ? source.readUInt32LE(0) : 0
  const head = Buffer.alloc(4)
  const fd = openSync(source, 'r')
  try {
    return readSync(fd, head, 0, 4, 0) === 4 ? head.readUInt32LE(0) : 0
  } finally {
    closeSync(fd)
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const list: Entry[] = []
    zip.on('entry', (e: Entry) => {
      list.push(e)
      zip.readEntry()
    })
    zip.once('end', () => resolve(list))
    zip.once('error', reject)
    zip.readEntry()
  })
}

/** Checks one directory entry against the caps; `total` is the inflated size so far. */
function described(e: Entry, w: Words, limits: ZipLimits, total: number): ZipEntry {
  const name = yauzl.getFileNameLowLevel(
    e.generalPurposeBitFlag,
    e.fileNameRaw,
    e.extraFields,
    false,
  )
  if (yauzl.validateFileName(name) !== null)
    throw fail(`${w.what}里有不安全的文件路径「${shown(name)}」（可能被恶意篡改），已拒绝打开`)
  if (e.generalPurposeBitFlag & 0x0001) throw encrypted(w)
  if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > MAX_RATIO)
    throw fail(`${w.what}的压缩比异常（可能是恶意构造的压缩炸弹），已拒绝打开`)
  if (total + e.uncompressedSize > limits.maxInflated)
    throw fail(`${w.what}解压后过大（超过 ${megabytes(limits.maxInflated)}），已拒绝打开`)
  return {
    name,
    size: e.uncompressedSize,
    compressed: e.compressedSize,
    crc: e.crc32,
    flags: e.generalPurposeBitFlag,
    method: e.compressionMethod,
    raw: e,
  }
}

/**
 * Opens an archive (in memory or a file on disk, which is then read piece by piece) and
 * refuses a bad or hostile one; nothing is inflated yet. Close it when done.
 * `format` only tunes the advice in messages (Excel .xlsx or Word .docx).
 */
export async function openZip(
  source: Buffer | string,
  limits: ZipLimits,
  what: string,
  opts: { format?: 'xlsx' | 'docx' } = {},
): Promise<ZipArchive> {
  const format = opts.format ?? 'xlsx'
  const w: Words = { what, format, app: format === 'docx' ? 'Word' : 'Excel' }
  const size = typeof source === 'string' ? statSync(source).size : source.length
  if (size > limits.maxBytes)
    throw fail(
      `${what}太大（${(size / 1048576).toFixed(1)} MB），最大 ${megabytes(limits.maxBytes)}`,
    )
  if (size < 22 || firstBytes(source) !== LOCAL)
    throw fail(
      `${what}不是有效的 Excel/Word 文件（文件格式不对或已损坏）。请用 ${w.app} 或 WPS 另存为 .${format} 后再试`,
    )
  // Names are decoded and checked here, so a hostile one can be quoted in the message.
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false }
  let zip: ZipFile
  try {
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(source, options)
  } catch (e) {
    throw explain(e, w)
  }
  const entries: ZipEntry[] = []
  try {
    if (zip.entryCount > limits.maxEntries)
      throw fail(`${what}内部文件过多（${zip.entryCount} 个），已拒绝打开`)
    let total = 0
    for (const e of await listEntries(zip)) {
      entries.push(described(e, w, limits, total))
      total += e.uncompressedSize
    }
  } catch (e) {
    zip.close()
    // yauzl refuses a stored entry whose two sizes differ before our caps see it: a stored
    // entry that claims more than the cap is still "too big" to the user.
    const stored = /stored file: \d+ != (\d+)/.exec(e instanceof Error ? e.message : '')
    if (stored && Number(stored[1]) > limits.maxInflated)
      throw fail(`${what}解压后过大（超过 ${megabytes(limits.maxInflated)}），已拒绝打开`)
    throw explain(e, w)
  }

  const pipe = async (e: ZipEntry, onChunk: (c: Buffer) => void | Promise<void>) => {
    let crc = 0
    let stream
    try {
      stream = await zip.openReadStreamPromise(e.raw)
    } catch (err) {
      throw explain(err, w, e.name)
    }
    try {
      for await (const c of stream as AsyncIterable<Buffer>) {
        crc = crc32(c, crc)
        await onChunk(c)
      }
    } catch (err) {
      stream.destroy()
      throw explain(err, w, e.name)
    }
    if (crc !== e.crc) throw brokenEntry(w, e.name)
  }
  return {
    entries,
    pipe,
    async read(e) {
      const parts: Buffer[] = []
      await pipe(e, (c) => void parts.push(c))
      return Buffer.concat(parts)
    },
    async dataStart(e) {
      try {
        return (await zip.readLocalFileHeaderPromise(e.raw, { minimal: true })).fileDataStart
      } catch (err) {
        throw explain(err, w, e.name)
      }
    },
    close: () => zip.close(),
  }
}

/** Refuses a bad or hostile archive; unless `verify` is false, every entry is also inflated. */
export async function checkZip(
  buf: Buffer,
  limits: ZipLimits,
  what: string,
  opts: { verify?: boolean; format?: 'xlsx' | 'docx' } = {},
): Promise<ZipEntry[]> {
  const zip = await openZip(buf, limits, what, opts)
  try {
    if (opts.verify !== false)
      for (const e of zip.entries) if (!e.name.endsWith('/')) await zip.pipe(e, () => undefined)
    return zip.entries
  } finally {
    zip.close()
  }
}
