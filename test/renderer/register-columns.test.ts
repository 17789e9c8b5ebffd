import { REGISTERS, type AnyRegisterKey } from '@shared/registers/registers'
import { createApp, h } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { CellTag } from '../../src-renderer/src/components/common/CellTag'
import {
  columnWidth,
  defaultColumns,
  useColumnChoice,
} from '../../src-renderer/src/components/register/register-columns'

// The table beside the menu at 1366×768 is 1069 px wide. Besides the field columns each list
// has 序号 (56), 操作 (160, fixed right) and the counts its view adds.
const TABLE = 1069
const FIXED = 56 + 160
const VIEW_COLUMNS: Record<AnyRegisterKey, number> = {
  talents: 86, // 服务记录
  units: 86 + 76, // 兼职委员, 待认领
  committee: 0,
  households: 86 + 86, // 联系户数, 联户记录
  meetings: 64 + 140, // 参会, 议定事项
  reported_members: 86, // 服务次数
  matters: 150, // 办理期限
}

afterEach(() => localStorage.clear())

describe('register list columns', () => {
  it.each(Object.keys(VIEW_COLUMNS) as AnyRegisterKey[])(
    '%s: the default columns fit a 1366-px screen without sideways scrolling',
    (key) => {
      const spec = REGISTERS[key]
      const fields = defaultColumns(spec).reduce((sum, f) => sum + columnWidth(key, f), 0)
      expect(fields + FIXED + VIEW_COLUMNS[key]).toBeLessThanOrEqual(TABLE)
      expect(defaultColumns(spec).map((f) => f.key)).toContain(spec.nameField)
    },
  )

  it('talents: 专业特长, 所属网格, 状态 and 入库日期 are on screen by default', () => {
    const labels = defaultColumns(REGISTERS.talents).map((f) => f.label)
    expect(labels).toEqual(expect.arrayContaining(['专业特长', '所属网格', '状态', '入库日期']))
  })

  it('her pick is remembered per register, the name column always stays, 恢复默认 undoes it', async () => {
    const first = useColumnChoice(REGISTERS.talents)
    expect(first.isDefault.value).toBe(true)
    first.chosen.value = ['phone', 'employer']
    await Promise.resolve()
    const again = useColumnChoice(REGISTERS.talents)
    expect(again.shown.value.map((f) => f.key)).toEqual(['name', 'phone', 'employer'])
    expect(again.isDefault.value).toBe(false)
    expect(useColumnChoice(REGISTERS.units).isDefault.value).toBe(true)
    again.reset()
    expect(again.shown.value.map((f) => f.key)).toEqual(
      defaultColumns(REGISTERS.talents).map((f) => f.key),
    )
  })

  it('a damaged saved pick falls back to the defaults', () => {
    localStorage.setItem('lianjian.columns.committee', '{not json')
    const c = useColumnChoice(REGISTERS.committee)
    expect(c.isDefault.value).toBe(true)
  })
})

describe('CellTag', () => {
  it('draws el-tag markup (type, size, effect) without a component instance or transition', () => {
    const el = document.createElement('div')
    createApp({
      render: () => h(CellTag, { type: 'danger', effect: 'dark', class: 'tag' }, () => '逾期'),
    }).mount(el)
    const tag = el.querySelector('span.el-tag')
    expect(tag?.className).toBe('el-tag el-tag--danger el-tag--small el-tag--dark tag')
    expect(tag?.querySelector('.el-tag__content')?.textContent).toBe('逾期')
  })
})
