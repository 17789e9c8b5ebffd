// The 共建单位 picker against the real backend: with more units than it shows, it lists a capped
// set and says how many more; typing pinyin initials or part of the name finds the unit; the
// picked unit's name shows again when the form reopens with its id; a deleted unit says so.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { FieldDef } from '../../src-main/shared/registers/field-def'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend, mountField } from './renderer-helpers'

const field: FieldDef = { key: 'unit_id', label: '所在共建单位', kind: 'unit' }
let b: TestBackend
connectBackend((x) => (b = x))

const unit = (name: string) =>
  b.call('units:create', {
    name,
    liaison: '陈联络',
    liaison_phone: '13800000001',
    status: '共建中',
  })

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
}

const items = () => [...document.querySelectorAll('.el-select-dropdown__item')]
const texts = () => items().map((e) => e.textContent?.trim() ?? '')

describe('UnitSelect', () => {
  it('shows a capped list, finds by initials and by part of the name, keeps the name', async () => {
    for (let i = 1; i <= 70; i++) await unit(`青云街道第${i}共建单位`)
    const hospital = await unit('盘龙区人民医院')
    const { wrapper, value } = await mountField(field, null, settle)
    await wrapper.find('.el-select__wrapper').trigger('click')
    await settle()
    expect(items().length).toBe(51)
    expect(texts().at(-1)).toBe('还有 21 个单位，请继续输入名称或拼音缩小范围')

    const input = wrapper.find('input')
    await input.setValue('plq')
    await settle()
    expect(texts()).toEqual(['盘龙区人民医院'])
    await input.setValue('人民医')
    await settle()
    expect(texts()).toEqual(['盘龙区人民医院'])
    ;(items()[0] as HTMLElement).click()
    await settle()
    expect(value.value).toBe(hospital.id)
    wrapper.unmount()

    const again = await mountField(field, hospital.id, settle)
    expect(again.wrapper.text()).toContain('盘龙区人民医院')
    expect(again.wrapper.text()).not.toMatch(new RegExp(`\\b${hospital.id}\\b`))
  })

  it('a unit deleted since says so instead of showing its id', async () => {
    const gone = await unit('已撤销的单位')
    await b.call('units:delete', { id: gone.id })
    const { wrapper } = await mountField(field, gone.id, settle)
    expect(wrapper.text()).toContain('（原单位已删除，请重新选择）')
  })
})
