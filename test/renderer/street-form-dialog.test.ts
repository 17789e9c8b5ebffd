// 合并人才库 → 按上级表格导出… in happy-dom against the real backend: the view opens the form
// dialog for the merged pool, the mapping shows each person's own 社区, and the fill is audited
// on the street's rows.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { auditFor } from '../../src-main/backend/audit/audit.repo'
import FillFormDialog from '../../src-renderer/src/components/exchange/FillFormDialog.vue'
import StreetPoolView from '../../src-renderer/src/views/street/StreetPoolView.vue'
import { importInto, streetSheet } from '../helpers/street-files'
import { streetTalentForm } from '../helpers/street-forms'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((backend) => (b = backend))

const $ = (sel: string) => document.querySelector<HTMLElement>(sel)
const text = (sel: string) => $(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const SLOW = 90_000

describe('合并人才库 按上级表格导出', () => {
  it(
    'fills the district form from the pool with 所在社区 per person',
    async () => {
      await b.call('settings:save', {
        community_name: '青云街道',
        street_name: '青云街道',
        party_org_name: '中共青云街道工作委员会',
      })
      const yuxi = [['陈刚', '男', '13300005555', '', '技能服务', '电工']]
      await importInto(b, '玉溪.xlsx', await streetSheet('玉溪社区', yuxi))
      const shanshui = [['孙丽', '女', '13200006666', '', '法律服务', '']]
      await importInto(b, '山水.xlsx', await streetSheet('山水社区', shanshui))
      const w = mount(StreetPoolView, {
        global: { plugins: [createPinia(), ElementPlus] },
        attachTo: document.body,
      })
      await flushPromises()
      // The dropdown's 按上级表格导出… command, as the menu item sends it.
      const view = (w.vm.$ as unknown as { setupState: { onExport(c: string): Promise<void> } })
        .setupState
      await view.onExport('form')
      await expect.poll(() => $('[data-test="fill-upload"]')).not.toBeNull()
      expect(text('[data-test="fill-dialog"] .el-dialog__title')).toBe(
        '按上级表格导出（合并人才库）',
      )
      expect(text('[data-test="fill-upload"]')).toContain('把区里（上级）发来的')
      const input = $('[data-test="fill-upload"] input[type=file]') as HTMLInputElement
      const file = new File([new Uint8Array(await streetTalentForm())], '区人才统计表.xlsx')
      Object.defineProperty(input, 'files', { value: [file], configurable: true })
      input.dispatchEvent(new Event('change'))
      await expect.poll(() => text('[data-test="fill-where"]')).toContain('表头第 3–4 行')
      const preview = text('[data-test="fill-preview"]')
      expect(preview).toContain('山水社区')
      expect(preview).toContain('玉溪社区')
      expect(preview).toContain('133****5555')
      expect(preview).not.toContain('13300005555')
      expect(text('[data-test="fill-blocked"]')).toBe('还有 1 列未选择：联系方式/固定电话')
      // 固定电话 留空, then 生成: the copy is made from the pool and audited on the street's rows.
      const d = (
        w.findComponent(FillFormDialog).vm.$ as unknown as {
          setupState: {
            d: { setTarget(l: string, t: string): Promise<void>; run(): Promise<void> }
          }
        }
      ).setupState.d
      await d.setTarget('G', 'blank')
      await expect.poll(() => $('[data-test="fill-blocked"]')).toBeNull()
      await d.run()
      const audit = auditFor(b.ctx.db, 'street_rows', 0).map(
        (a) => JSON.parse(a.after_json ?? '{}') as Record<string, unknown>,
      )
      expect(audit).toContainEqual(
        expect.objectContaining({ form: '区人才统计表.xlsx', count: 2, masked: true }),
      )
    },
    SLOW,
  )
})
