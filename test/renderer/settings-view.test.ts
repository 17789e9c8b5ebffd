import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport } from '../../src-renderer/src/api/client'
import { useSettingsStore } from '../../src-renderer/src/stores/settings.store'
import SettingsView from '../../src-renderer/src/views/settings/SettingsView.vue'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((x) => (b = x))

function input(wrapper: ReturnType<typeof mount>, label: string) {
  const item = wrapper.findAll('.el-form-item').find((i) => i.find('label').text().includes(label))
  if (!item) throw new Error(`no field ${label}`)
  return { el: item.find('input'), item }
}

function mountView() {
  const pinia = createPinia()
  // The view reads its route (?focus=); a memory router keeps Vue from warning there is none.
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }],
  })
  const wrapper = mount(SettingsView, {
    global: { plugins: [pinia, ElementPlus, router] },
    attachTo: document.body,
  })
  return { pinia, wrapper }
}

describe('SettingsView', () => {
  it('keeps what she typed before the saved values arrived (a slow PC), and fills the rest', async () => {
    await b.call('settings:save', {
      community_name: '旧名称社区',
      street_name: '青云街道',
      party_org_name: '中共旧名称社区委员会',
    })
    // The saved values are held back until she has typed.
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    setTransport(async (channel, input) => {
      if (channel === 'settings:get') await held
      return b.invoke(channel as never, input as never)
    })
    const { pinia, wrapper } = mountView()
    await flushPromises()
    await input(wrapper, '社区名称').el.setValue('锦华社区')
    release()
    const store = useSettingsStore(pinia)
    await expect.poll(() => store.settings !== null && !store.loading).toBe(true)
    await flushPromises()
    const value = (label: string) => (input(wrapper, label).el.element as HTMLInputElement).value
    expect(value('社区名称')).toBe('锦华社区')
    expect(value('所属街道')).toBe('青云街道')
    wrapper.unmount()
  })

  it('fills, suggests the party organisation name, validates the phone and saves', async () => {
    const { pinia, wrapper } = mountView()
    // Loaded (and the form filled) first: this test is about validating and saving.
    const store = useSettingsStore(pinia)
    await expect.poll(() => store.settings !== null && !store.loading).toBe(true)
    await flushPromises()
    await input(wrapper, '社区名称').el.setValue('锦华社区')
    await input(wrapper, '社区名称').el.trigger('blur')
    expect((input(wrapper, '社区党组织名称').el.element as HTMLInputElement).value).toBe(
      '中共锦华社区委员会',
    )
    await input(wrapper, '所属街道').el.setValue('青云街道')
    const phone = input(wrapper, '联系电话')
    await phone.el.setValue('12345')
    await phone.el.trigger('blur')
    await expect.poll(() => phone.item.text()).toContain('请输入正确的电话号码')

    await wrapper.find('[data-test="settings-save"]').trigger('click')
    // Refused before any call: the message that says so is the sign it is finished.
    await expect.poll(() => document.body.textContent).toContain('请按红色提示修改后再保存')
    expect((await b.call('settings:get', {})).configured).toBe(false)

    await phone.el.setValue('0871-65123456')
    await wrapper.find('form').trigger('submit')
    await expect.poll(async () => (await b.call('settings:get', {})).configured).toBe(true)
    expect(await b.call('settings:get', {})).toMatchObject({
      configured: true,
      community_name: '锦华社区',
      party_org_name: '中共锦华社区委员会',
      phone: '0871-65123456',
    })
    wrapper.unmount()
  })

  it('in 街道 mode asks for 街道名称 and 街道党工委名称, not 社区名称; a community still must give it', async () => {
    await b.call('street:settings-save', { mode: '街道', period: '' })
    const { pinia, wrapper } = mountView()
    const store = useSettingsStore(pinia)
    await expect.poll(() => store.settings !== null && !store.loading).toBe(true)
    await expect.poll(() => wrapper.text()).toContain('街道党工委名称')
    const labels = () => wrapper.findAll('.el-form-item label').map((l) => l.text())
    expect(labels()).not.toContain('社区名称')
    expect(labels()).not.toContain('社区党组织名称')
    expect(wrapper.text()).toContain('不需要填写社区名称')
    await wrapper.find('form').trigger('submit')
    await expect.poll(() => document.body.textContent).toContain('请填写街道名称')
    expect((await b.call('settings:get', {})).configured).toBe(false)
    await input(wrapper, '街道名称').el.setValue('青云街道')
    await input(wrapper, '街道名称').el.trigger('blur')
    expect((input(wrapper, '街道党工委名称').el.element as HTMLInputElement).value).toBe(
      '中共青云街道工作委员会',
    )
    await wrapper.find('form').trigger('submit')
    await expect.poll(async () => (await b.call('settings:get', {})).configured).toBe(true)
    // The street's own unit is the street: its name is saved where a community's would be.
    expect(await b.call('settings:get', {})).toMatchObject({
      community_name: '青云街道',
      street_name: '青云街道',
      party_org_name: '中共青云街道工作委员会',
    })
    wrapper.unmount()

    // Back to 社区: 社区名称 is asked again and required, as before.
    await b.call('street:settings-save', { mode: '社区', period: '' })
    const again = mountView()
    const againStore = useSettingsStore(again.pinia)
    await expect.poll(() => againStore.settings !== null && !againStore.loading).toBe(true)
    await flushPromises()
    expect(again.wrapper.text()).toContain('社区党组织名称')
    await input(again.wrapper, '社区名称').el.setValue('')
    await again.wrapper.find('form').trigger('submit')
    await expect
      .poll(() => input(again.wrapper, '社区名称').item.text())
      .toContain('请填写社区名称')
    again.wrapper.unmount()
  })
})
