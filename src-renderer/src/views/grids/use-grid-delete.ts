// Deleting a 网格: an empty one after a plain confirmation; one people belong to through a
// dialog that says who (per register) and moves them to another 网格 in the same step.
import type { Grid, GridUsage } from '@shared/schemas/grids.schema'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useGridsStore } from '../../stores/grids.store'
import { useLookupsStore } from '../../stores/lookups.store'

const UNIT: Record<string, string> = {
  talents: '人',
  households: '户',
  committee: '人',
  reported_members: '人',
}

// One deletion at a time on the one 网格管理 page: the list's 删除 button (useGridsView) and
// the dialog (GridDeleteDialog) share this state.
const open = ref(false)
const usage = ref<GridUsage | null>(null)
const moveTo = ref<number | undefined>(undefined)
const busy = ref(false)

export function useGridDelete() {
  const store = useGridsStore()
  const lookups = useLookupsStore()

  const others = computed(() => store.items.filter((g) => g.id !== usage.value?.id))
  const affected = computed(() =>
    (usage.value?.counts ?? [])
      .filter((c) => c.count > 0)
      .map((c) => `${c.label} ${c.count} ${UNIT[c.register] ?? '条'}`),
  )

  async function finish(id: number, name: string, to?: number): Promise<void> {
    const r = await store.remove(id, to)
    await lookups.load()
    const target = store.items.find((g) => g.id === to)?.name
    ElMessage.success(
      r.moved && target
        ? `已把 ${r.moved} 条记录移到「${target}」，并删除了网格「${name}」`
        : `已删除网格「${name}」`,
    )
  }

  async function start(row: Grid): Promise<void> {
    try {
      usage.value = await store.usage(row.id)
    } catch (e) {
      ElMessage.error(errorMessage(e))
      return
    }
    if (usage.value.total + usage.value.trash > 0) {
      moveTo.value = undefined
      open.value = true
      return
    }
    try {
      await ElMessageBox.confirm(`「${row.name}」里没有登记任何人，确定删除吗？`, '删除网格', {
        type: 'warning',
        confirmButtonText: '删除',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      await finish(row.id, row.name)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  async function confirmMove(): Promise<void> {
    const u = usage.value
    if (!u || moveTo.value === undefined) return
    busy.value = true
    try {
      await finish(u.id, u.name, moveTo.value)
      open.value = false
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      busy.value = false
    }
  }

  return { open, usage, moveTo, busy, others, affected, start, confirmMove }
}
