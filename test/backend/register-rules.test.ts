// The register rules that cross records: a unit's committee members when the unit goes,
// records that point at a deleted 网格 or unit, restoring a unit whose name was taken
// meanwhile, and one 身份证号 per live 社区能人. All through the real dispatch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordingCaller, registerChannel } from '../helpers/register-cases'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())
// For the cases parametrised over registers, whose channel names are built.
const api = recordingCaller(() => b, new Set())

const unitData = (name = '市第一人民医院') => ({
  name,
  liaison: '王敏',
  liaison_phone: '13800002222',
  status: '共建中',
})
const memberData = (name: string, unit_id: number | null = null) => ({
  name,
  phone: '13800003333',
  level: '社区大党委',
  term_start: '2025-01-01',
  term_end: '2027-12-31',
  status: '在任',
  unit_id,
})
const talentData = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  phone: '13800001234',
  status: '在册',
  ...extra,
})

async function failure(channel: Parameters<TestBackend['raw']>[0], input: unknown) {
  const r = await b.raw(channel, input)
  if (r.ok) throw new Error(`${String(channel)} should have been refused`)
  return r.error
}

describe('deleting a unit that has committee members', () => {
  // 王 before 赵 both by character code and in pinyin: the order holds either way it is sorted.
  async function unitWithMembers() {
    const unit = await b.call('units:create', unitData())
    const a = await b.call('committee:create', memberData('王芳', unit.id))
    const c = await b.call('committee:create', memberData('赵德明', unit.id))
    return { unit, a, c }
  }

  it('without committee: "unlink" it is refused, names the members, and changes nothing', async () => {
    const { unit } = await unitWithMembers()
    expect((await b.call('units:get', { id: unit.id })).members.map((m) => m.name)).toEqual([
      '王芳',
      '赵德明',
    ])
    const e = await failure('units:delete', { id: unit.id })
    expect(e.code).toBe('NEEDS_CONFIRMATION')
    expect(e.message).toContain('该单位还有 2 名兼职委员（王芳、赵德明）')
    expect(e.message).toContain('委员记录本身保留')
    expect(e.confirm).toEqual({ kind: 'unlink_committee', count: 2 })
    expect(e.details).toBeUndefined()
    expect((await b.call('units:list', {})).total).toBe(1)
    const members = await b.call('committee:list', {})
    expect(members.rows.map((m) => m.unit_name)).toEqual(['市第一人民医院', '市第一人民医院'])
  })

  it('with committee: "unlink" the members stay, without the unit, audited and re-indexed', async () => {
    const { unit, a, c } = await unitWithMembers()
    const byUnit = async () =>
      (await b.call('committee:list', { search: '医院' })).rows.map((m) => m.id).sort()
    expect(await byUnit()).toEqual([a.id, c.id].sort())

    expect(await b.call('units:delete', { id: unit.id, committee: 'unlink' })).toEqual({
      id: unit.id,
    })
    const members = await b.call('committee:list', {})
    expect(members.total).toBe(2)
    expect(members.rows.map((m) => [m.unit_id, m.unit_name])).toEqual([
      [null, ''],
      [null, ''],
    ])
    expect(await byUnit()).toEqual([])
    const history = await b.call('committee:history', { id: a.id })
    expect(history[0]).toMatchObject({ action: '修改', part: '基本信息', title: '王芳' })
    expect(history[0]?.changes).toEqual([
      { field: 'unit_id', label: '所在共建单位', before: '市第一人民医院', after: '' },
    ])
    // Restoring the unit undoes the deletion: the links come back, audited and searchable.
    await b.call('units:restore', { id: unit.id })
    const back = (await b.call('units:get', { id: unit.id })).members.map((m) => m.id).sort()
    expect(back).toEqual([a.id, c.id].sort())
    expect(await byUnit()).toEqual([a.id, c.id].sort())
    expect((await b.call('committee:history', { id: a.id }))[0]?.changes).toEqual([
      { field: 'unit_id', label: '所在共建单位', before: '', after: '市第一人民医院' },
    ])
  })

  it('restoring a unit leaves a member alone who was linked elsewhere or edited meanwhile', async () => {
    const { unit, a, c } = await unitWithMembers()
    const other = await b.call('units:create', unitData('区图书馆'))
    await b.call('units:delete', { id: unit.id, committee: 'unlink' })
    // a moves to another unit; c is edited (unit still none) and then keeps no unit on purpose.
    await b.call('committee:update', { id: a.id, data: memberData('王芳', other.id) })
    await b.call('committee:update', {
      id: c.id,
      data: { ...memberData('赵德明'), phone: '13900000001' },
    })
    await b.call('units:restore', { id: unit.id })
    expect((await b.call('committee:get', { id: a.id })).unit_id).toBe(other.id)
    // c's edit did not change the unit, so the deletion is still the last change: c comes back.
    expect((await b.call('committee:get', { id: c.id })).unit_id).toBe(unit.id)
  })

  it('a unit without live members goes at once, and a member in the 回收站 is unlinked too', async () => {
    const { unit, a, c } = await unitWithMembers()
    await b.call('committee:delete', { id: a.id })
    await b.call('committee:delete', { id: c.id })
    expect(await b.call('units:delete', { id: unit.id })).toEqual({ id: unit.id })
    // The member restored later must not point at a deleted unit (it could not be saved again).
    const restored = await b.call('committee:restore', { id: a.id })
    expect(restored).toMatchObject({ unit_id: null, unit_name: '' })
    const saved = await b.call('committee:update', { id: a.id, data: memberData('王芳') })
    expect(saved.deleted_at).toBeNull()
  })
})

