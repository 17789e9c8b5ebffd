import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditFor } from '../../src-main/backend/audit/audit.repo'
import { CHANNEL_NAMES, isChannel } from '../../src-main/shared/contract'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const goodSettings = {
  community_name: '锦华社区',
  street_name: '青云街道',
  party_org_name: '中共锦华社区委员会',
  phone: '0871-65123456',
}

describe('contract', () => {
  it('knows exactly the contract’s channels: not an object’s inherited names, not near misses', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(100)
    expect(CHANNEL_NAMES.filter((c) => !isChannel(c))).toEqual([])
    for (const name of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'talents:',
      ':list',
    ])
      expect(isChannel(name)).toBe(false)
    expect(isChannel('talents:drop-all')).toBe(false)
    expect(isChannel(42)).toBe(false)
  })

  it('the folder dialog is the desktop shell’s: every other door says it is not supported', async () => {
    expect(await b.call('app:pick-folder', { title: '选择备份文件夹' })).toEqual({
      supported: false,
      path: null,
    })
    const bad = await b.raw('app:pick-folder', { title: 'x'.repeat(41) })
    expect(bad.ok).toBe(false)
  })

  it('an unknown channel is refused with a Chinese message', async () => {
    const r = await b.raw('talents:drop-all', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    if (!r.ok) expect(r.error.message).toMatch(/不存在的功能/)
  })

  it('input is validated before the handler runs, with per-field Chinese messages', async () => {
    const r = await b.raw('settings:save', {
      ...goodSettings,
      community_name: '  ',
      phone: '12345',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.details).toEqual(
      expect.arrayContaining([
        { field: 'community_name', message: '请填写社区名称' },
        expect.objectContaining({ field: 'phone', message: expect.stringContaining('电话号码') }),
      ]),
    )
    expect(r.error.message).toContain('另有 1 处')
    // Nothing was written.
    expect((await b.call('settings:get', {})).configured).toBe(false)
  })

  it('unknown fields and wrong types are refused, not ignored', async () => {
    const extra = await b.raw('settings:save', { ...goodSettings, is_admin: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const wrongType = await b.raw('grids:delete', { id: 'abc' })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('settings', () => {
  it('start empty, save, and survive a restart of the backend', async () => {
    expect(await b.call('settings:get', {})).toMatchObject({
      configured: false,
      community_name: '',
    })
    const saved = await b.call('settings:save', {
      ...goodSettings,
      phone: '０８７１－６５１２３４５６',
    })
    expect(saved.phone).toBe('0871-65123456')
    b.close()
    const again = testBackend(b.dataDir)
    const s = await again.call('settings:get', {})
    expect(s).toMatchObject({ ...goodSettings, configured: true, district: '' })
    again.close()
  })

  it('each save is audited with only the changed fields', async () => {
    await b.call('settings:save', goodSettings)
    await b.call('settings:save', {
      ...goodSettings,
      community_name: '锦华东社区',
      operator_name: '王小明',
    })
    const rows = auditFor(b.ctx.db, 'settings', 1)
    expect(rows.map((r) => r.action)).toEqual(['create', 'update'])
    const update = rows[1]
    expect(JSON.parse(update?.before_json ?? '{}')).toEqual({
      community_name: '锦华社区',
      operator_name: '',
    })
    expect(JSON.parse(update?.after_json ?? '{}')).toEqual({
      community_name: '锦华东社区',
      operator_name: '王小明',
    })
    // The operator named in 社区信息 is who the next change is attributed to.
    await b.call('settings:save', { ...goodSettings, operator_name: '王小明' })
    expect(auditFor(b.ctx.db, 'settings', 1).at(-1)?.operator).toBe('王小明')
  })
})

describe('grids', () => {
  it('create, list, update, delete with audit rows', async () => {
    const g = await b.call('grids:create', {
      name: '第一网格',
      code: 'G1',
      leader: '张三',
      phone: '13800001111',
    })
    expect(g).toMatchObject({ id: expect.any(Number), name: '第一网格', note: '' })
    await b.call('grids:create', { name: '第二网格' })
    expect((await b.call('grids:list', {})).map((x) => x.name)).toEqual(['第一网格', '第二网格'])
    const u = await b.call('grids:update', {
      id: g.id,
      data: { name: '第一网格（锦华苑）', code: 'G1' },
    })
    expect(u.name).toBe('第一网格（锦华苑）')
    expect(u.leader).toBe('')
    await b.call('grids:delete', { id: g.id })
    expect((await b.call('grids:list', {})).map((x) => x.name)).toEqual(['第二网格'])
    expect(auditFor(b.ctx.db, 'grids', g.id).map((r) => r.action)).toEqual([
      'create',
      'update',
      'delete',
    ])
  })

  it('refuses a duplicate live name but allows reusing a deleted one', async () => {
    const g = await b.call('grids:create', { name: '第一网格' })
    const dup = await b.raw('grids:create', { name: '第一网格' })
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: [{ field: 'name' }] },
    })
    await b.call('grids:delete', { id: g.id })
    await expect(b.call('grids:create', { name: '第一网格' })).resolves.toMatchObject({
      name: '第一网格',
    })
  })

  it('editing or deleting a missing grid says so', async () => {
    const r = await b.raw('grids:update', { id: 999, data: { name: 'x' } })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const d = await b.raw('grids:delete', { id: 999 })
    expect(d).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a bad phone is refused with its message', async () => {
    const r = await b.raw('grids:create', { name: '第三网格', phone: '1381234' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'phone' }] },
    })
  })
})

describe('app', () => {
  it('info reports paths, schema version and counts; check passes on a fresh database', async () => {
    await b.call('grids:create', { name: '第一网格' })
    const info = await b.call('app:info', {})
    expect(info.dataDir).toBe(b.dataDir)
    expect(info.schemaVersion).toBeGreaterThan(0)
    expect(info.counts.find((c) => c.table === 'grids')?.count).toBe(1)
    expect(await b.call('app:check', {})).toMatchObject({
      ok: true,
      quickCheck: ['ok'],
      integrityCheck: ['ok'],
    })
  })
})

describe("zod's own messages never reach a user", () => {
  it('answers bad input with our plain Chinese, naming what to change', async () => {
    {
      const cases: [string, unknown, RegExp][] = [
        ['documents:generate', { kind: 'report', year: 1999, quarter: 1 }, /数值不能小于 2000/],
        ['documents:open', { id: 1, target: 'desktop' }, /只能选择：file、folder/],
        ['talents:get', {}, /缺少/],
        ['documents:generated', { limit: 'x' }, /格式不对：这里要填写数字/],
        ['talents:get', { id: 1, extra: 1 }, /程序不认识的内容/],
      ]
      for (const [channel, input, want] of cases) {
        const r = await b.raw(channel, input)
        expect(r.ok).toBe(false)
        if (r.ok) continue
        expect(r.error.message).toMatch(want)
        expect(r.error.message).not.toMatch(/期望|无效输入|number|string|expected/i)
      }
    }
  })
})
