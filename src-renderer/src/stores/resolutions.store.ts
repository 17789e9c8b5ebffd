// 议定事项 across all meetings: the overview's filters (kept while the user moves around),
// the current page, the counts and the 责任单位 in use.
import { RESOLUTION_FIELDS } from '@shared/registers/meetings.fields'
import type {
  ResolutionOverview,
  ResolutionQuery,
  ResolutionRow,
} from '@shared/schemas/meetings.schema'
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { errorMessage, invoke, preloadForms, submit } from '../api/client'
import { editable, type Values } from '../utils/field-form'

type Query = Required<ResolutionQuery>

export const useResolutionsStore = defineStore('resolutions', () => {
  preloadForms()
  const query = reactive<Query>({
    page: 1,
    pageSize: 20,
    status: '未完成',
    leadUnit: '',
    overdueOnly: false,
    search: '',
  })
  const rows = ref<ResolutionRow[]>([])
  const total = ref(0)
  const counts = ref<ResolutionOverview['counts']>({ all: 0, open: 0, overdue: 0, done: 0 })
  const leadUnits = ref<string[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await invoke('meeting_resolutions:overview', { ...query })
      if (mine !== seq) return
      rows.value = r.rows
      total.value = r.total
      counts.value = r.counts
      leadUnits.value = r.leadUnits
    } catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function reset(): Promise<void> {
    query.page = 1
    return load()
  }

  /** Saves a changed status / progress of one item (the rest of it as it is). */
  async function update(row: ResolutionRow, changes: Values): Promise<void> {
    const data = { ...editable(RESOLUTION_FIELDS, row), ...changes }
    await submit('meeting_resolutions:update', { id: row.id, data })
    await load()
  }

  return { query, rows, total, counts, leadUnits, loading, error, load, reset, update }
})
