// Every `lianjian` command goes through dispatch and the safety gate: on a damaged database a
// command either does what safe mode allows (list backups, restore) with a notice, or stops with
// the safe-mode message and the restore command that gets the data back — never an SQLite
// error such as "no such table", and never a byte written to the damaged file.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../helpers/cli-run'
import { addTalent, damageFile } from '../helpers/safety-helpers'
import { tempDir, testBackend } from '../helpers/temp-backend'

const temp = tempDirsPerTest()
const SAFE_MODE = '为保护数据，联建通没有写入这个文件'
const TECHNICAL = /no such table|SQLITE_|执行失败|malformed/

let dir: string
let pkg: string
let backupName: string
let damaged: Buffer

// Shared by the tests below (the per-test folders are removed after each test).
const shared: string[] = []
afterAll(() => {
  for (const d of shared) rmSync(d, { recursive: true, force: true })
})

beforeAll(async () => {
  dir = tempDir()
  shared.push(dir)
  const b = testBackend(dir)
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  for (let i = 0; i < 40; i++)
    await addTalent(b, `居民${i}`, `139000002${String(i).padStart(2, '0')}`)
  backupName = (await b.call('safety:backup', {})).name
  b.close()
  const pkgDir = tempDir()
  shared.push(pkgDir)
  pkg = join(pkgDir, '数据包.zip')
  expect((await runCaptured(['package', 'export', '--out', pkg, '--data-dir', dir])).code).toBe(0)
  const file = join(dir, 'lianjian.sqlite')
  damageFile(file)
  damaged = readFileSync(file)
}, 60_000)

/** Each test gets its own copy of the damaged folder (backups inside): one of them restores it. */
function damagedCopy(): string {
  const copy = temp()
  cpSync(dir, copy, { recursive: true })
  return copy
}

describe('every CLI command on a damaged database', () => {
  it('stops with the safe-mode message and the restore command', async () => {
    const data = damagedCopy()
    const out = temp()
    const csv = join(out, '能人.csv')
    writeFileSync(csv, '姓名,联系电话\n张三,13900000001\n')
    const refused = [
      ['info'],
      ['backup'],
      ['package', 'export', '--out', join(out, 'p.zip')],
      ['demo'],
      ['settings'],
      ['settings', 'set', 'community_name=新社区'],
      ['grids'],
      ['grids', 'add', '第九网格'],
      ['list', 'talents'],
      ['list', 'meetings'],
      ['export', 'talents', '--out', join(out, 'a.xlsx')],
      ['import', 'talents', csv],
      ['generate', 'report', '--year', '2026'],
      ['generate', 'talent-roster'],
    ]
    for (const args of refused) {
      const r = await runCaptured([...args, '--data-dir', data])
      const what = args.join(' ')
      expect(r.code, what).toBe(1)
      expect(r.err, what).toContain(SAFE_MODE)
      expect(r.err, what).toContain(`lianjian restore "`)
      expect(r.err, what).toContain(backupName)
      expect(`${r.out}\n${r.err}`, what).not.toMatch(TECHNICAL)
    }
    expect(readFileSync(join(data, 'lianjian.sqlite')).equals(damaged)).toBe(true)
  })

  it('check explains safe mode; backups, restore and package import still work, with a notice', async () => {
    const data = damagedCopy()
    const check = await runCaptured(['check', '--data-dir', data])
    expect(check.code).toBe(1)
    expect(check.out).toContain('数据状态：已损坏（安全模式）')
    expect(check.out).toContain(SAFE_MODE)
    expect(check.out).toContain(`lianjian restore "`)

    const backups = await runCaptured(['backups', '--data-dir', data])
    expect(backups.code).toBe(0)
    expect(backups.err).toContain(`注意：`)
    expect(backups.err).toContain(SAFE_MODE)
    expect(backups.out).toContain(backupName)

    // Without --yes nothing changes; each says what it would do.
    const pkgPreview = await runCaptured(['package', 'import', pkg, '--data-dir', data])
    expect(pkgPreview.err).toContain(SAFE_MODE)
    expect(pkgPreview.out).toContain('确认导入请加 --yes')
    const preview = await runCaptured(['restore', backupName, '--data-dir', data])
    expect(preview.err).toContain(SAFE_MODE)
    expect(preview.out).toContain('社区能人 40')
    expect(readFileSync(join(data, 'lianjian.sqlite')).equals(damaged)).toBe(true)

    // The advised command gets the data back, and the commands work again.
    const restored = await runCaptured(['restore', backupName, '--yes', '--data-dir', data])
    expect(restored.code).toBe(0)
    const list = await runCaptured(['list', 'talents', '--data-dir', data])
    expect(list.code).toBe(0)
    expect(list.out).toContain('社区能人：共 40 条')
    expect(list.err).toBe('')
  })
})

describe('app:demo', () => {
  it('fills an empty database through the channel, once', async () => {
    const b = testBackend(temp())
    try {
      const summary = await b.call('app:demo', {})
      expect(summary.talents).toBeGreaterThan(100)
      expect(summary.meetings).toBeGreaterThan(0)
      expect(await b.raw('app:demo', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('只能写入空的数据库') },
      })
    } finally {
      b.close()
    }
  }, 60_000)
})