describe('records that point at a deleted 网格 or unit', () => {
  const gridCases = [
    { register: 'talents', field: 'grid_id', label: '所属网格', data: talentData('李志红') },
    {
      register: 'households',
      field: 'grid_id',
      label: '所属网格',
      data: { head_name: '单丽', phone: '13800004444', building: '3栋', status: '正常' },
    },
    { register: 'committee', field: 'duty_grid_id', label: '联系网格', data: memberData('周建国') },
  ] as const

  it.each(gridCases)('$register: a deleted 网格 is refused on create and update', async (c) => {
    const live = await b.call('grids:create', { name: '第一网格' })
    const doomed = await b.call('grids:create', { name: '第二网格' })
    await b.call('grids:delete', { id: doomed.id })
    const created = await api.call(registerChannel(c.register, 'create'), {
      ...c.data,
      [c.field]: live.id,
    })
    const message = `所选${c.label}已被删除，请重新选择`
    for (const [channel, input] of [
      [registerChannel(c.register, 'create'), { ...c.data, [c.field]: doomed.id }],
      [registerChannel(c.register, 'create'), { ...c.data, [c.field]: 9999 }],
      [
        registerChannel(c.register, 'update'),
        { id: created.id, data: { ...c.data, [c.field]: doomed.id } },
      ],
    ] as const) {
      const e = await failure(channel, input)
      expect(e).toMatchObject({ code: 'VALIDATION', message })
      expect(e.details).toEqual([{ field: c.field, message }])
    }
    expect(await api.call(registerChannel(c.register, 'get'), { id: created.id })).toMatchObject({
      [c.field]: live.id,
    })
    const none = await api.call(registerChannel(c.register, 'update'), {
      id: created.id,
      data: { ...c.data, [c.field]: null },
    })
    expect(none).toMatchObject({ [c.field]: null })
  })

  it.each(gridCases)(
    '$register: a record in the 回收站 whose 网格 is gone is restored without it',
    async (c) => {
      const grid = await b.call('grids:create', { name: '第二网格' })
      const created = await api.call(registerChannel(c.register, 'create'), {
        ...c.data,
        [c.field]: grid.id,
      })
      await api.call(registerChannel(c.register, 'delete'), { id: created.id })
      // Earlier versions deleted a 网格 and left its records pointing at it; such databases
      // are still out there, so the 网格 is deleted here as those versions did.
      b.ctx.db
        .prepare("UPDATE grids SET deleted_at = '2026-01-01 00:00:00' WHERE id = ?")
        .run(grid.id)
      const restored = await api.call(registerChannel(c.register, 'restore'), { id: created.id })
      expect(restored).toMatchObject({ deleted_at: null, [c.field]: null })
      // …and can be saved again as it is.
      const saved = await api.call(registerChannel(c.register, 'update'), {
        id: created.id,
        data: { ...c.data, [c.field]: null },
      })
      expect(saved).toMatchObject({ [c.field]: null })
    },
  )

  it('a committee member or 三项清单 item cannot name a deleted unit', async () => {
    const unit = await b.call('units:create', unitData())
    const other = await b.call('units:create', unitData('锦华物业'))
    await b.call('units:delete', { id: unit.id })
    const e = await failure('committee:create', memberData('周建国', unit.id))
    expect(e).toMatchObject({ code: 'VALIDATION', message: '所选所在共建单位已被删除，请重新选择' })
    const item = { list_type: '需求', title: '助老服务', status: '已认领' }
    const claim = await failure('unit_list_items:create', {
      parentId: other.id,
      data: { ...item, claimed_by_unit_id: unit.id },
    })
    expect(claim).toMatchObject({ code: 'VALIDATION', message: '所选认领单位已被删除，请重新选择' })
  })

  it('a 议定事项 keeps the name of a unit deleted since, unlinked', async () => {
    const unit = await b.call('units:create', unitData())
    const meeting = await b.call('meetings:create', {
      meeting_type: '党建联席会议',
      title: '第一次党建联席会议',
      meeting_date: '2026-03-10',
      location: '社区党群服务中心',
    })
    await b.call('units:delete', { id: unit.id })
    const row = await b.call('meeting_resolutions:create', {
      parentId: meeting.id,
      data: {
        content: '每月义诊',
        lead_unit_id: unit.id,
        lead_unit_name: '市第一人民医院',
        status: '未开始',
      },
    })
    expect(row).toMatchObject({ lead_unit_id: null, lead_unit_name: '市第一人民医院' })
    const e = await failure('meeting_resolutions:create', {
      parentId: meeting.id,
      data: { content: '每月义诊', lead_unit_id: unit.id, status: '未开始' },
    })
    expect(e).toMatchObject({ code: 'VALIDATION', message: '请选择或填写责任单位' })
  })
})

