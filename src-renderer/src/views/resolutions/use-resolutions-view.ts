// 议定事项 overview logic: filters (status, 责任单位, overdue only, search) and the quick
// 更新进展 dialog.
import type { ResolutionRow } from '@shared/schemas/meetings.schema'
import { onMounted, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { useResolutionsStore } from '../../stores/resolutions.store'

export const STATUS_TABS = [
  { label: '未完成', value: '未完成' },
  { label: '未开始', value: '未开始' },
  { label: '推进中', value: '推进中' },
  { label: '已完成', value: '已完成' },
  { label: '全部', value: '' },
] as const

export function useResolutionsView() {
  const store = useResolutionsStore()
  const route = useRoute()
  const searchText = ref(store.query.search)
  const editing = ref<ResolutionRow | null>(null)
  const dialogOpen = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  onMounted(() => {
    // The 工作台 links here with ?overdue=1.
    if (route.query.overdue === '1') {
      store.query.overdueOnly = true
      store.query.status = ''
    }
    void store.reset()
  })

  watch(searchText, (v) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      store.query.search = v.trim()
      void store.reset()
    }, 250)
  })

  function setFilter<K extends 'status' | 'leadUnit' | 'overdueOnly'>(
    key: K,
    value: (typeof store.query)[K],
  ): void {
    store.query[key] = value
    void store.reset()
  }

  function clear(): void {
    store.query.status = ''
    store.query.leadUnit = ''
    store.query.overdueOnly = false
    searchText.value = ''
    store.query.search = ''
    void store.reset()
  }

  function setPage(page: number): void {
    store.query.page = page
    void store.load()
  }
  function setPageSize(size: number): void {
    store.query.pageSize = size
    void store.reset()
  }

  function follow(row: ResolutionRow): void {
    editing.value = row
    dialogOpen.value = true
  }

  return { store, searchText, editing, dialogOpen, setFilter, clear, setPage, setPageSize, follow }
}
