// Page logic for a register list: search, filters, paging, sorting, the form dialog, delete
// to 回收站, restore and permanent delete, and the detail drawer (?id= in the URL).
import type { FieldDef } from '@shared/registers/field-def'
import type { RegisterSpec } from '@shared/registers/registers'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ApiError, errorMessage } from '../../api/client'
import { useLookupsStore } from '../../stores/lookups.store'
import type { RegisterStore } from '../../stores/register-store'
import type { Values } from '../../utils/field-form'
import { checkDuplicates } from './duplicate-check'
import { SaveCancelled, useRecordDialog } from './use-record-dialog'

export interface PageOptions {
  /** Open a record on its own page instead of the drawer (会议 → /meetings/:id). */
  detailPath?: (row: Values) => string
  /** After a new record is saved (e.g. go on to its detail page). */
  afterCreate?: (row: Values) => void
}

export function useRegisterPage(
  spec: RegisterSpec,
  store: RegisterStore,
  options: PageOptions = {},
) {
  const lookups = useLookupsStore()
  const route = useRoute()
  const router = useRouter()
  const dialog = useRecordDialog(() => spec.fields)
  const detailId = computed(() => (route.query.id ? Number(route.query.id) : null))
  const filterFields = computed(() => spec.fields.filter((f) => f.filter))
  // Only registers that name a 共建单位 (兼职委员, the units' own lists) need all the units.
  const usesUnits = [spec.fields, ...spec.children.map((c) => c.fields)].some((fields) =>
    fields.some((f) => f.kind === 'unit'),
  )
  const searchText = ref(store.query.search)
  let timer: ReturnType<typeof setTimeout> | undefined

  // Ask for the rows while the page is still being built, not after it has mounted: the
  // request then overlaps the first render instead of following it. The rows go first: the
  // backend answers one request at a time, and the 共建单位 choices of a city (10,000 names
  // with their pinyin) would otherwise hold up the first page.
  void store.load()
  void lookups.load({ units: usesUnits }).then(dropStaleFilters)

  // The first keystroke after a pause asks at once; keystrokes that follow within 150 ms are
  // gathered into one request (the store ignores answers to older requests).
  let asked = 0
  watch(searchText, (v) => {
    clearTimeout(timer)
    const ask = () => {
      asked = performance.now()
      store.query.search = v.trim()
      void store.reset()
    }
    if (performance.now() - asked > 150) ask()
    else timer = setTimeout(ask, 150)
  })

  const name = (row: Values) => String(row[spec.nameField] ?? '')

  function filterOptions(f: FieldDef): { label: string; value: string | number }[] {
    if (f.kind === 'grid') return lookups.grids.map((g) => ({ label: g.name, value: g.id }))
    if (f.kind === 'unit') return lookups.units.map((u) => ({ label: u.name, value: u.id }))
    return (f.options ?? []).map((o) => ({ label: o, value: o }))
  }

  // A 网格 or unit chosen as a filter and deleted since (e.g. on 网格管理) would show as its bare
  // id and match nothing: once the current choices are known, such a filter is dropped.
  function dropStaleFilters(): void {
    if (lookups.error) return
    const stale = filterFields.value.filter((f) => {
      const v = store.query.filters[f.key]
      if (v === undefined || (f.kind !== 'grid' && f.kind !== 'unit')) return false
      return !filterOptions(f).some((o) => o.value === v)
    })
    if (!stale.length) return
    const gone = new Set(stale.map((f) => f.key))
    store.query.filters = Object.fromEntries(
      Object.entries(store.query.filters).filter(([k]) => !gone.has(k)),
    )
    void store.reset()
  }

  function setFilter(key: string, value: string | number | undefined | null): void {
    const { [key]: _old, ...rest } = store.query.filters
    store.query.filters =
      value === undefined || value === null || value === '' ? rest : { ...rest, [key]: value }
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

  function clearFilters(): void {
    store.query.filters = {}
    searchText.value = ''
    store.query.search = ''
    void store.reset()
  }

  function toggleTrash(): void {
    store.query.trash = !store.query.trash
    store.query.sort = null
    void store.reset()
  }

  function onSort({
    prop,
    order,
  }: {
    prop: string | null
    order: 'ascending' | 'descending' | null
  }): void {
    store.query.sort =
      prop && order ? { field: prop, order: order === 'ascending' ? 'asc' : 'desc' } : null
    void store.reset()
  }

  function openDetail(row: Values): void {
    if (options.detailPath) {
      void router.push(options.detailPath(row))
      return
    }
    void router.replace({ query: { ...route.query, id: String(row.id) } })
  }
  function closeDetail(): void {
    const { id: _id, ...rest } = route.query
    void router.replace({ query: rest })
  }

  async function save(): Promise<void> {
    const creating = dialog.editingId.value === null
    let created: Values | undefined
    let openInstead: number | null = null
    await dialog.submit(
      async (values, id) => {
        const choice = await checkDuplicates(spec, values, id)
        if (choice.action === 'open') openInstead = choice.id
        if (choice.action !== 'save') throw new SaveCancelled()
        if (id !== null) return store.update(id, values)
        created = await store.create(values)
      },
      creating ? `已新增${spec.noun}「${name(dialog.model.value)}」` : '已保存修改',
    )
    if (openInstead !== null) {
      dialog.open.value = false
      openDetail({ id: openInstead })
    }
    if (created) options.afterCreate?.(created)
    if (spec.key === 'units') void lookups.load()
  }

  async function confirm(
    message: string,
    title: string,
    button: string,
    danger = false,
  ): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        type: 'warning',
        confirmButtonText: button,
        cancelButtonText: '取消',
        confirmButtonClass: danger ? 'el-button--danger' : '',
      })
      return true
    } catch {
      return false
    }
  }

  async function remove(row: Values): Promise<void> {
    const ok = await confirm(
      `确定删除${spec.noun}「${name(row)}」吗？删除后可以在回收站中恢复。`,
      `删除${spec.noun}`,
      '删除',
    )
    if (!ok) return
    try {
      await store.remove(Number(row.id))
      ElMessage.success(`已删除，可在回收站中恢复`)
    } catch (e) {
      // A unit with committee members: say what happens to them and ask again.
      if (e instanceof ApiError && e.confirm?.kind === 'unlink_committee') {
        if (
          await confirm(`${e.message}确定继续删除吗？`, '该单位有兼职委员', '解除关联并删除', true)
        ) {
          await store.remove(Number(row.id), { committee: 'unlink' }).then(
            () => ElMessage.success('已删除，并解除了兼职委员与该单位的关联'),
            (err: unknown) => ElMessage.error(errorMessage(err)),
          )
        }
        return
      }
      ElMessage.error(errorMessage(e))
    } finally {
      if (spec.key === 'units') void lookups.load()
    }
  }

  async function restore(row: Values): Promise<void> {
    try {
      await store.restore(Number(row.id))
      ElMessage.success(`已恢复${spec.noun}「${name(row)}」`)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  async function purge(row: Values): Promise<void> {
    const ok = await confirm(
      `彻底删除后，${spec.noun}「${name(row)}」及其全部附属记录将无法恢复。确定要彻底删除吗？`,
      '彻底删除（不可恢复）',
      '彻底删除',
      true,
    )
    if (!ok) return
    try {
      await store.purge(Number(row.id))
      ElMessage.success('已彻底删除')
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  /** New rows (and perhaps new 网格 or units) arrived from an import. */
  function afterImport(): void {
    void lookups.load({ units: usesUnits })
    void store.reset()
  }

  return {
    lookups,
    filterOptions,
    afterImport,
    dialog,
    detailId,
    filterFields,
    searchText,
    name,
    setFilter,
    setPage,
    setPageSize,
    clearFilters,
    toggleTrash,
    onSort,
    openDetail,
    closeDetail,
    save,
    remove,
    restore,
    purge,
  }
}
