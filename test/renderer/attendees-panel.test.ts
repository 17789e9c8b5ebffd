// The 参会人员 table draws 出席情况 and 已签到 as plain elements with Element Plus's look and
// builds a real drop-down only in the row being changed; changes still reach the real backend.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElSelect } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import AttendeesPanel from '../../src-renderer/src/components/meetings/AttendeesPanel.vue'
import { useMeetingDetailStore } from '../../src-renderer/src/stores/meetings.store'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((x) => (b = x))

async function panel() {
  const meeting = await b.call('meetings:create', {
    meeting_type: '党建联席会议',
    title: '第一次党建联席会议',
    meeting_date: '2026-11-20',
    location: '会议室',
  })
  for (const [name, attendance, signed_in] of [
    ['张志红', '出席', true],
    ['刘建国', '请假', false],
  ] as const)
    await b.call('meeting_attendees:create', {
      parentId: meeting.id,
      data: { name, unit_name: '盘龙区人民医院', attendance, signed_in },
    })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useMeetingDetailStore().load(meeting.id)
  const wrapper = mount(AttendeesPanel, {
    global: { plugins: [pinia, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  const saved = async () =>
    (await b.call('meeting_attendees:list', { parentId: meeting.id })).map((a) => [
      a.name,
      a.attendance,
      a.signed_in,
    ])
  return { wrapper, saved }
}

describe('参会人员 table', () => {
  it('shows each row’s 出席情况 without a drop-down until that row is changed', async () => {
    const { wrapper, saved } = await panel()
    expect(wrapper.findAllComponents(ElSelect)).toHaveLength(0)
    const cell = wrapper.find('[data-attendance="张志红"] .el-select__wrapper')
    expect(cell.text()).toBe('出席')
    expect(cell.attributes('tabindex')).toBe('0')

    await cell.trigger('click')
    await flushPromises()
    const selects = wrapper.findAllComponents(ElSelect)
    expect(selects).toHaveLength(1)
    expect(selects[0]?.attributes('data-attendance')).toBe('张志红')

    // Choosing 请假 saves it and takes back the sign-in, as the drop-down always did.
    selects[0]?.vm.$emit('update:modelValue', '请假')
    await flushPromises()
    // A form save first loads its input schemas (a lazy chunk): wait for the row, not a tick.
    await expect.poll(saved).toEqual([
      ['张志红', '请假', false],
      ['刘建国', '请假', false],
    ])
    wrapper.unmount()
  })

  it('opens the drop-down from the keyboard (Enter) in the focused row', async () => {
    const { wrapper } = await panel()
    await wrapper.find('[data-attendance="刘建国"] .el-select__wrapper').trigger('keydown', {
      key: 'Enter',
    })
    await flushPromises()
    expect(wrapper.findComponent(ElSelect).attributes('data-attendance')).toBe('刘建国')
    wrapper.unmount()
  })

  it('the 已签到 switch saves at once and is off and locked for someone on leave', async () => {
    const { wrapper, saved } = await panel()
    const away = wrapper.find<HTMLInputElement>('[data-signed="刘建国"] input')
    expect(away.element.disabled).toBe(true)
    expect(wrapper.find('[data-signed="刘建国"]').classes()).toContain('is-disabled')

    const here = wrapper.find<HTMLInputElement>('[data-signed="张志红"] input')
    expect(here.element.checked).toBe(true)
    expect(wrapper.find('[data-signed="张志红"]').classes()).toContain('is-checked')
    await here.setValue(false)
    await flushPromises()
    // A form save first loads its input schemas (a lazy chunk): wait for the row, not a tick.
    await expect.poll(saved).toEqual([
      ['张志红', '出席', false],
      ['刘建国', '请假', false],
    ])
    expect(wrapper.find('[data-signed="张志红"]').classes()).not.toContain('is-checked')
    expect(here.element.checked).toBe(false)
    wrapper.unmount()
  })
})

describe('meeting page loading', () => {
  it('a deleted meeting loads without its lists and without an error', async () => {
    const meeting = await b.call('meetings:create', {
      meeting_type: '党建联席会议',
      title: '已删除的会议',
      meeting_date: '2026-11-20',
      location: '会议室',
    })
    await b.call('meeting_attendees:create', {
      parentId: meeting.id,
      data: { name: '张志红', attendance: '出席' },
    })
    await b.call('meetings:delete', { id: meeting.id })
    setActivePinia(createPinia())
    const store = useMeetingDetailStore()
    await store.load(meeting.id)
    expect(store.error).toBeNull()
    expect(store.meeting?.deleted_at).toBeTruthy()
    expect(store.attendees).toEqual([])
  })
})
