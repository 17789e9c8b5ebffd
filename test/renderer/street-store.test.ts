// The street store and the 使用单位 card against a real backend: a community's file uploaded
// in pieces and imported (progress shown while it runs), the same file refused, the pool and
// duplicates read back; the card in 社区信息 saves 街道 and the 报送期.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stagingDir } from '../../src-main/backend/safety/staging'
import StreetModeCard from '../../src-renderer/src/components/street/StreetModeCard.vue'
import { useStreetStore } from '../../src-renderer/src/stores/street.store'
import { streetSheet } from '../helpers/street-files'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((x) => (b = x))

const file = async (name: string, community: string, people: string[][]) =>
  new File([new Uint8Array(await streetSheet(community, people))], name)

describe('street store', () => {
  it('imports files, says when the same file comes again, and reads the pool back', async () => {
    setActivePinia(createPinia())
    const store = useStreetStore()
    const seen: number[] = []
    const yuxi = await file('玉溪.xlsx', '玉溪社区', [
      ['李志红', '女', '13812345678', '', '法律服务', ''],
    ])
    const running = store.importFile(yuxi)
    seen.push(store.importing?.percent ?? -1)
    const r = await running
    expect(r).toMatchObject({ status: 'imported', community: '玉溪社区', count: 1 })
    expect(seen[0]).toBeGreaterThanOrEqual(0)
    expect(store.importing).toBeNull()
    expect(store.status?.communities.map((c) => c.name)).toEqual(['玉溪社区'])

    const again = await store.importFile(yuxi)
    expect(again.status).toBe('same-file')
    await store.importFile(
      await file('锦华.xlsx', '锦华社区', [['李志红', '女', '13812345678', '', '法律服务', '']]),
    )
    await store.loadDuplicates()
    expect(store.duplicates.map((g) => g.reason)).toEqual(['姓名和电话相同'])
    store.query.search = 'lzh'
    await store.loadPool()
    expect(store.pool.total).toBe(2)
    expect(store.pool.rows[0]?.phone).toBe('138****5678')
    // The staged uploads are gone once imported.
    expect(readdirSync(stagingDir(b.ctx))).toEqual([])
  })

  it('the 使用单位 card saves 街道 and the 报送期', async () => {
    const w = mount(StreetModeCard, {
      global: { plugins: [createPinia(), ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    const street = w.findAll('.el-radio-button').find((x) => x.text() === '街道')
    await street?.find('input').setValue(true)
    await flushPromises()
    await w.find('input[data-test="street-period"]').setValue('2026年第4季度')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(await b.call('street:settings', {})).toEqual({
      mode: '街道',
      period: '2026年第4季度',
      chosen: true,
    })
    w.unmount()
  })
})
