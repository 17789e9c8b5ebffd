// 推荐承办人 (responders:suggest) on a real database: skills found inside Chinese text without
// spaces, 资源清单 items, 联系领域, 同楼栋 and 同网格, each with its reason; a skill match ranks
// above a place-only match, and deleted or inactive records are never suggested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildingsIn, suggestResponders, termsOf } from '../../src-main/backend/responders/suggest'
import { SuggestInput, type Suggestion } from '../../src-main/shared/schemas/responders.schema'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
const id: Record<string, number> = {}
let gridA = 0
let gridB = 0

beforeAll(async () => {
  b = testBackend()
  gridA = (await b.call('grids:create', { name: '第一网格' })).id
  gridB = (await b.call('grids:create', { name: '第二网格' })).id
  const talent = async (name: string, extra: Record<string, unknown>) =>
    (id[name] = (
      await b.call('talents:create', {
        name,
        phone: `1380000${String(Object.keys(id).length).padStart(4, '0')}`,
        status: '在册',
        ...extra,
      })
    ).id)
  // A plumber in the other grid, a neighbour in the item's grid with an unrelated skill.
  await talent('王水电', { skills: ['水电维修'], grid_id: gridB })
  await talent('李邻居', { skills: ['书法'], grid_id: gridA })
  await talent('赵医生', { skills: ['全科诊疗'], categories: ['医疗健康'], grid_id: gridA })
  await talent('钱已删', { skills: ['水电维修'], grid_id: gridA })
  await b.call('talents:delete', { id: id['钱已删'] ?? 0 })
  await talent('孙退出', { skills: ['水电维修'], grid_id: gridA, status: '退出' })

  const unit = await b.call('units:create', {
    name: '锦华物业',
    liaison: '周联络',
    liaison_phone: '13800009999',
    status: '共建中',
  })
  id['锦华物业'] = unit.id
  await b.call('unit_list_items:create', {
    parentId: unit.id,
    data: { list_type: '资源', title: '管道疏通', category: '设施改造', status: '待认领' },
  })
  id['周委员'] = (
    await b.call('committee:create', {
      name: '周委员',
      phone: '13800008888',
      level: '社区大党委',
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      status: '在任',
      duty_domain: '设施改造',
      duty_grid_id: gridB,
    })
  ).id
  id['陈中心户'] = (
    await b.call('households:create', {
      head_name: '陈中心户',
      phone: '13800007777',
      estate: '锦华苑',
      building: '3栋',
      grid_id: gridA,
      status: '正常',
    })
  ).id
  id['吴同网格'] = (
    await b.call('households:create', {
      head_name: '吴同网格',
      phone: '13800006666',
      estate: '馨园',
      building: '8栋',
      grid_id: gridA,
      status: '正常',
    })
  ).id
  id['杨党员'] = (
    await b.call('reported_members:create', {
      name: '杨党员',
      phone: '13800005555',
      status: '已报到',
      skills: ['急救培训'],
      service_intent: ['楼道清洁'],
      grid_id: gridA,
    })
  ).id
})
afterAll(() => b.dispose())

const suggest = (input: Record<string, unknown>) =>
  b.call('responders:suggest', input as never) as Promise<Suggestion[]>
const find = (list: Suggestion[], kind: string, name: string) =>
  list.find((s) => s.kind === kind && s.name === name)

