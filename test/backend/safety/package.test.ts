import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import PizZip from 'pizzip'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src-main/cli/cli'
import { addTalent, damageFile } from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

const open: TestBackend[] = []
const dirs: string[] = []
function backend(dir?: string): TestBackend {
  const b = testBackend(dir)
  open.push(b)
  return b
}
afterEach(() => {
  for (const b of open.splice(0)) b.dispose()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function exported(b: TestBackend): Promise<Buffer> {
  const r = await b.call('safety:package-export', {})
  const chunks: Buffer[] = []
  for (let offset = 0; ;) {
    const c = await b.call('safety:download', { fileName: r.fileName, offset })
    chunks.push(Buffer.from(c.base64, 'base64'))
    offset += chunks.at(-1)?.length ?? 0
    if (c.done) break
  }
  const zip = Buffer.concat(chunks)
  expect(zip.length).toBe(r.size)
  return zip
}

async function upload(b: TestBackend, data: Buffer): Promise<string> {
  const uploadId = `t-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const step = 1024 * 1024
  for (let offset = 0; offset < data.length; offset += step)
    await b.call('safety:upload', {
      uploadId,
      offset,
      base64: data.subarray(offset, offset + step).toString('base64'),
    })
  return uploadId
}

describe('data package', () => {
  it('moves everything to another PC: preview of counts, hashes checked, current data backed up', async () => {
    const from = backend()
    await from.call('settings:save', {
      community_name: '锦华社区',
      street_name: '青云街道',
      party_org_name: '中共锦华社区委员会',
    })
    for (let i = 0; i < 12; i++)
      await addTalent(from, `居民${i}`, `139000000${String(i).padStart(2, '0')}`)
    mkdirSync(join(from.dataDir, 'templates', '会议'), { recursive: true })
    const minutes = readFileSync('templates/minutes.docx')
    writeFileSync(join(from.dataDir, 'templates', '会议', '我的纪要.docx'), minutes)
    const zipBuf = await exported(from)

    const zip = new PizZip(zipBuf)
    const manifest = JSON.parse(zip.file('manifest.json')?.asText() ?? '{}')
    expect(manifest).toMatchObject({
      format: 'lianjiantong-data-package',
      appVersion: '0.1.0',
      community: '锦华社区',
    })
    expect(manifest.counts.find((c: { table: string }) => c.table === 'talents').count).toBe(12)
    for (const f of manifest.files) {
      const data = zip.file(f.path)?.asNodeBuffer() ?? Buffer.alloc(0)
      expect(createHash('sha256').update(data).digest('hex')).toBe(f.sha256)
    }
    expect(Object.keys(zip.files).sort()).toEqual([
      'lianjian.sqlite',
      'manifest.json',
      'templates/会议/我的纪要.docx',
    ])

    const to = backend()
    await addTalent(to, '新电脑上的人')
    mkdirSync(join(to.dataDir, 'templates'))
    writeFileSync(join(to.dataDir, 'templates', '旧模板.docx'), 'old')
    const uploadId = await upload(to, zipBuf)
    const preview = await to.call('safety:package-preview', { uploadId })
    expect(preview).toMatchObject({ community: '锦华社区', templates: 1, appVersion: '0.1.0' })
    expect(preview.counts.find((c) => c.table === 'talents')?.count).toBe(12)
    // Preview changed nothing.
    expect((await to.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count).toBe(1)

    const r = await to.call('safety:package-import', { uploadId })
    expect(r.templates).toBe(1)
    expect(r.before).toMatch(/-import\.sqlite$/)
    expect((await to.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count).toBe(
      12,
    )
    expect((await to.call('settings:get', {})).community_name).toBe('锦华社区')
    expect(readFileSync(join(to.dataDir, 'templates', '会议', '我的纪要.docx'))).toEqual(minutes)
    // One previous copy of the templates is kept, under one name (they no longer pile up).
    expect(readdirSync(to.dataDir).filter((f) => f.startsWith('templates'))).toEqual([
      'templates',
      'templates-导入前',
    ])
    expect(readFileSync(join(to.dataDir, 'templates-导入前', '旧模板.docx'), 'utf8')).toBe('old')
    // The replaced data is one restore away.
    const before = (await to.call('safety:list', {})).find((b) => b.kind === 'import')
    expect(before?.counts?.find((c) => c.table === 'talents')?.count).toBe(1)
  })

  it('imports into a damaged installation (safe mode) and leaves it normal', async () => {
    const from = backend()
    await addTalent(from, '甲')
    const zipBuf = await exported(from)
    const dir = tempDir()
    const broken = backend(dir)
    await addTalent(broken, '乙')
    broken.close()
    damageFile(join(dir, 'lianjian.sqlite'), 1, 4)
    const b = backend(dir)
    expect(b.ctx.safety.mode).toBe('damaged')
    const uploadId = await upload(b, zipBuf)
    await b.call('safety:package-preview', { uploadId })
    await b.call('safety:package-import', { uploadId })
    expect(b.ctx.safety.mode).toBe('normal')
    expect((await b.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count).toBe(1)
  })
})

describe('CLI: backup, backups, restore, check, package', () => {
  async function cli(args: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('backs up, lists, restores only with --yes, and checks', async () => {
    const d = tempDir()
    dirs.push(d)
    const b = testBackend(d)
    await addTalent(b, '甲')
    b.close()
    const made = await cli(['backup', '--data-dir', d])
    expect(made.code).toBe(0)
    expect(made.out).toMatch(/已备份并校验通过：.*lianjian-\d{8}-\d{6}-manual\.sqlite/)
    const file = /：(.*\.sqlite)/.exec(made.out)?.[1] ?? ''
    const b2 = testBackend(d)
    await addTalent(b2, '乙', '13900000002')
    b2.close()
    expect((await cli(['backups', '--data-dir', d])).out).toContain('手动')
    const dry = await cli(['restore', file, '--data-dir', d])
    expect(dry.code).toBe(1)
    expect(dry.out).toContain('确认恢复请加 --yes')
    const done = await cli(['restore', file, '--yes', '--data-dir', d])
    expect(done.code).toBe(0)
    expect(done.out).toMatch(/已恢复。恢复前的数据已备份到：.*-restore\.sqlite/)
    expect(done.out).toContain('社区能人 1')
    const check = await cli(['check', '--data-dir', d])
    expect(check.code).toBe(0)
    expect(check.out).toContain('数据状态：正常')
    expect(check.out).toContain('结论：数据库完好。')
  })

  it('check on a damaged database names the backup to restore; restore brings it back', async () => {
    const d = tempDir()
    dirs.push(d)
    const b = testBackend(d)
    await addTalent(b, '甲')
    await b.call('safety:backup', {})
    b.close()
    damageFile(join(d, 'lianjian.sqlite'), 1, 4)
    const check = await cli(['check', '--data-dir', d])
    expect(check.code).toBe(1)
    expect(check.out).toContain('数据状态：已损坏（安全模式）')
    const hint = /lianjian restore "(.*)" --yes/.exec(check.out)?.[1]
    expect(hint).toBeDefined()
    expect((await cli(['info', '--data-dir', d])).err).toContain('从最近的完好备份恢复')
    expect((await cli(['restore', hint ?? '', '--yes', '--data-dir', d])).code).toBe(0)
    expect((await cli(['check', '--data-dir', d])).code).toBe(0)
  })

  it('package export --out and package import (preview first, --yes to apply)', async () => {
    const d1 = tempDir()
    const d2 = tempDir()
    dirs.push(d1, d2)
    const b = testBackend(d1)
    await addTalent(b, '甲')
    b.close()
    const zip = join(d1, '搬家.zip')
    const ex = await cli(['package', 'export', '--out', zip, '--data-dir', d1])
    expect(ex.code).toBe(0)
    expect(existsSync(zip)).toBe(true)
    const dry = await cli(['package', 'import', zip, '--data-dir', d2])
    expect(dry.code).toBe(1)
    expect(dry.out).toContain('社区能人 1')
    expect(dry.out).toContain('确认导入请加 --yes')
    expect((await cli(['package', 'import', zip, '--yes', '--data-dir', d2])).code).toBe(0)
    const info = JSON.parse((await cli(['info', '--json', '--data-dir', d2])).out)
    expect(info.counts.find((c: { table: string }) => c.table === 'talents').count).toBe(1)
    const bad = await cli(['package', 'import', join(d1, 'nope.zip'), '--data-dir', d2])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('找不到文件')
  })
})

describe('a package import killed between the data and the templates', () => {
  async function halfDone(swapped: boolean): Promise<string> {
    const b = backend()
    await addTalent(b, '甲')
    mkdirSync(join(b.dataDir, 'templates'))
    writeFileSync(join(b.dataDir, 'templates', '旧模板.docx'), 'old')
    // What importPackage leaves when killed: the package's templates staged, the journal naming
    // the staged database — which is now live (swapped) or was never moved (not swapped).
    mkdirSync(join(b.dataDir, 'templates.incoming'))
    writeFileSync(join(b.dataDir, 'templates.incoming', '新模板.docx'), 'new')
    const staged = swapped ? b.ctx.paths.database : join(b.dataDir, 'other.sqlite')
    if (!swapped) writeFileSync(staged, 'x')
    writeFileSync(
      join(b.dataDir, '.package-import.json'),
      JSON.stringify({ ino: String(statSync(staged).ino) }),
    )
    b.close()
    return b.dataDir
  }

  it('finishes the template swap at the next start when the data was replaced', async () => {
    const dir = await halfDone(true)
    const again = testBackend(dir)
    open.push(again)
    expect(readdirSync(join(dir, 'templates'))).toEqual(['新模板.docx'])
    expect(readdirSync(join(dir, 'templates-导入前'))).toEqual(['旧模板.docx'])
    expect(existsSync(join(dir, 'templates.incoming'))).toBe(false)
    expect(existsSync(join(dir, '.package-import.json'))).toBe(false)
  })

  it('drops the staged templates when the data was not replaced', async () => {
    const dir = await halfDone(false)
    const again = testBackend(dir)
    open.push(again)
    expect(readdirSync(join(dir, 'templates'))).toEqual(['旧模板.docx'])
    expect(existsSync(join(dir, 'templates.incoming'))).toBe(false)
    expect(existsSync(join(dir, '.package-import.json'))).toBe(false)
  })
})