describe('restoring a record whose unique value was taken meanwhile', () => {
  it('a unit whose name a new unit now has is refused, and stays in the 回收站', async () => {
    const old = await b.call('units:create', unitData())
    await b.call('units:delete', { id: old.id })
    const fresh = await b.call('units:create', unitData())
    const e = await failure('units:restore', { id: old.id })
    expect(e).toMatchObject({
      code: 'CONFLICT',
      message: '已有名为「市第一人民医院」的共建单位，单位名称不能重复',
    })
    expect((await b.call('units:list', {})).rows.map((u) => u.id)).toEqual([fresh.id])
    expect((await b.call('units:list', { trash: true })).rows.map((u) => u.id)).toEqual([old.id])
    // Once the new unit is renamed, the old one comes back.
    await b.call('units:update', { id: fresh.id, data: unitData('市第一人民医院（新院区）') })
    expect(await b.call('units:restore', { id: old.id })).toMatchObject({ deleted_at: null })
    expect((await b.call('units:list', {})).total).toBe(2)
  })

  it('a unit name cannot be given twice by create or update', async () => {
    const a = await b.call('units:create', unitData())
    const c = await b.call('units:create', unitData('锦华物业'))
    for (const [channel, input] of [
      ['units:create', unitData()],
      ['units:update', { id: c.id, data: unitData() }],
    ] as const) {
      const e = await failure(channel, input)
      expect(e).toMatchObject({ code: 'CONFLICT', details: [{ field: 'name' }] })
    }
    expect(await b.call('units:update', { id: a.id, data: unitData() })).toMatchObject({
      id: a.id,
    })
  })
})

describe('身份证号: one per live 社区能人', () => {
  const ID = '11010519491231002X'

  it('derives 性别 and 出生年月 and refuses the same number in any spelling', async () => {
    const first = await b.call('talents:create', talentData('李志红', { id_card: ID }))
    expect(first).toMatchObject({ id_card: ID, gender: '女', birth_month: '1949-12' })
    const message = '身份证号与已登记的社区能人「李志红」相同，请勿重复登记'
    // Lower-case x, spaces and the old 15-digit form are the same person.
    for (const spelling of [ID, ID.toLowerCase(), '110105 19491231 002X', '110105491231002']) {
      const e = await failure('talents:create', talentData('李志宏', { id_card: spelling }))
      expect(e).toMatchObject({ code: 'CONFLICT', message })
      expect(e.details).toEqual([{ field: 'id_card', message: '该身份证号已登记' }])
    }
    const second = await b.call('talents:create', talentData('李志宏'))
    const e = await failure('talents:update', {
      id: second.id,
      data: talentData('李志宏', { id_card: ID }),
    })
    expect(e).toMatchObject({ code: 'CONFLICT', message })
    // Saving the owner again is not a clash with itself; many may leave it empty.
    await b.call('talents:update', { id: first.id, data: talentData('李志红', { id_card: ID }) })
    await b.call('talents:create', talentData('王芳'))
    expect((await b.call('talents:list', {})).total).toBe(3)
  })

  it('a deleted talent frees the number, and cannot be restored while another holds it', async () => {
    const first = await b.call('talents:create', talentData('李志红', { id_card: ID }))
    await b.call('talents:delete', { id: first.id })
    const again = await b.call('talents:create', talentData('李志红', { id_card: ID }))
    const e = await failure('talents:restore', { id: first.id })
    expect(e).toMatchObject({
      code: 'CONFLICT',
      message: '身份证号与已登记的社区能人「李志红」相同，请勿重复登记',
    })
    expect((await b.call('talents:list', {})).rows.map((t) => t.id)).toEqual([again.id])
  })
})
