// What the 修改记录 tab shows for each kind of field (lists, yes/no, a chosen 网格 or unit,
// numbers), and how a unit with many committee members is described before it is deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const talent = (extra: Record<string, unknown> = {}) => ({
  name: '李志红',
  phone: '13812345678',
  status: '在册',
  ...extra,
})

describe('history shows values as a person reads them', () => {
  it('lists joined with 、, a 网格 by its name, empty values as empty', async () => {
    const first = await b.call('grids:create', { name: '第一网格' })
    const second = await b.call('grids:create', { name: '第二网格' })
    const t = await b.call(
      'talents:create',
      talent({ categories: ['法律服务'], skills: ['合同纠纷'], grid_id: first.id }),
    )
    await b.call('talents:update', {
      id: t.id,
      data: talent({
        categories: ['法律服务', '矛盾调解'],
        skills: [],
        grid_id: second.id,
        note: '退休法官',
      }),
    })
    const [update, create] = await b.call('talents:history', { id: t.id })
    expect(update?.changes).toEqual([
      {
        field: 'categories',
        label: '人才类别',
        before: '法律服务',
        after: '法律服务、矛盾调解',
      },
      { field: 'skills', label: '专业特长', before: '合同纠纷', after: '' },
      { field: 'grid_id', label: '所属网格', before: '第一网格', after: '第二网格' },
      { field: 'note', label: '备注', before: '', after: '退休法官' },
    ])
    // A new record lists only the fields that were filled in.
    expect(create?.changes.map((c) => c.field)).toEqual([
      'name',
      'phone',
      'categories',
      'skills',
      'grid_id',
      'status',
    ])
  })

  it('a changed name titles the entry with the new name; yes/no and numbers read plainly', async () => {
    const h = await b.call('households:create', {
      head_name: '单丽',
      phone: '13800004444',
      building: '3栋',
      status: '正常',
    })
    await b.call('households:update', {
      id: h.id,
      data: { head_name: '单丽华', phone: '13800004444', building: '3栋', status: '正常' },
    })
    const visit = await b.call('household_visits:create', {
      parentId: h.id,
      data: { visit_date: '2026-06-02', item: '楼道堆物清理', follow_up: true },
    })
    await b.call('household_visits:update', {
      id: visit.id,
      data: { visit_date: '2026-06-02', item: '楼道堆物清理', follow_up: false },
    })
    const link = await b.call('household_links:create', {
      parentId: h.id,
      data: { head_name: '张桂兰', people: 3 },
    })
    await b.call('household_links:update', {
      id: link.id,
      data: { head_name: '张桂兰', people: null },
    })
    const history = await b.call('households:history', { id: h.id })
    expect(history.map((e) => [e.action, e.part, e.title, e.changes])).toEqual([
      ['修改', '联系户', '张桂兰', [{ field: 'people', label: '人数', before: '3', after: '' }]],
      expect.arrayContaining(['新增', '联系户', '张桂兰']),
      [
        '修改',
        '联户记录',
        '楼道堆物清理',
        [{ field: 'follow_up', label: '需跟进', before: '是', after: '否' }],
      ],
      expect.arrayContaining(['新增', '联户记录', '楼道堆物清理']),
      [
        '修改',
        '基本信息',
        '单丽华',
        [{ field: 'head_name', label: '户主姓名（党员）', before: '单丽', after: '单丽华' }],
      ],
      expect.arrayContaining(['新增', '基本信息', '单丽']),
    ])
  })
})

describe('deleting a unit with many committee members', () => {
  it('names the first five and says 等, counting only members not in the 回收站', async () => {
    const unit = await b.call('units:create', {
      name: '市第一人民医院',
      liaison: '王敏',
      liaison_phone: '13800002222',
      status: '共建中',
    })
    const names = ['周建国', '陈晓梅', '李志红', '王芳', '赵德明', '孙立新', '刘洋']
    const ids: number[] = []
    for (const name of names) {
      const m = await b.call('committee:create', {
        name,
        phone: '13800003333',
        level: '社区大党委',
        term_start: '2025-01-01',
        term_end: '2027-12-31',
        status: '在任',
        unit_id: unit.id,
      })
      ids.push(m.id)
    }
    await b.call('committee:delete', { id: ids[6] ?? 0 })
    const r = await b.raw('units:delete', { id: unit.id })
    expect(r.ok).toBe(false)
    const message = r.ok ? '' : r.error.message
    expect(message).toMatch(/^该单位还有 6 名兼职委员（[^）]+等）。/)
    const listed = /（([^）]+)等）/.exec(message)?.[1]?.split('、') ?? []
    expect(listed).toHaveLength(5)
    expect(listed.every((n) => names.slice(0, 6).includes(n))).toBe(true)
  })
})
