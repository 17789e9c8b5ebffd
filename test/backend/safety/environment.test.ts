// Hostile surroundings: a read-only data folder, a full disk, a network share.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackend } from '../../../src-main/backend/app/boot'
import { pendingAuditCount } from '../../../src-main/backend/audit/audit.repo'
import { networkShareKind, networkShareWarning } from '../../../src-main/backend/safety/places'
import {
  addTalent,
  damageFile,
  makeReadOnly,
  requireMount,
  smallDisk,
} from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
const talentCount = (b: { ctx: TestBackend['ctx'] }) =>
  (b.ctx.db.prepare('SELECT count(*) AS n FROM talents').get() as { n: number }).n

describe('read-only data folder', () => {
  it('opens read-only: reads work, every write is refused in Chinese, the file is untouched', async (t) => {
    const dir = tempDir()
    const first = testBackend(dir)
    for (let i = 0; i < 5; i++) await addTalent(first, `居民${i}`, `1390000000${i}`)
    await first.call('settings:save', {
      community_name: '锦华社区',
      street_name: '青云街道',
      party_org_name: '中共锦华社区委员会',
    })
    first.close()
    const file = join(dir, 'lianjian.sqlite')
    const before = hash(file)
    const undo = makeReadOnly(dir)
    // Root ignores chmod: a read-only bind mount is needed, which some containers forbid.
    if (!requireMount(t, undo)) return
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    cleanups.push(() => undo?.())

    const b = startBackend(dir, 'test')
    cleanups.push(() => b.close())
    expect(b.ctx.safety.mode).toBe('read-only')
    const status = await b.invoke('safety:status', {})
    expect(status).toMatchObject({
      ok: true,
      data: { mode: 'read-only', message: expect.stringContaining('以只读方式打开') },
    })
    const list = await b.invoke('talents:list', {})
    expect(list).toMatchObject({ ok: true, data: { total: 5 } })
    const write = await b.invoke('talents:create', {
      name: '新人',
      phone: '13900000099',
      status: '在册',
    })
    expect(write).toMatchObject({
      ok: false,
      error: {
        code: 'READ_ONLY',
        message: '数据文件当前只读，本次修改没有保存。请检查数据文件夹的写入权限。',
      },
    })
    const settings = await b.invoke('settings:save', {
      community_name: 'x',
      street_name: 'y',
      party_org_name: 'z',
    })
    expect(settings).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    const backup = await b.invoke('safety:backup', {})
    expect(backup).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining('导出数据包') },
    })
    if (!backup.ok) expect(backup.error.message).not.toMatch(/ENOENT|EROFS|EACCES/)
    // A data package can still be exported: the way out of a read-only folder.
    expect(await b.invoke('safety:package-export', {})).toMatchObject({ ok: true })
    // Masked exports work (their audit entry waits in memory); unmasked ones say why not.
    const exported = await b.invoke('exchange:export', {
      register: 'talents',
      columns: ['name', 'phone'],
      masked: true,
    })
    expect(exported).toMatchObject({ ok: true, data: { count: 5 } })
    expect(pendingAuditCount(file)).toBe(1)
    expect(
      await b.invoke('exchange:export', {
        register: 'talents',
        columns: ['name', 'phone'],
        masked: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining('无法记入操作记录') },
    })
    // Documents are made (into a folder that can be written) and listed for this run.
    const docs = tempDir()
    cleanups.push(() => rmSync(docs, { recursive: true, force: true }))
    const roster = await b.invoke('documents:generate', {
      kind: 'talent-roster',
      folder: docs,
    })
    expect(roster).toMatchObject({ ok: true, data: { exists: true, foreign: false } })
    const listed = await b.invoke('documents:generated', {})
    expect(listed.ok && (listed.data as { id: number }[]).length).toBe(1)
    const unmasked = await b.invoke('documents:generate', {
      kind: 'talent-roster',
      folder: docs,
      masked: false,
    })
    expect(unmasked).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(readdirSync(docs)).toHaveLength(1)
    b.close()
    undo?.()
    expect(hash(file)).toBe(before)
    // Writable again: the export made meanwhile is recorded.
    const again = testBackend(dir)
    await again.ready
    expect(talentCount(again)).toBe(5)
    expect(
      (
        again.ctx.db
          .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`)
          .get() as {
          n: number
        }
      ).n,
    ).toBe(1)
    again.close()
  })

  it('a read-only folder without a database says so and opens nothing', async (t) => {
    const dir = tempDir()
    const undo = makeReadOnly(dir)
    if (!requireMount(t, undo)) return
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    cleanups.push(() => undo?.())
    const b = startBackend(dir, 'test')
    cleanups.push(() => b.close())
    expect(b.ctx.safety.mode).toBe('unavailable')
    expect(await b.invoke('talents:list', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('无法开始工作') },
    })
  })
})

describe('damaged data in a read-only folder', () => {
  it('is safe mode flagged read-only: a restore is refused up front, nothing is written', async (t) => {
    const dir = tempDir()
    const first = testBackend(dir)
    for (let i = 0; i < 30; i++)
      await addTalent(first, `居民${i}`, `139000003${String(i).padStart(2, '0')}`)
    const good = await first.call('safety:backup', {})
    first.close()
    const file = join(dir, 'lianjian.sqlite')
    damageFile(file)
    const before = hash(file)
    const undo = makeReadOnly(dir)
    if (!requireMount(t, undo)) return
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    cleanups.push(() => undo?.())

    const b = startBackend(dir, 'test')
    cleanups.push(() => b.close())
    expect(b.ctx.safety).toMatchObject({ mode: 'damaged', readOnly: true })
    expect(await b.invoke('safety:restore', { id: good.id })).toMatchObject({
      ok: false,
      error: {
        code: 'READ_ONLY',
        message: expect.stringContaining('数据文件夹只读，不能恢复数据'),
      },
    })
    expect(hash(file)).toBe(before)
    expect(readdirSync(dir).filter((f) => f.startsWith('damaged-'))).toEqual([])
  })
})

describe('full disk', () => {
  it('SQLITE_FULL (max_page_count): a clear message, nothing half-written, nothing lost', async () => {
    const b = testBackend()
    cleanups.push(() => b.dispose())
    await addTalent(b, '第一人')
    const pages = b.ctx.db.pragma('page_count', { simple: true }) as number
    b.ctx.db.pragma(`max_page_count = ${pages + 3}`)
    let ok = 1
    let failure: unknown
    for (let i = 0; i < 500 && !failure; i++) {
      const r = await b.raw('talents:create', {
        name: `居民${i}`,
        phone: `139${String(10000000 + i)}`,
        status: '在册',
        note: '备注'.repeat(200),
      })
      if (r.ok) ok++
      else failure = r.error
    }
    expect(failure).toEqual({
      code: 'DISK_FULL',
      message: '磁盘空间已满，本次修改没有保存。请清理磁盘后重试，已有数据不受影响。',
    })
    expect(b.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(talentCount(b)).toBe(ok)
    // Each saved row has its audit entry; the failed one left neither.
    const audits = b.ctx.db
      .prepare(
        "SELECT count(*) AS n FROM audit_log WHERE table_name = 'talents' AND action = 'create'",
      )
      .get() as { n: number }
    expect(audits.n).toBe(ok)
    b.ctx.db.pragma('max_page_count = 1073741823')
    expect(
      (await b.raw('talents:create', { name: '清理后', phone: '13911112222', status: '在册' })).ok,
    ).toBe(true)
  })

  it('a real full disk (tmpfs) under the data folder: refused, then fine after space is freed', async (t) => {
    const dir = join(tempDir(), 'disk')
    const undo = smallDisk(dir, '2m')
    if (!requireMount(t, undo)) return
    cleanups.push(undo)
    const b = startBackend(dir, 'test')
    cleanups.push(() => b.close())
    for (let i = 0; i < 10; i++) await addTalentRaw(b, i)
    const filler = join(dir, 'filler.bin')
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024))
    } catch {
      // The disk is now full to the last byte.
    }
    let failure: { code: string; message: string } | undefined
    for (let i = 10; i < 400 && !failure; i++) {
      const r = await addTalentRaw(b, i)
      if (!r.ok) failure = r.error
    }
    expect(failure?.code).toBe('DISK_FULL')
    expect(failure?.message).toContain('磁盘空间已满')
    const saved = talentCount(b)
    rmSync(filler)
    expect((await addTalentRaw(b, 999)).ok).toBe(true)
    b.close()
    const again = startBackend(dir, 'test')
    cleanups.push(() => again.close())
    expect(again.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(talentCount(again)).toBe(saved + 1)
  })

  it('a backup folder on a full disk: a clear message, no half copy left, the data untouched', async (t) => {
    const b = testBackend()
    cleanups.push(() => b.dispose())
    for (let i = 0; i < 200; i++) await addTalentRaw(b, i)
    const usb = join(tempDir(), 'usb')
    const undo = smallDisk(usb, '64k')
    if (!requireMount(t, undo)) return
    cleanups.push(undo)
    await b.call('safety:set-folder', { path: usb })
    const r = await b.raw('safety:backup', {})
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'DISK_FULL',
        message: expect.stringContaining('备份文件夹所在的磁盘空间不足'),
      },
    })
    expect(readdirSync(usb)).toEqual([])
    expect(b.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(talentCount(b)).toBe(200)
  })
})

function addTalentRaw(b: { invoke: TestBackend['invoke'] }, i: number) {
  return b.invoke('talents:create', {
    name: `居民${i}`,
    phone: `139${String(10000000 + i)}`,
    status: '在册',
    note: '备注'.repeat(200),
  }) as Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }>
}

describe('network share', () => {
  const mounts = [
    '/dev/vda / ext4 rw 0 0',
    '//server/share /mnt/office cifs rw 0 0',
    'nas:/export /srv/nfs\\040data nfs4 rw 0 0',
    'tmpfs /mnt/office/local tmpfs rw 0 0',
  ].join('\n')

  it('recognises cifs/nfs mounts (longest mount point wins) and UNC paths', () => {
    expect(networkShareKind('/mnt/office/联建通', 'linux', mounts)).toBe('cifs')
    expect(networkShareKind('/srv/nfs data/x', 'linux', mounts)).toBe('nfs4')
    expect(networkShareKind('/mnt/office/local/x', 'linux', mounts)).toBeNull()
    expect(networkShareKind('/home/user/x', 'linux', mounts)).toBeNull()
    expect(networkShareKind('\\\\server\\share\\联建通', 'win32')).toBe('UNC')
    expect(networkShareKind('C:\\Users\\x', 'win32')).toBeNull()
  })

  it('the warning says what the risk is and what to do', () => {
    expect(networkShareWarning('/mnt/office', 'cifs')).toMatch(
      /网络共享（cifs）上：\/mnt\/office.*可能损坏.*放在本机硬盘上/,
    )
  })
})
