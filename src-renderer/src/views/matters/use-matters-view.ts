// 民情事项 list page logic: the 只看逾期 switch, the 登记 form (编号 and 状态 are the app's),
// status colours, and opening an item on its own page.
import { MATTER_FIELDS, MATTER_FORM_KEYS } from '@shared/registers/matters.fields'
import type { FieldDef } from '@shared/registers/field-def'
import { MATTER_STATUS } from '@shared/dictionaries'
import { ElMessage } from 'element-plus'
import { computed, ref, watch } from 'vue'
import { errorMessage, invoke } from '../../api/client'
import { downloadBase64, MIME } from '../../utils/files'
import { useRouter } from 'vue-router'
import type { useRecordDialog } from '../../components/register/use-record-dialog'
import { loadDeadlines, useMattersStore } from '../../stores/matters.store'
import type { Values } from '../../utils/field-form'

/** The 登记 form in the order she fills it. */
export const MATTER_FORM_FIELDS: FieldDef[] = MATTER_FORM_KEYS.map(
  (k) => MATTER_FIELDS.find((f) => f.key === k) as FieldDef,
)

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'
const STATUS_TAG: Record<string, TagType> = {
  待派单: 'danger',
  已派单: 'warning',
  已接单: 'warning',
  办理中: 'primary',
  已反馈: 'primary',
  已结项: 'success',
  已评价: 'success',
  已取消: 'info',
  已合并: 'info',
}
export const statusTag = (s: unknown): TagType => STATUS_TAG[String(s)] ?? 'info'

type Dialog = ReturnType<typeof useRecordDialog>

/**
 * The 登记 form fills 办理时限 from the community's defaults for the chosen 哨级 (or 类型) until
 * she types her own, and drops the 哨级 when the 类型 is no longer 问题 (only 问题 have one).
 */
export function matterFormSetup(dialog: Dialog): void {
  let defaults: Record<string, number> | null = null
  let suggested: number | null = null
  watch(
    () => [dialog.open.value, dialog.model.value.kind, dialog.model.value.level],
    async () => {
      if (!dialog.open.value) return
      const m = dialog.model.value
      const clean = !dialog.dirty()
      if (m.kind !== '问题' && m.level) m.level = ''
      if (dialog.editingId.value !== null) return
      defaults ??= Object.fromEntries((await loadDeadlines()).map((d) => [d.level, d.days]))
      if (dialog.model.value !== m) return
      const key = m.kind === '问题' ? String(m.level || '常规') : String(m.kind)
      const days = defaults[key] ?? null
      if (m.due_days === null || m.due_days === undefined || m.due_days === suggested) {
        m.due_days = days
        suggested = days
      }
      if (clean) dialog.markClean()
    },
  )
}

export function useMattersView() {
  const store = useMattersStore()
  const router = useRouter()
  const overdueOnly = computed(() => store.query.filters.overdue === '1')
  const openMatter = (row: Values) => `/matters/${String(row.id)}`
  const afterCreate = (row: Values) => void router.push(openMatter(row))
  const exporting = ref(false)

  /** The 办理台账 of what the list shows now (状态, 逾期, search), phones masked. */
  async function exportLedger(): Promise<void> {
    exporting.value = true
    try {
      const status = store.query.filters.status
      const file = await invoke('matters:export', {
        status: MATTER_STATUS.find((s) => s === status) ?? '',
        overdue: overdueOnly.value,
        search: store.query.search,
        masked: true,
      })
      downloadBase64(file.fileName, file.base64, MIME.xlsx)
      ElMessage.success(`已导出 ${file.count} 条，电话已脱敏`)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      exporting.value = false
    }
  }
  return {
    store,
    overdueOnly,
    openMatter,
    afterCreate,
    formSetup: matterFormSetup,
    exporting,
    exportLedger,
  }
}
