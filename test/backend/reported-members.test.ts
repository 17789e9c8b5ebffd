// 在职党员双报到 and the unit it works for: once members are linked to a 共建单位 its
// 在职党员报到人数 follows the register (create, 已返回, move, delete, restore), and neither the
// form, the import nor one more linked member can make it exceed the unit's 党员人数.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/cli'
import { stageFile } from '../helpers/staged-file'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const unitData = (name: string, member_count: number | null, reported_count: number | null) => ({
  name,
  liaison: '王联络',
  liaison_phone: '13800000001',
  status: '共建中',
  member_count,
  reported_count,
})
const member = (name: string, unit_id: number | null, extra: Record<string, unknown> = {}) => ({
  name,
  phone: `1390000${String(1000 + name.length * 7 + (name.charCodeAt(0) % 1000)).slice(-4)}`,
  status: '已报到',
  unit_id,
  ...extra,
})

async function unitCount(id: number) {
  const u = await b.call('units:get', { id })
  return {
    count: u.reported_count,
    linked: u.reported_link_count,
    names: u.reported.map((r) => r.name),
  }
}

describe('a unit’s 在职党员报到人数 follows the register', () => {
  it('keeps the typed number until a member is linked, then counts 已报到 members', async () => {
    const unit = await b.call('units:create', unitData('市第一人民医院', 5, 3))
    expect(await unitCount(unit.id)).toEqual({ count: 3, linked: 0, names: [] })

    const a = await b.call('reported_members:create', member('杨晓东', unit.id))
    expect(a.employer).toBe('市第一人民医院')
    expect(a.unit_name).toBe('市第一人民医院')
    expect(await unitCount(unit.id)).toEqual({ count: 1, linked: 1, names: ['杨晓东'] })

    const c = await b.call('reported_members:create', member('李红梅', unit.id))
    expect((await unitCount(unit.id)).count).toBe(2)

    // 已返回 no longer counts, but keeps the unit on the register (count stays computed).
    await b.call('reported_members:update', {
      id: c.id,
      data: { ...member('李红梅', unit.id), status: '已返回', returned_on: '2026-09-01' },
    })
    expect(await unitCount(unit.id)).toMatchObject({ count: 1, linked: 2 })

    await b.call('reported_members:delete', { id: a.id })
    expect((await unitCount(unit.id)).count).toBe(0)
    await b.call('reported_members:restore', { id: a.id })
    expect((await unitCount(unit.id)).count).toBe(1)

    // Moving a member to another unit recounts both.
    const other = await b.call('units:create', unitData('锦华物业', 2, null))
    await b.call('reported_members:update', { id: a.id, data: member('杨晓东', other.id) })
    expect((await unitCount(unit.id)).count).toBe(0)
    expect((await unitCount(other.id)).count).toBe(1)
  })

  it('links a typed 工作单位 that is a 共建单位, and keeps other employers as text', async () => {
    const unit = await b.call('units:create', unitData('盘龙区人民法院', 10, null))
    const linked = await b.call('reported_members:create', {
      ...member('周建国', null),
      employer: '盘龙区人民法院',
    })
    expect(linked.unit_id).toBe(unit.id)
    const free = await b.call('reported_members:create', {
      ...member('赵芳', null),
      employer: '市税务局',
    })
    expect(free).toMatchObject({ unit_id: null, employer: '市税务局', unit_name: '' })
    expect((await unitCount(unit.id)).count).toBe(1)
  })

  it('refuses linking one more 已报到 member than the unit’s 党员人数, saying the numbers', async () => {
    const unit = await b.call('units:create', unitData('青云小学', 2, null))
    await b.call('reported_members:create', member('甲一', unit.id))
    await b.call('reported_members:create', member('乙二', unit.id))
    const r = await b.raw('reported_members:create', member('丙三', unit.id))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toBe(
      '「青云小学」的党员人数是 2，已有 2 名在职党员报到，不能再关联；请先在共建单位中核对党员人数',
    )
    // A member who has 已返回 can still be recorded against the unit.
    const back = await b.raw('reported_members:create', {
      ...member('丙三', unit.id),
      status: '已返回',
      returned_on: '2026-10-01',
    })
    expect(back.ok).toBe(true)
    expect((await unitCount(unit.id)).count).toBe(2)
  })

  it('refuses restoring a member into a unit that has filled up meanwhile', async () => {
    const unit = await b.call('units:create', unitData('青云中学', 1, null))
    const a = await b.call('reported_members:create', member('甲一', unit.id))
    await b.call('reported_members:delete', { id: a.id })
    await b.call('reported_members:create', member('乙二', unit.id))
    const r = await b.raw('reported_members:restore', { id: a.id })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('党员人数是 1，已有 1 名在职党员报到')
  })

  it('refuses a typed count other than the counted one, and 党员人数 below it', async () => {
    const unit = await b.call('units:create', unitData('市自来水公司', 3, null))
    await b.call('reported_members:create', member('甲一', unit.id))
    await b.call('reported_members:create', member('乙二', unit.id))
    const typed = await b.raw('units:update', {
      id: unit.id,
      data: unitData('市自来水公司', 3, 3),
    })
    expect(typed.ok).toBe(false)
    if (!typed.ok)
      expect(typed.error.message).toBe(
        '该单位的在职党员报到人数由「在职党员」台账计算（现为 2 人），不能改为 3；请在在职党员台账中增减',
      )
    const fewer = await b.raw('units:update', { id: unit.id, data: unitData('市自来水公司', 1, 2) })
    expect(fewer.ok).toBe(false)
    if (!fewer.ok)
      expect(fewer.error.message).toContain('在职党员报到人数（2）不能多于党员人数（1）')
    const fewer2 = await b.raw('units:update', {
      id: unit.id,
      data: unitData('市自来水公司', 1, null),
    })
    expect(fewer2.ok).toBe(false)
    if (!fewer2.ok)
      expect(fewer2.error.message).toBe('该单位已有 2 名在职党员报到，党员人数不能少于 2')
    // The other fields still save; the count stays the counted one.
    const ok = await b.call('units:update', {
      id: unit.id,
      data: { ...unitData('市自来水公司', 4, null), address: '锦华路 1 号' },
    })
    expect(ok).toMatchObject({ reported_count: 2, member_count: 4, address: '锦华路 1 号' })
  })

  it('deleting a unit keeps its members, with its name as their 工作单位; restoring relinks', async () => {
    const unit = await b.call('units:create', unitData('锦华超市', 5, null))
    const a = await b.call('reported_members:create', member('甲一', unit.id))
    await b.call('units:delete', { id: unit.id })
    expect(await b.call('reported_members:get', { id: a.id })).toMatchObject({
      unit_id: null,
      employer: '锦华超市',
      deleted_at: null,
    })
    // Restoring the unit links them again, and counts them.
    await b.call('units:restore', { id: unit.id })
    expect((await b.call('reported_members:get', { id: a.id })).unit_id).toBe(unit.id)
    expect((await unitCount(unit.id)).count).toBe(1)
  })

  it('deleting their 居住网格 asks where to move them, and moves them', async () => {
    const from = await b.call('grids:create', { name: '第一网格' })
    const to = await b.call('grids:create', { name: '第二网格' })
    const a = await b.call('reported_members:create', { ...member('甲一', null), grid_id: from.id })
    const usage = await b.call('grids:usage', { id: from.id })
    expect(usage.counts).toContainEqual({
      register: 'reported_members',
      label: '在职党员（居住网格）',
      count: 1,
    })
    const refused = await b.raw('grids:delete', { id: from.id })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('在职党员（居住网格） 1 人')
    await b.call('grids:delete', { id: from.id, moveTo: to.id })
    expect((await b.call('reported_members:get', { id: a.id })).grid_id).toBe(to.id)
  })

  it('needs a 返回日期 for 已返回, not before the 报到日期', async () => {
    const r = await b.raw('reported_members:create', { ...member('甲一', null), status: '已返回' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('状态为「已返回」时请填写返回日期')
    const early = await b.raw('reported_members:create', {
      ...member('甲一', null),
      reported_on: '2026-05-01',
      returned_on: '2026-04-01',
      status: '已返回',
    })
    expect(early.ok).toBe(false)
    if (!early.ok)
      expect(early.error.message).toContain('返回日期（2026-04-01）不能早于报到日期（2026-05-01）')
  })
})

describe('importing 在职党员', () => {
  it('links a 工作单位 column to the 共建单位 of that name and counts them', async () => {
    const unit = await b.call('units:create', unitData('市第一人民医院', 5, 0))
    const csv =
      '姓名,联系电话,工作单位,特长,服务意向,状态\r\n' +
      '杨晓东,13908711206,市第一人民医院,急救培训、健康讲座,楼栋长,已报到\r\n' +
      '赵芳,13908711207,市税务局,书法,,已报到\r\n'
    const input = {
      register: 'reported_members' as const,
      fileName: 'members.csv',
      uploadId: await stageFile(b, Buffer.from(csv, 'utf8')),
    }
    const preview = await b.call('exchange:preview', input)
    expect(preview.invalid).toBe(0)
    expect((await b.call('exchange:import', input)).created).toBe(2)
    const rows = (await b.call('reported_members:list', { search: '杨晓东' })).rows
    expect(rows[0]).toMatchObject({
      unit_id: unit.id,
      skills: ['急救培训', '健康讲座'],
      service_intent: ['楼栋长'],
    })
    expect((await unitCount(unit.id)).count).toBe(1)
  })
})

describe('lianjian list reported_members', () => {
  it('lists them with masked phones, and as JSON', async () => {
    await b.call('reported_members:create', {
      name: '杨晓东',
      phone: '13812345678',
      status: '已报到',
      skills: ['急救培训'],
    })
    b.close()
    const out: string[] = []
    const code = await runCli(['list', 'reported_members', '--data-dir', b.dataDir], {
      out: (l) => out.push(l),
      err: () => undefined,
      env: {},
    })
    expect(code).toBe(0)
    const text = out.join('\n')
    expect(text).toContain('在职党员：共 1 条')
    expect(text).toContain('杨晓东')
    expect(text).toContain('138****5678')
    expect(text).not.toContain('13812345678')
    const json: string[] = []
    await runCli(['list', 'reported_members', '--json', '--data-dir', b.dataDir], {
      out: (l) => json.push(l),
      err: () => undefined,
      env: {},
    })
    const parsed = JSON.parse(json.join('\n')) as { total: number; rows: Record<string, unknown>[] }
    expect(parsed.total).toBe(1)
    expect(parsed.rows[0]).toMatchObject({
      name: '杨晓东',
      phone: '138****5678',
      skills: ['急救培训'],
    })
  })
})
