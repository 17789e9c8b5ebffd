// The 共建单位 picker against the real backend: with more units than it shows, it lists a capped
// set and says how many more; typing pinyin initials or part of the name finds the unit; the
// picked unit's name shows again when the form reopens with its id; a deleted unit says so.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { setTransport } from '../../src-renderer/src/api/client'
import FieldInput from '../../src-renderer/src/components/register/FieldInput.vue'
import { useLookupsStore } from '../../src-renderer/src/stores/lookups.store'
import type { FieldDef } from '../../src-main/shared/registers/field-def'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

const field: FieldDef = { key: 'unit_id', label: '所在共建单位', kind: 'unit' }
let b: TestBackend
beforeEach(() => {
  b = testBackend()
  setTransport(b.invoke)
})
afterEach(() => {
  setTransport(undefined)
  document.body.innerHTML = ''
  b.dispose()
})

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

async function mountField(initial: number | null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useLookupsStore().load()
  const value = ref<unknown>(initial)
  const Host = defineComponent(
    () => () =>
      h(FieldInput, {
        field,
        modelValue: value.value,
        'onUpdate:modelValue': (v: unknown) => (value.value = v),
      }),
  )
  const wrapper = mount(Host, {
    global: { plugins: [pinia, ElementPlus] },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, value }
}

const items = () => [...document.querySelectorAll('.el-select-dropdown__item')]
const texts = () => items().map((e) => e.textContent?.trim() ?? '')

describe('UnitSelect', () => {
  it('shows a capped list, finds by initials and by part of the name, keeps the name', async () => {
    for (let i = 1; i <= 70; i++) await unit(`青云街道第${i}共建单位`)
    const hospital = await unit('盘龙区人民医院')
    const { wrapper, value } = await mountField(null)
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

    const again = await mountField(hospital.id)
    expect(again.wrapper.text()).toContain('盘龙区人民医院')
    expect(again.wrapper.text()).not.toMatch(new RegExp(`\\b${hospital.id}\\b`))
  })

  it('a unit deleted since says so instead of showing its id', async () => {
    const gone = await unit('已撤销的单位')
    await b.call('units:delete', { id: gone.id })
    const { wrapper } = await mountField(gone.id)
    expect(wrapper.text()).toContain('（原单位已删除，请重新选择）')
  })
})
