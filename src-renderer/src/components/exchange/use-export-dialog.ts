// Export dialog logic: which rows (current filter or all), which columns in which order,
// named presets, and masking (on unless the user explicitly turns it off).
import type { RegisterKey } from '@shared/registers/registers'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useExchangeStore } from '../../stores/exchange.store'

export interface ExportScope {
  search: string
  filters: Record<string, string | number>
}
interface Column {
  key: string
  label: string
  on: boolean
}

export function useExportDialog(register: () => RegisterKey, scope: () => ExportScope) {
  const store = useExchangeStore()
  const open = ref(false)
  const which = ref<'filtered' | 'all'>('filtered')
  const columns = ref<Column[]>([])
  const masked = ref(true)
  const presetId = ref<number | undefined>()
  const presets = computed(() => store.presets[register()] ?? [])
  const chosen = computed(() => columns.value.filter((c) => c.on).map((c) => c.key))
  const filtered = computed(() => scope().search !== '' || Object.keys(scope().filters).length > 0)

  function arrange(keys: string[]): void {
    const info = store.columns[register()]
    if (!info) return
    const first = keys.flatMap((k) => info.columns.filter((c) => c.key === k))
    const rest = info.columns.filter((c) => !keys.includes(c.key))
    columns.value = [
      ...first.map((c) => ({ ...c, on: true })),
      ...rest.map((c) => ({ ...c, on: false })),
    ]
  }

  async function start(): Promise<void> {
    open.value = true
    which.value = filtered.value ? 'filtered' : 'all'
    masked.value = true
    presetId.value = undefined
    try {
      const info = await store.loadColumns(register())
      arrange(info.defaults)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  function move(i: number, by: -1 | 1): void {
    const list = [...columns.value]
    const j = i + by
    const a = list[i]
    const b = list[j]
    if (!a || !b) return
    list[i] = b
    list[j] = a
    columns.value = list
  }

  function usePreset(id: number | undefined): void {
    presetId.value = id
    const preset = presets.value.find((p) => p.id === id)
    if (preset) arrange(preset.columns)
  }

  function useDefaults(): void {
    presetId.value = undefined
    const info = store.columns[register()]
    if (info) arrange(info.defaults)
  }

  async function savePreset(): Promise<void> {
    const current = presets.value.find((p) => p.id === presetId.value)
    try {
      const { value } = await ElMessageBox.prompt(
        '给这套列的选择和顺序起个名字，下次可直接选用：',
        '保存导出方案',
        {
          inputValue: current?.name ?? '',
          inputPlaceholder: '例如：街道 2026 年报送格式',
          confirmButtonText: '保存',
          cancelButtonText: '取消',
        },
      )
      const saved = await store.savePreset(register(), value, chosen.value)
      presetId.value = saved.id
      ElMessage.success(`已保存导出方案「${saved.name}」`)
    } catch (e) {
      if (e !== 'cancel' && e !== 'close') ElMessage.error(errorMessage(e))
    }
  }

  async function deletePreset(): Promise<void> {
    const current = presets.value.find((p) => p.id === presetId.value)
    if (!current) return
    try {
      await ElMessageBox.confirm(
        `删除导出方案「${current.name}」？已导出的文件不受影响。`,
        '删除方案',
        {
          type: 'warning',
          confirmButtonText: '删除',
          cancelButtonText: '取消',
        },
      )
      await store.deletePreset(register(), current.id)
      presetId.value = undefined
      ElMessage.success('已删除')
    } catch (e) {
      if (e !== 'cancel' && e !== 'close') ElMessage.error(errorMessage(e))
    }
  }

  /** Turning masking off is a deliberate act: confirm, and the backend audits the export. */
  async function setMasked(on: boolean): Promise<void> {
    if (on) {
      masked.value = true
      return
    }
    try {
      await ElMessageBox.confirm(
        '不脱敏的文件含有完整的身份证号和手机号码。请只在确有需要时使用，并妥善保管文件。本次导出会记入操作记录。',
        '导出完整号码？',
        { type: 'warning', confirmButtonText: '仍然导出完整号码', cancelButtonText: '保持脱敏' },
      )
      masked.value = false
    } catch {
      masked.value = true
    }
  }

  async function run(): Promise<void> {
    if (chosen.value.length === 0) {
      ElMessage.error('请至少勾选一列')
      return
    }
    const s = which.value === 'filtered' ? scope() : { search: '', filters: {} }
    try {
      const count = await store.exportXlsx({
        register: register(),
        search: s.search,
        filters: { ...s.filters },
        columns: chosen.value,
        masked: masked.value,
      })
      ElMessage.success(`已导出 ${count} 条记录，文件已保存到下载位置`)
      open.value = false
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return {
    store,
    open,
    which,
    columns,
    masked,
    presetId,
    presets,
    chosen,
    filtered,
    start,
    move,
    usePreset,
    useDefaults,
    savePreset,
    deletePreset,
    setMasked,
    run,
  }
}
