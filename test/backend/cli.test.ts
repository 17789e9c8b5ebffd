import { afterEach, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { runCli } from '../../src-main/cli/cli'
import { tempDir, testBackend } from '../helpers/temp-backend'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function dir(): string {
  const d = tempDir()
  dirs.push(d)
  return d
}

describe('lianjian CLI', () => {
  it('info on a fresh data dir prints the paths, version and zero counts', async () => {
    const d = dir()
    const r = await run(['info', '--data-dir', d])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`数据文件夹：${d}`)
    expect(r.out).toMatch(/网格（grids）：0/)
    const json = await run(['info', '--json', '--data-dir', d])
    expect(JSON.parse(json.out)).toMatchObject({
      dataDir: d,
      door: 'cli',
      schemaVersion: expect.any(Number),
    })
  })

  it('LIANJIAN_DATA_DIR is used when --data-dir is absent', async () => {
    const d = dir()
    const r = await run(['info', '--json'], { LIANJIAN_DATA_DIR: d })
    expect(JSON.parse(r.out).dataDir).toBe(d)
  })

  it('check reports a healthy database', async () => {
    const r = await run(['check', '--data-dir', dir()])
    expect(r.code).toBe(0)
    expect(r.out).toContain('数据库完好')
  })

  it('demo fills an empty database once and refuses a non-empty one', async () => {
    const d = dir()
    const first = await run(['demo', '--data-dir', d])
    expect(first.code).toBe(0)
    const info = JSON.parse((await run(['info', '--json', '--data-dir', d])).out) as {
      counts: { table: string; count: number }[]
    }
    const count = (t: string) => info.counts.find((c) => c.table === t)?.count ?? 0
    expect(count('grids')).toBeGreaterThanOrEqual(5)
    expect(count('talents')).toBeGreaterThanOrEqual(200)
    expect(count('units')).toBeGreaterThanOrEqual(20)
    expect(count('committee_members')).toBeGreaterThanOrEqual(10)
    expect(count('households')).toBeGreaterThanOrEqual(30)
    for (const child of [
      'talent_services',
      'unit_list_items',
      'committee_reviews',
      'household_links',
      'household_visits',
    ]) {
      expect(count(child)).toBeGreaterThan(0)
    }
    // Demo talents are findable like any others, and some 任期 need attention.
    const b = testBackend(d)
    try {
      const first = (await b.call('talents:list', { pageSize: 20 })).rows[0]
      expect((await b.call('talents:list', { search: String(first?.name) })).total).toBeGreaterThan(
        0,
      )
      expect(
        (await b.call('committee:list', { filters: { term: 'attention' } })).total,
      ).toBeGreaterThanOrEqual(2)
    } finally {
      b.close()
    }
    const second = await run(['demo', '--data-dir', d])
    expect(second.code).toBe(1)
    expect(second.err).toContain('只能写入空的数据库')
  })

  it('unknown commands and options print usage and fail', async () => {
    expect((await run(['frobnicate'])).code).toBe(2)
    const bad = await run(['info', '--colour'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('参数有误')
  })
})
