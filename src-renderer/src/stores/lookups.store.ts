import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'

// Choices other registers refer to: 网格 and 共建单位, loaded once and refreshed on demand.
export const useLookupsStore = defineStore('lookups', () => {
  const grids = ref<{ id: number; name: string }[]>([])
  const units = ref<{ id: number; name: string; status: string; keys: string }[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)

  let pending: Promise<void> = Promise.resolve()

  // `units: false` for pages that never name a 共建单位: a city has 10,000 of them, with pinyin.
  function load(what: { units?: boolean } = {}): Promise<void> {
    pending = fetchAll(what)
    return pending
  }

  /** Resolves once the load under way (if any) has ended: for suggestions asked meanwhile. */
  const settled = (): Promise<void> => pending

  async function fetchAll(what: { units?: boolean }): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const [g, u] = await Promise.all([
        invoke('grids:list', {}),
        what.units === false ? null : invoke('units:options', {}),
      ])
      grids.value = g.map(({ id, name }) => ({ id, name }))
      if (u) units.value = u
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  const gridName = (id: number) => grids.value.find((g) => g.id === id)?.name ?? ''
  const unitName = (id: number) => units.value.find((u) => u.id === id)?.name ?? ''

  return { grids, units, loading, error, load, settled, gridName, unitName }
})
