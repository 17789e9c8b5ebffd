// Packages from elsewhere still import: one written by the PizZip exporter of 0.1.0 (kept as a
// fixture, made by that code) and the same package rewritten in ZIP64 form.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { addTalent } from '../../helpers/safety-helpers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

const OLD = readFileSync('test/fixtures/package-0.1.0-pizzip.zip')
const open: TestBackend[] = []
afterEach(() => {
  for (const b of open.splice(0)) {
    b.dispose()
    rmSync(b.dataDir, { recursive: true, force: true })
  }
})

async function upload(b: TestBackend, data: Buffer): Promise<string> {
  const uploadId = `t-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  await b.call('safety:upload', { uploadId, offset: 0, base64: data.toString('base64') })
  return uploadId
}

/** The same entries, written again by yazl with ZIP64 records on every entry. */
async function asZip64(buf: Buffer): Promise<Buffer> {
  const from = await yauzl.fromBufferPromise(buf, { lazyEntries: true })
  const out = new yazl.ZipFile()
  for await (const e of from.eachEntry()) {
    const parts: Buffer[] = []
    for await (const c of await from.openReadStreamPromise(e)) parts.push(c as Buffer)
    out.addBuffer(Buffer.concat(parts), e.fileName, { forceZip64Format: true })
  }
  out.end({ forceZip64Format: true, comment: '' })
  const parts: Buffer[] = []
  for await (const c of out.outputStream) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

async function entry(buf: Buffer, name: string): Promise<Buffer> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true })
  for await (const e of zip.eachEntry()) {
    if (e.fileName !== name) continue
    const parts: Buffer[] = []
    for await (const c of await zip.openReadStreamPromise(e)) parts.push(c as Buffer)
    return Buffer.concat(parts)
  }
  throw new Error(`${name} is not in the package`)
}

const talents = async (b: TestBackend) =>
  (await b.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count

describe.each([
  ['made by the PizZip exporter (0.1.0)', () => Promise.resolve(OLD)],
  ['rewritten as ZIP64', () => asZip64(OLD)],
])('a data package %s', (_name, make) => {
  it('previews and imports with its data and template', async () => {
    const zip = await make()
    const b = testBackend()
    open.push(b)
    await addTalent(b, '这台电脑上的人')
    const preview = await b.call('safety:package-preview', { uploadId: await upload(b, zip) })
    expect(preview).toMatchObject({ community: '锦华社区', appVersion: '0.1.0', templates: 1 })
    expect(preview.counts.find((c) => c.table === 'talents')?.count).toBe(3)
    expect(await talents(b)).toBe(1)

    const r = await b.call('safety:package-import', { uploadId: await upload(b, zip) })
    expect(r.templates).toBe(1)
    expect(await talents(b)).toBe(3)
    const names = (await b.call('talents:list', {})).rows.map((t) => t.name)
    expect(names.sort()).toEqual(['旧包居民0', '旧包居民1', '旧包居民2'])
    expect(readFileSync(join(b.dataDir, 'templates', '会议', '我的纪要.docx'))).toEqual(
      await entry(zip, 'templates/会议/我的纪要.docx'),
    )
  })
})
