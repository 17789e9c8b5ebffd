// The import dialog's states in happy-dom against the real backend: choosing a ledger, what the
// check shows (bracket matches, rows left out, new grids), why 导入 is disabled, and the result.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../src-renderer/src/api/client'
import ImportDialog from '../../src-renderer/src/components/exchange/ImportDialog.vue'
import { realLedgerXlsx } from '../backend/exchange/fixtures'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  setTransport(b.invoke)
  await b.call('grids:create', { name: '第一网格（锦华苑）' })
  await b.call('grids:create', { name: '第二网格（金桂园）' })
})
afterEach(() => {
  setTransport(undefined)
  document.body.innerHTML = ''
  b.dispose()
})

const $ = (sel: string) => document.querySelector<HTMLElement>(sel)
const text = (sel: string) => $(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const runButton = () => $('[data-test="import-run"]') as HTMLButtonElement | null

async function open() {
  const wrapper = mount(ImportDialog, {
    props: { register: 'talents', label: '社区能人' },
    global: { plugins: [createPinia(), ElementPlus] },
    attachTo: document.body,
  })
  ;(wrapper.vm as unknown as { start(): void }).start()
  await expect.poll(() => $('[data-test="import-upload"]')).not.toBeNull()
  return wrapper
}

async function choose(name: string, bytes: Buffer) {
  const input = $('[data-test="import-upload"] input[type=file]') as HTMLInputElement
  const file = new File([new Uint8Array(bytes)], name)
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  // The check is done when its summary shows (a poll, not a fixed wait: see vitest.config.ts).
  await expect.poll(() => text('[data-test="import-summary"]')).not.toBe('')
  await flushPromises()
}

function tick(selector: string) {
  $(`${selector} input`)?.click()
}

// Each step waits for the real backend and the dialog's transitions, so allow time.
const SLOW = 40_000

describe('import dialog', () => {
  it(
    'shows the check, says why 导入 is disabled until she decides, then imports',
    async () => {
      await open()
      expect(text('[data-test="import-upload"]')).toContain('下载社区能人导入模板')
      expect(runButton()).toBeNull()

      await choose('能人台账.xlsx', await realLedgerXlsx())
      expect(text('[data-test="import-summary"]')).toContain('共 4 行数据；可导入 2 行')
      expect(text('[data-test="import-grid-matches"]')).toContain(
        '「第一网格」→「第一网格（锦华苑）」',
      )
      expect(text('[data-test="import-ignored"]')).toContain('已略过 3 行')
      expect(text('[data-test="import-ignored"]')).toContain('第 7 行 导入模板的示例行')
      expect(text('[data-test="import-unknown-grids"]')).toContain('新增这 1 个还没有建立的网格')
      expect(text('[data-test="import-unknown-grids"]')).toContain('第五网格')
      expect(runButton()?.disabled).toBe(true)
      expect(text('[data-test="import-blocked"]')).toBe(
        '有 2 行有问题：勾选「跳过有问题的 2 行」先导入其余的行，或改好原表后重新导入',
      )

      tick('[data-test="import-create-grids"]')
      await expect.poll(() => text('[data-test="import-summary"]')).toContain('可导入 3 行')
      expect(text('[data-test="import-blocked"]')).toContain('跳过有问题的 1 行')
      tick('[data-test="import-skip-invalid"]')
      await expect.poll(() => $('[data-test="import-blocked"]')).toBeNull()
      expect(runButton()?.disabled).toBe(false)
      expect(runButton()?.textContent).toContain('导入 3 行')

      runButton()?.click()
      await expect
        .poll(() => text('.el-message-box'))
        .toContain('将导入 3 行，跳过有问题的 1 行；新增网格：第五网格')
      $('.el-message-box__btns .el-button--primary')?.click()
      await expect.poll(() => text('[data-test="import-result"]')).toContain('新增 3 条')
      expect((await b.call('talents:list', {})).total).toBe(3)
      expect((await b.call('grids:list', {})).map((g) => g.name)).toContain('第五网格')
    },
    SLOW,
  )

  it(
    'a changed column mapping must be checked again before importing',
    async () => {
      const wrapper = await open()
      const csv = '姓名,联系电话,备注\r\n陈玉梅,13908711205,老党员\r\n'
      await choose('ledger.csv', Buffer.from(csv, 'utf8'))
      expect(runButton()?.disabled).toBe(false)
      expect($('[data-test="import-blocked"]')).toBeNull()
      // Ignore the 备注 column: the button waits for a new check and says so.
      // Choosing （不导入） for 备注, as the select reports a choice.
      const select = wrapper
        .findAllComponents({ name: 'ElSelect' })
        .find((c) => c.attributes('data-column') === '备注')
      expect(select).toBeDefined()
      select?.vm.$emit('update:modelValue', '__skip__')
      await expect.poll(() => runButton()?.disabled).toBe(true)
      expect(text('[data-test="import-blocked"]')).toBe(
        '列的对应已修改，请先点「按新的对应重新检查」',
      )
      $('[data-test="import-recheck"]')?.click()
      await expect.poll(() => runButton()?.disabled).toBe(false)
    },
    SLOW,
  )

  it(
    'a ledger where no row can be imported says so next to the disabled button',
    async () => {
      await open()
      await choose('bad.csv', Buffer.from('姓名,联系电话\r\n陈玉梅,123\r\n丁建华,\r\n', 'utf8'))
      expect(text('[data-test="import-summary"]')).toContain('有问题 2 行')
      expect(runButton()?.disabled).toBe(true)
      expect(text('[data-test="import-blocked"]')).toBe(
        '2 行都有问题，请按下方的检查结果改好原表后重新选择文件',
      )
      expect($('[data-test="import-skip-invalid"]')).toBeNull()
    },
    SLOW,
  )
})
