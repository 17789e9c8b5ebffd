// zip-guard on real archives written by yazl (also in ZIP64 form) and by the raw writer of the
// hostile corpus: every refusal in Chinese, and nothing inflated past a cap.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { checkZip, openZip, type ZipLimits } from '../../../src-main/backend/exchange/zip-guard'
import { writeZip } from '../../hostile/zip-writer'
import { tempDir } from '../../helpers/temp-backend'
import { rmSync } from 'node:fs'

const LIMITS: ZipLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 50,
  maxInflated: 20 * 1024 * 1024,
}
const dir = tempDir('lianjian-zip-guard-')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function yazlZip(
  files: { name: string; data: Buffer; compress?: boolean }[],
  zip64 = false,
): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const f of files)
    zip.addBuffer(f.data, f.name, { compress: f.compress ?? true, forceZip64Format: zip64 })
  zip.end({ forceZip64Format: zip64, comment: '' })
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    zip.outputStream.on('data', (c: Buffer) => parts.push(c))
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)))
    zip.outputStream.on('error', reject)
  })
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    return (e as Error).message
  }
  return '(accepted)'
}

const TEXT = Buffer.from('<sheet>联建通</sheet>'.repeat(200))

describe('zip-guard reads with yauzl and keeps the caps', () => {
  it('reads a ZIP64 archive (zip64 end record and extra fields) like any other', async () => {
    const buf = await yazlZip(
      [
        { name: 'a/一.xml', data: TEXT },
        { name: 'b.bin', data: Buffer.from([1, 2, 3]), compress: false },
      ],
      true,
    )
    // The ZIP64 end-of-central-directory record is there: this is not a plain zip.
    expect(buf.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
    const entries = await checkZip(buf, LIMITS, '文件')
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['a/一.xml', TEXT.length],
      ['b.bin', 3],
    ])
    const zip = await openZip(buf, LIMITS, '文件')
    try {
      const [first] = zip.entries
      expect(first && (await zip.read(first)).equals(TEXT)).toBe(true)
    } finally {
      zip.close()
    }
  })

  it('reads from a file on disk the same way', async () => {
    const file = join(dir, 'plain.zip')
    writeFileSync(file, await yazlZip([{ name: 'x.xml', data: TEXT }]))
    const zip = await openZip(file, LIMITS, '文件')
    try {
      expect(zip.entries).toHaveLength(1)
      const [first] = zip.entries
      expect(first && (await zip.read(first)).toString()).toBe(TEXT.toString())
    } finally {
      zip.close()
    }
  })

  it('a zip bomb (ratio over 1000) is refused before anything is inflated', async () => {
    const bomb = await yazlZip([{ name: 'x.xml', data: Buffer.alloc(15 * 1024 * 1024) }])
    expect(bomb.length).toBeLessThan(100 * 1024)
    expect(await refusal(checkZip(bomb, LIMITS, '文件'))).toMatch(/文件的压缩比异常.*已拒绝打开/)
  })

  it('a ZIP64 archive declaring more than the inflated cap is refused', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({
      name: `p${i}.bin`,
      data: Buffer.alloc(9 * 1024 * 1024, i + 1),
      compress: false,
    }))
    const big = await yazlZip(parts, true)
    expect(
      await refusal(checkZip(big, { ...LIMITS, maxBytes: 64 * 1024 * 1024 }, '数据包')),
    ).toMatch(/数据包解压后过大（超过 20 MB）/)
  })

  it('an archive that lies about an inflated size stops at the declared size', async () => {
    const liar = writeZip([
      { name: 'x.xml', data: Buffer.alloc(30 * 1024 * 1024, 32), declaredSize: 100_000 },
    ])
    expect(await refusal(checkZip(liar, LIMITS, '文件'))).toMatch(/实际大小与声明不符/)
  })

  it('too many entries are refused from the directory count', async () => {
    const many = writeZip(
      Array.from({ length: 51 }, (_, i) => ({ name: `${i}.xml`, data: Buffer.from('<a/>') })),
    )
    expect(await refusal(checkZip(many, LIMITS, '文件'))).toBe(
      '文件内部文件过多（51 个），已拒绝打开',
    )
  })

  it('a truncated file says it is incomplete; a file over the size cap says how big', async () => {
    const good = await yazlZip([{ name: 'x.xml', data: TEXT }], true)
    for (const cut of [good.length - 10, Math.floor(good.length / 2)])
      expect(await refusal(checkZip(good.subarray(0, cut), LIMITS, '文件'))).toMatch(
        /文件不完整（可能下载或拷贝时中断了）|文件已损坏/,
      )
    expect(await refusal(checkZip(good.subarray(0, good.length - 10), LIMITS, '文件'))).toMatch(
      /不完整/,
    )
    const huge = Buffer.concat([good, Buffer.alloc(6 * 1024 * 1024)])
    expect(await refusal(checkZip(huge, LIMITS, '模板文件'))).toBe(
      '模板文件太大（6.0 MB），最大 5 MB',
    )
  })

  it('a wrong CRC-32 (which yauzl leaves to us) names the broken part', async () => {
    const z = writeZip([{ name: 'x.xml', data: TEXT }])
    z.writeUInt32LE(0xdeadbeef, 14)
    z.writeUInt32LE(0xdeadbeef, z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16)
    expect(await refusal(checkZip(z, LIMITS, '文件'))).toBe(
      '文件已损坏（其中的「x.xml」无法读取），已拒绝打开',
    )
  })

  it('a name climbing out of the folder is quoted and refused', async () => {
    const z = writeZip([{ name: '../../evil.sh', data: Buffer.from('x') }])
    expect(await refusal(checkZip(z, LIMITS, '文件'))).toMatch(
      /不安全的文件路径「\.\.\/\.\.\/evil\.sh」/,
    )
  })
})
