// A 网格 chosen as a filter on a register page and deleted meanwhile on 网格管理: back on the
// page, the filter is dropped (it would show the bare id and match nothing); a live one stays.
import { REGISTERS } from '@shared/registers/registers'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useRegisterPage } from '../../src-renderer/src/components/register/use-register-page'
import { useTalentsStore } from '../../src-renderer/src/stores/talents.store'
import type { TestBackend } from '../helpers/temp-backend'
import { connectBackend } from './renderer-helpers'

let b: TestBackend
connectBackend((backend) => (b = backend))

async function openTalentsPage(filters: Record<string, string | number>) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useTalentsStore()
  store.query.filters = filters
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/talents', component: { render: () => null } }],
  })
  await router.push('/talents')
  const Page = defineComponent({
    setup() {
      useRegisterPage(REGISTERS.talents, store)
      return () => null
    },
  })
  mount(Page, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  await flushPromises()
  return store
}

describe('register page filters', () => {
  it('a filter on a 网格 deleted since is dropped and the rows come back unfiltered (a live one stays)', async () => {
    const east = await b.call('grids:create', { name: '东区网格' })
    const west = await b.call('grids:create', { name: '西区网格' })
    await b.call('talents:create', {
      name: '陈玉梅',
      phone: '13908711205',
      status: '在册',
      grid_id: east.id,
    })
    await b.call('talents:create', {
      name: '丁建华',
      phone: '13908711206',
      status: '在册',
      grid_id: west.id,
    })
    await b.call('grids:delete', { id: west.id, moveTo: east.id })

    const stale = await openTalentsPage({ grid_id: west.id, status: '在册' })
    expect(stale.query.filters).toEqual({ status: '在册' })
    expect(stale.total).toBe(2)

    const live = await openTalentsPage({ grid_id: east.id })
    expect(live.query.filters).toEqual({ grid_id: east.id })
    expect(live.total).toBe(2)
  })
})
