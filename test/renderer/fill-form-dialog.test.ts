// The 填报上级表格 dialog in happy-dom against the real backend: the mapping it proposes, why
// 生成 is disabled, a correction re-checked, 仅当前筛选, and masking that only turns off after
// the user confirms.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import FillFormDialog from '../../src-renderer/src/components/exchange/FillFormDialog.vue'
import { streetTalentForm } from '../helpers/street-forms'
import { saveJinhua, type TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((backend) => (b = backend))

const $ = (sel: string) => document.querySelector<HTMLElement>(sel)
const text = (sel: string) => $(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
// Each step waits for the real backend and the dialog's transitions; the machine may be busy.
const SLOW = 90_000

async function open(search: string) {
  await saveJinhua(b)
  await b.call('talents:create', { name: '李志红', phone: '13812345678', status: '在册' })
  await b.call('talents:create', { name: '王建国', phone: '13987654321', status: '在册' })
  const wrapper = mount(FillFormDialog, {
    props: { register: 'talents', label: '社区能人', scope: { search, filters: {} }, total: 1 },
    global: { plugins: [createPinia(), ElementPlus] },
    attachTo: document.body,
  })
  ;(wrapper.vm as unknown as { start(): void }).start()
  await expect.poll(() => $('[data-test="fill-upload"]')).not.toBeNull()
  const input = $('[data-test="fill-upload"] input[type=file]') as HTMLInputElement
  const file = new File([new Uint8Array(await streetTalentForm())], '人才统计表.xlsx')
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await expect.poll(() => text('[data-test="fill-where"]')).toContain('表头第 3–4 行')
  await flushPromises()
  return wrapper
}

const run = () => $('[data-test="fill-run"]') as HTMLButtonElement | null
interface DialogState {
  masked: { value: boolean }
  setTarget(letter: string, target: string): Promise<void>
  setMasked(on: boolean): Promise<void>
}
// The dialog's logic object, reached through the component instance (as a test may).
const state = (w: Awaited<ReturnType<typeof open>>) =>
  (w.vm.$ as unknown as { setupState: { d: DialogState } }).setupState.d

describe('填报上级表格 dialog', () => {
  it(
    'shows the mapping and the current search only, blocks 生成 until every column is chosen',
    async () => {
      const w = await open('李志红')
      expect(text('[data-test="fill-mapping"]')).toContain('联系方式/固定电话')
      expect(text('[data-test="fill-blocked"]')).toBe('还有 1 列未选择：联系方式/固定电话')
      expect(run()?.disabled).toBe(true)
      // 仅当前筛选 is chosen because the page has a search: one record, masked.
      expect(text('[data-test="fill-preview"]')).toContain('138****5678')
      expect(text('[data-test="fill-preview"]')).not.toContain('王建国')
      await state(w).setTarget('G', 'blank')
      await expect.poll(() => $('[data-test="fill-blocked"]')).toBeNull()
      expect(run()?.disabled).toBe(false)
    },
    SLOW,
  )

  it(
    'turns masking off only after the confirmation, and keeps it on when she declines',
    async () => {
      const w = await open('')
      const off = state(w).setMasked(false)
      await expect.poll(() => $('.el-message-box')).not.toBeNull()
      expect(text('.el-message-box')).toContain('会记入操作记录')
      ;[...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')]
        .find((x) => x.textContent?.includes('保持脱敏'))
        ?.click()
      await off
      expect(state(w).masked.value).toBe(true)
      expect(text('[data-test="fill-preview"]')).toContain('138****5678')
      const again = state(w).setMasked(false)
      await expect
        .poll(() => document.querySelectorAll('.el-message-box').length)
        .toBeGreaterThan(0)
      ;[...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')]
        .filter((x) => x.textContent?.includes('仍然填写完整号码'))
        .at(-1)
        ?.click()
      await again
      expect(state(w).masked.value).toBe(false)
      await expect.poll(() => text('[data-test="fill-preview"]')).toContain('13812345678')
    },
    SLOW,
  )
})
