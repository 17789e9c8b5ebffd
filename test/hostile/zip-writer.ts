// A zip writer with no safety rails, for building hostile archives: any entry name
// (../, absolute, duplicates), sizes that lie, the encrypted flag, stored or deflated data.
import { crc32, deflateRawSync } from 'node:zlib'
import PizZip from 'pizzip'

export interface RawEntry {
  name: string
  data: Buffer
  deflate?: boolean
  /** What the headers claim the inflated size is (a lie when it differs). */
  declaredSize?: number
  flags?: number
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const body = e.deflate === false ? e.data : deflateRawSync(e.data)
    const method = e.deflate === false ? 0 : 8
    const size = e.declaredSize ?? e.data.length
    const flags = (e.flags ?? 0) | 0x0800
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc32(e.data), 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc32(e.data), 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** The entries of a well-formed zip (to rebuild it with changes). */
export function unzipAll(buf: Buffer): RawEntry[] {
  const zip = new PizZip(buf)
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => ({ name: f.name, data: f.asNodeBuffer() }))
}
