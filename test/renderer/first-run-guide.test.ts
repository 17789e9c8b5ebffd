// The guided start on 工作台, fed by the real backend: which steps are done follows the data,
// the next step is highlighted with a link to where it is done, and the guide goes away when
// all are done or when dismissed (and stays away).
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport } from '../../src-renderer/src/api/client'
import FirstRunGuide from '../../src-renderer/src/views/dashboard/FirstRunGuide.vue'
import { DISMISS_KEY } from '../../src-renderer/src/views/dashboard/first-run-steps'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
  setTransport(b.invoke)
  localStorage.removeItem(DISMISS_KEY)
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
})

async function guide() {
  const [settings, summary] = await Promise.all([
    b.call('settings:get', {}),
    b.call('dashboard:summary', {}),
  ])
  const wrapper = mount(FirstRunGuide, {
    props: { settings, counts: summary.counts },
    global: { plugins: [createPinia(), ElementPlus, router] },
  })
  await flushPromises()
  return wrapper
}

const state = (w: Awaited<ReturnType<typeof guide>>) =>
  w.findAll('li').map((li) => `${li.attributes('data-step')}:${li.attributes('data-done')}`)

const community = {
  community_name: '锦华社区',
  street_name: '青云街道',
  party_org_name: '中共锦华社区委员会',
}

describe('FirstRunGuide', () => {
  it('shows all four steps undone on an empty install, 社区信息 first, each with its link', async () => {
    const w = await guide()
    expect(state(w)).toEqual(['settings:no', 'grids:no', 'records:no', 'operator:no'])
    expect(w.find('li.next').attributes('data-step')).toBe('settings')
    expect(w.text()).toContain('已完成 0 / 4 步')
    const links = w.findAll('a').map((a) => a.attributes('href'))
    expect(links).toEqual([
      '/settings/basic',
      '/settings/grids',
      '/talents?import=1',
      '/settings/basic?focus=operator_name',
    ])
  })

  it('ticks off 社区信息 and 网格 from the data and moves on to the ledgers', async () => {
    await b.call('settings:save', community)
    await b.call('grids:create', { name: '第一网格' })
    const w = await guide()
    expect(state(w)).toEqual(['settings:yes', 'grids:yes', 'records:no', 'operator:no'])
    expect(w.find('li.next').attributes('data-step')).toBe('records')
    expect(w.text()).toContain('已完成 2 / 4 步')
    expect(w.findAll('a')).toHaveLength(2)
  })

  it('goes away once every step is done', async () => {
    await b.call('settings:save', { ...community, operator_name: '周丽华' })
    await b.call('grids:create', { name: '第一网格' })
    await b.call('talents:create', { name: '王建华', phone: '13812345678', status: '在册' })
    const w = await guide()
    expect(w.find('[data-test="first-run"]').exists()).toBe(false)
  })

  it('stays away once dismissed, even with steps left', async () => {
    const w = await guide()
    await w.find('[data-test="first-run-dismiss"]').trigger('click')
    expect(w.find('[data-test="first-run"]').exists()).toBe(false)
    const again = await guide()
    expect(again.find('[data-test="first-run"]').exists()).toBe(false)
  })
})
