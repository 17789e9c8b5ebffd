// Checks a .xlsx/.docx/.zip before any library inflates it: the central directory is read
// directly, so a zip bomb (huge inflated size, too many entries) is refused up front; and
// every entry can be inflated here with a hard cap at its declared size, so an archive that
// lies about its sizes cannot make a library inflate gigabytes.
import { crc32, inflateRawSync } from 'node:zlib'
import { AppError } from '../../shared/result'

export interface ZipLimits {
  maxBytes: number
  maxEntries: number
  maxInflated: number
}

export const SHEET_LIMITS: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxInflated: 200 * 1024 * 1024,
}

const EOCD = 0x06054b50
const CDH = 0x02014b50

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressed: number
  size: number
  offset: number
}

/**
 * Refuses a bad or hostile archive; returns the entries of its central directory. Unless the
 * caller reads every entry itself through readEntry, each is inflated here under its cap.
 * `format` only tunes the advice in messages (Excel .xlsx or Word .docx).
 */
export function checkZip(
  buf: Buffer,
  limits: ZipLimits,
  what: string,
  opts: { verify?: boolean; format?: 'xlsx' | 'docx' } = {},
): ZipEntry[] {
  const format = opts.format ?? 'xlsx'
  const app = format === 'docx' ? 'Word' : 'Excel'
  if (buf.length > limits.maxBytes) {
    throw new AppError(
      'VALIDATION',
      `${what}太大（${(buf.length / 1048576).toFixed(1)} MB），最大 ${limits.maxBytes / 1048576} MB`,
    )
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError(
      'VALIDATION',
      `${what}不是有效的 Excel/Word 文件（文件格式不对或已损坏）。请用 ${app} 或 WPS 另存为 .${format} 后再试`,
    )
  }
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0)
    throw new AppError('VALIDATION', `${what}不完整（可能下载或拷贝时中断了），请重新获取文件`)
  const entries = buf.readUInt16LE(eocd + 10)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  if (entries > limits.maxEntries)
    throw new AppError('VALIDATION', `${what}内部文件过多（${entries} 个），已拒绝打开`)
  let p = cdOffset
  let inflated = 0
  const list: ZipEntry[] = []
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) {
      throw new AppError(
        'VALIDATION',
        `${what}已损坏（目录结构不完整），请用 ${app} 或 WPS 打开后另存一份再试`,
      )
    }
    const compressed = buf.readUInt32LE(p + 20)
    const size = buf.readUInt32LE(p + 24)
    inflated += size
    if (compressed > 0 && size / compressed > 1000) {
      throw new AppError(
        'VALIDATION',
        `${what}的压缩比异常（可能是恶意构造的压缩炸弹），已拒绝打开`,
      )
    }
    if (inflated > limits.maxInflated) {
      throw new AppError(
        'VALIDATION',
        `${what}解压后过大（超过 ${limits.maxInflated / 1048576} MB），已拒绝打开`,
      )
    }
    const nameLength = buf.readUInt16LE(p + 28)
    const flags = buf.readUInt16LE(p + 8)
    list.push({
      name: buf.subarray(p + 46, p + 46 + nameLength).toString(flags & 0x0800 ? 'utf8' : 'latin1'),
      method: buf.readUInt16LE(p + 10),
      flags,
      crc: buf.readUInt32LE(p + 16),
      compressed,
      size,
      offset: buf.readUInt32LE(p + 42),
    })
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  if (opts.verify !== false)
    for (const e of list) if (!e.name.endsWith('/')) readEntry(buf, e, what)
  return list
}

/** One entry's bytes, inflated with a hard cap at its declared size and checked by CRC-32. */
export function readEntry(buf: Buffer, e: ZipEntry, what: string): Buffer {
  const broken = () =>
    new AppError(
      'VALIDATION',
      `${what}已损坏（其中的「${e.name.slice(0, 60)}」无法读取），已拒绝打开`,
    )
  if (e.flags & 0x0001)
    throw new AppError('VALIDATION', `${what}设置了密码（已加密），请去掉密码后再试`)
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw broken()
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const raw = buf.subarray(start, start + e.compressed)
  if (raw.length !== e.compressed) throw broken()
  let out: Buffer
  if (e.method === 0) out = raw
  else if (e.method === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) })
    } catch {
      // Also what an entry that inflates beyond its declared size ends in: a lying bomb.
      throw new AppError(
        'VALIDATION',
        `${what}内部文件的实际大小与声明不符（可能是恶意构造的压缩炸弹），已拒绝打开`,
      )
    }
  } else throw new AppError('VALIDATION', `${what}使用了不支持的压缩方式，请重新保存后再试`)
  if (out.length !== e.size || crc32(out) !== e.crc) throw broken()
  return out
}