describe('responders:suggest', () => {
  it('finds a skill inside text without spaces and ranks it above 同网格 alone', async () => {
    const list = await suggest({ content: '3栋楼道水管漏水，急需水电维修', gridId: gridA })
    const plumber = find(list, 'talent', '王水电')
    expect(plumber).toMatchObject({ reasons: ['技能匹配「水电维修」'], open_items: 0 })
    const neighbour = find(list, 'talent', '李邻居')
    expect(neighbour?.reasons).toEqual(['同网格'])
    expect(plumber?.score ?? 0).toBeGreaterThan(neighbour?.score ?? 0)
    expect(list.indexOf(plumber as Suggestion)).toBeLessThan(list.indexOf(neighbour as Suggestion))
    // Scores never rise down the list.
    for (let i = 1; i < list.length; i++)
      expect(list[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(list[i]?.score ?? 0)
  })

  it('never suggests deleted or inactive records', async () => {
    const list = await suggest({ content: '水电维修', gridId: gridA })
    expect(list.map((s) => s.name)).not.toContain('钱已删')
    expect(list.map((s) => s.name)).not.toContain('孙退出')
    await b.call('reported_members:delete', { id: id['杨党员'] ?? 0 })
    const after = await suggest({ content: '急救培训', gridId: gridA })
    expect(after.map((s) => s.name)).not.toContain('杨党员')
    await b.call('reported_members:restore', { id: id['杨党员'] ?? 0 })
    const back = await suggest({ content: '急救培训', gridId: gridA })
    expect(find(back, 'reported', '杨党员')?.reasons).toEqual(['技能匹配「急救培训」', '同网格'])
  })

  it('gives 资源清单, 联系领域 and the committee member of that unit their reasons', async () => {
    const list = await suggest({ category: '设施改造', content: '下水道堵塞需要管道疏通' })
    expect(find(list, 'unit', '锦华物业')?.reasons).toEqual(['资源清单「管道疏通」'])
    expect(find(list, 'committee', '周委员')?.reasons).toEqual(['联系领域「设施改造」'])
  })

  it('finds the 党员中心户 of the same building, and 服务意向 of reported members', async () => {
    const list = await suggest({
      content: '组织楼道清洁',
      location: '锦华苑3栋2单元',
      gridId: gridA,
    })
    const house = find(list, 'household', '陈中心户')
    expect(house?.reasons).toEqual(['同楼栋', '同网格'])
    expect(find(list, 'household', '吴同网格')?.reasons).toEqual(['同网格'])
    expect(find(list, 'reported', '杨党员')?.reasons).toEqual(['服务意向「楼道清洁」', '同网格'])
    expect((house?.score ?? 0) > (find(list, 'household', '吴同网格')?.score ?? 0)).toBe(true)
  })

  it('uses 人才类别 and asks the open-item counter for each responder', async () => {
    const input = SuggestInput.parse({ category: '医疗健康', content: '老人头晕', gridId: gridA })
    const list = suggestResponders(
      b.ctx.db,
      input,
      (kind, ids) => new Map(kind === 'talent' ? ids.map((i) => [i, 2] as [number, number]) : []),
    )
    expect(find(list, 'talent', '赵医生')).toMatchObject({
      reasons: ['人才类别「医疗健康」', '同网格'],
      open_items: 2,
      detail: '全科诊疗',
    })
  })

  it('returns nothing for an item nobody matches, and caps the list', async () => {
    expect(await suggest({ content: '无关内容' })).toEqual([])
    expect(await suggest({ content: '水电维修楼道清洁', gridId: gridA, limit: 2 })).toHaveLength(2)
  })

  it('reads 楼栋 from 地点 whole: 13栋 is not 3栋', async () => {
    expect(buildingsIn('锦华苑13栋2单元')).toEqual(['13栋', '13号楼'])
    expect(buildingsIn('锦华苑３号楼')).toEqual(['3号楼', '3栋'])
    const list = await suggest({ content: '路灯不亮', location: '锦华苑13栋' })
    expect(find(list, 'household', '陈中心户')).toBeUndefined()
  })

  it('cuts terms only inside phrases', () => {
    const t = termsOf('水管漏水，急需维修')
    expect(t).toContain('水管漏水')
    expect(t).toContain('维修')
    expect(t).not.toContain('漏水，急')
    expect(t).not.toContain('水，')
  })
})

describe('responders:suggest counts open 民情事项 from the register', () => {
  it('counts open items each responder holds; closed, cancelled and deleted ones do not', async () => {
    // Its own talent and unit, so the other tests' 在办 0 holds in any order.
    const plumber = (
      await b.call('talents:create', {
        name: '郑管工',
        phone: '13800003333',
        status: '在册',
        skills: ['疏通下水道'],
      })
    ).id
    const unit = (
      await b.call('units:create', {
        name: '青云市政',
        liaison: '钱联络',
        liaison_phone: '13800004444',
        status: '共建中',
      })
    ).id
    await b.call('unit_list_items:create', {
      parentId: unit,
      data: { list_type: '资源', title: '化粪池清掏', category: '环境整治', status: '待认领' },
    })
    const item = async () =>
      (
        await b.call('matters:create', {
          reported_on: '2026-03-12',
          source: '网格走访',
          kind: '问题',
          content: '下水道堵塞',
        })
      ).id
    const dispatched = async () => {
      const m = await item()
      await b.call('matters:dispatch', {
        id: m,
        responders: [
          { kind: 'talent', ref_id: plumber, name: '' },
          { kind: 'unit', ref_id: unit, name: '' },
        ],
      })
      return m
    }
    const open1 = await dispatched()
    await dispatched()
    const closed = await dispatched()
    await b.call('matters:accept', { id: closed })
    await b.call('matters:progress', { id: closed, on: '2026-03-13', text: '已上门' })
    await b.call('matters:feedback', { id: closed, result: '已修好' })
    await b.call('matters:close', { id: closed, verifier: '张网格员', on: '2026-03-14' })
    await b.call('matters:cancel', { id: await dispatched(), reason: '居民已自行解决' })
    await b.call('matters:delete', { id: await dispatched() })
    await b.call('matters:accept', { id: open1 })

    const list = await suggest({ content: '急需疏通下水道和化粪池清掏', category: '设施改造' })
    expect(find(list, 'talent', '郑管工')?.open_items).toBe(2)
    expect(find(list, 'unit', '青云市政')?.open_items).toBe(2)
    // Someone who holds nothing says 0, not a stale or shared figure.
    expect(find(list, 'committee', '周委员')?.open_items).toBe(0)
  })
})
