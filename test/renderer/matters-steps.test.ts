// The 民情事项 page's logic on a real backend: a step dialog runs its step and closes, or keeps
// the form open with the backend's Chinese message; the 登记 form fills 办理时限 from 社区信息's
// defaults as 哨级 and 类型 change, and drops 哨级 when the item is not a 问题.
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useStepDialog } from '../../src-renderer/src/components/matters/use-step-dialog'
import { useRecordDialog } from '../../src-renderer/src/components/register/use-record-dialog'
import { useMatterDetailStore } from '../../src-renderer/src/stores/matters.store'
import {
  MATTER_FORM_FIELDS,
  matterFormSetup,
} from '../../src-renderer/src/views/matters/use-matters-view'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((backend) => (b = backend))
beforeEach(() => setActivePinia(createPinia()))

async function openItem() {
  const talent = await b.call('talents:create', {
    name: '李志红',
    phone: '13800001234',
    status: '在册',
  })
  const m = await b.call('matters:create', {
    reported_on: '2026-03-12',
    source: '网格走访',
    kind: '问题',
    content: '楼道灯不亮',
  })
  const store = useMatterDetailStore()
  await store.load(m.id)
  return { store, talentId: talent.id }
}

describe('step dialog', () => {
  it('runs a step, refreshes the item and its timeline, and closes', async () => {
    const { store, talentId } = await openItem()
    expect(store.matter?.next_steps).toEqual(['dispatch', 'cancel', 'merge'])
    const d = useStepDialog()
    d.start('dispatch')
    d.form.responders = [{ kind: 'talent', ref_id: talentId, name: '李志红' }]
    await d.submit()
    expect(d.error.value).toBe('')
    expect(d.open.value).toBe(false)
    expect(store.matter?.status).toBe('已派单')
    expect(store.timeline.events.map((e) => e.action)).toEqual(['create', 'dispatch'])
  })

  it('keeps the form open with the message when the backend refuses', async () => {
    const { store } = await openItem()
    const d = useStepDialog()
    d.start('dispatch')
    await d.submit()
    expect(d.open.value).toBe(true)
    expect(d.error.value).toBe('请至少选择一个接单方')
    d.start('cancel')
    await d.submit()
    expect(d.error.value).toBe('请填写取消原因')
    expect(store.matter?.status).toBe('待派单')
  })
})

describe('登记 form', () => {
  it('fills 办理时限 from the defaults per 哨级 and 类型, and keeps what she typed', async () => {
    const dialog = useRecordDialog(() => MATTER_FORM_FIELDS)
    matterFormSetup(dialog)
    dialog.start()
    await expect.poll(() => dialog.model.value.due_days).toBe(7)
    expect(dialog.dirty()).toBe(false)
    dialog.model.value.level = '应急'
    await expect.poll(() => dialog.model.value.due_days).toBe(1)
    dialog.model.value.kind = '建议'
    await expect.poll(() => dialog.model.value.due_days).toBe(15)
    expect(dialog.model.value.level).toBe('')
    dialog.model.value.due_days = 30
    dialog.model.value.kind = '问题'
    dialog.model.value.level = '重点'
    await flushPromises()
    await flushPromises()
    expect(dialog.model.value.due_days).toBe(30)
    // Cleared, it takes the default again.
    dialog.model.value.due_days = null
    dialog.model.value.level = '协调'
    await expect.poll(() => dialog.model.value.due_days).toBe(15)
  })
})
