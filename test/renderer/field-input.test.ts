// FieldInput against the real backend: a 网格 deleted since the record was saved shows a clear
// note instead of its raw id, and 专业特长 typed with Chinese punctuation becomes separate tags.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { FieldDef } from '../../src-main/shared/registers/field-def'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend, mountField } from './renderer-helpers'

let b: TestBackend
connectBackend((x) => (b = x))

describe('FieldInput', () => {
  it('a 网格 that is gone says so instead of showing its id', async () => {
    const kept = await b.call('grids:create', { name: '第一网格' })
    const gone = await b.call('grids:create', { name: '第二网格' })
    await b.call('grids:delete', { id: gone.id })
    const field: FieldDef = { key: 'grid_id', label: '所属网格', kind: 'grid' }
    const stale = await mountField(field, gone.id)
    // ElSelect shows its label a render after mounting: poll for it rather than sleep.
    await expect.poll(() => stale.wrapper.text()).toContain('（原网格已删除，请重新选择）')
    expect(stale.wrapper.text()).not.toMatch(new RegExp(`\\b${gone.id}\\b`))
    stale.wrapper.unmount()
    const fine = await mountField(field, kept.id)
    await expect.poll(() => fine.wrapper.text()).toContain('第一网格')
    expect(fine.wrapper.text()).not.toContain('已删除')
  })

  it('专业特长 「急救培训，心理疏导」 becomes two tags', async () => {
    const field: FieldDef = { key: 'skills', label: '专业特长', kind: 'tags' }
    const { wrapper, value } = await mountField(field, [])
    const select = wrapper.findComponent({ name: 'ElSelect' })
    select.vm.$emit('update:modelValue', ['急救培训，心理疏导'])
    await flushPromises()
    expect(value.value).toEqual(['急救培训', '心理疏导'])
  })
})
