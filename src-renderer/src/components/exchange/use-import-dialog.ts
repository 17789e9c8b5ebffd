// Import dialog logic: pick a file, check it (mapping, problems, duplicates, unknown 网格)
// without writing anything, let the user correct the mapping and choose, then import.
import type { RegisterKey } from '@shared/registers/registers'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref } from 'vue'
import { errorMessage } from '../../api/client'
import {
  useExchangeStore,
  type ImportPreview,
  type ImportResult,
} from '../../stores/exchange.store'
import { MAX_SHEET_BYTES, sheetTooBig } from '@shared/limits'

export function useImportDialog(register: () => RegisterKey, done: () => void) {
  const store = useExchangeStore()
  const open = ref(false)
  const step = ref(0)
  /** The chosen sheet, staged in the backend once; every check and the import read it there. */
  const file = ref<{ name: string; uploadId: string } | null>(null)
  const preview = ref<ImportPreview | null>(null)
  const mapping = ref<Record<string, string>>({})
  const mappingChanged = ref(false)
  const createGrids = ref(false)
  const onDuplicate = ref<'skip' | 'update'>('skip')
  const skipInvalid = ref(false)
  const onlyProblems = ref(false)
  const result = ref<ImportResult | null>(null)

  const shownRows = computed(() =>
    (preview.value?.rows ?? []).filter((r) => !onlyProblems.value || r.action === 'error'),
  )
  const missingRequired = computed(() => {
    const used = new Set(Object.values(mapping.value))
    return (preview.value?.fields ?? []).filter((f) => f.required && !used.has(f.key))
  })
  const importable = computed(() => {
    const p = preview.value
    if (!p || mappingChanged.value) return 0
    const dup = onDuplicate.value === 'skip' ? p.duplicates : 0
    return p.valid - dup
  })
  /** Why 导入 is disabled, said next to the button; '' when it is enabled. */
  const blockedReason = computed(() => {
    const p = preview.value
    if (!p) return ''
    if (mappingChanged.value) return '列的对应已修改，请先点「按新的对应重新检查」'
    if (p.valid === 0)
      return p.total === 0
        ? '表格里没有数据行'
        : `${p.invalid} 行都有问题，请按下方的检查结果改好原表后重新选择文件`
    if (p.invalid > 0 && !skipInvalid.value)
      return `有 ${p.invalid} 行有问题：勾选「跳过有问题的 ${p.invalid} 行」先导入其余的行，或改好原表后重新导入`
    if (importable.value === 0)
      return '可导入的行都与已有记录重复；如需更新，请选择「用表格内容更新」'
    return ''
  })
  const canImport = computed(() => preview.value !== null && blockedReason.value === '')

  function dropFile(): void {
    if (file.value) store.discard(file.value.uploadId)
    file.value = null
  }

  function start(): void {
    open.value = true
    step.value = 0
    dropFile()
    preview.value = null
    result.value = null
    mapping.value = {}
    mappingChanged.value = false
    createGrids.value = false
    onDuplicate.value = 'skip'
    skipInvalid.value = false
    onlyProblems.value = false
    store.error = null
  }

  async function pick(raw: File | undefined): Promise<void> {
    if (!raw) return
    if (!/\.(xlsx|csv|txt)$/i.test(raw.name)) {
      ElMessage.error(
        /\.(xls|et|wps)$/i.test(raw.name)
          ? '暂不支持旧版 .xls 文件，请用 Excel 或 WPS 打开后「另存为」.xlsx 再导入'
          : '只能导入 .xlsx 或 .csv 文件',
      )
      return
    }
    if (raw.size > MAX_SHEET_BYTES) {
      // Said in the dialog (it stays until another file is chosen), as the backend's refusals are.
      store.error = sheetTooBig(raw.size)
      return
    }
    dropFile()
    try {
      file.value = { name: raw.name, uploadId: await store.stage(raw) }
    } catch {
      return // store.error holds the Chinese message, shown in the dialog
    }
    mapping.value = {}
    await check(false)
  }

  async function check(keepMapping = true): Promise<void> {
    if (!file.value) return
    try {
      const p = await store.preview({
        register: register(),
        fileName: file.value.name,
        uploadId: file.value.uploadId,
        mapping: keepMapping && Object.keys(mapping.value).length ? mapping.value : undefined,
        createGrids: createGrids.value,
      })
      preview.value = p
      mapping.value = Object.fromEntries(p.columns.map((c) => [String(c.index), c.key]))
      mappingChanged.value = false
      step.value = 1
    } catch {
      // store.error holds the Chinese message, shown in the dialog
    }
  }

  function setMapping(index: number, key: string): void {
    mapping.value = { ...mapping.value, [String(index)]: key }
    mappingChanged.value = true
  }

  async function setCreateGrids(on: boolean): Promise<void> {
    createGrids.value = on
    await check()
  }

  async function run(): Promise<void> {
    const p = preview.value
    if (!file.value || !p) return
    try {
      await ElMessageBox.confirm(
        `将导入 ${importable.value} 行${p.invalid && skipInvalid.value ? `，跳过有问题的 ${p.invalid} 行` : ''}${p.duplicates ? `；与已有记录重复的 ${p.duplicates} 行将${onDuplicate.value === 'skip' ? '跳过' : '用表格内容更新'}` : ''}${createGrids.value && p.unknownGrids.length ? `；新增网格：${p.unknownGrids.join('、')}` : ''}。继续吗？`,
        '确认导入',
        { confirmButtonText: '导入', cancelButtonText: '再看看', type: 'info' },
      )
    } catch {
      return
    }
    try {
      result.value = await store.importRows({
        register: register(),
        fileName: file.value.name,
        uploadId: file.value.uploadId,
        mapping: mapping.value,
        createGrids: createGrids.value,
        onDuplicate: onDuplicate.value,
        skipInvalid: skipInvalid.value,
      })
      step.value = 2
      file.value = null // the backend dropped the staged sheet once it was imported
      done()
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return {
    store,
    open,
    step,
    file,
    preview,
    mapping,
    mappingChanged,
    createGrids,
    onDuplicate,
    skipInvalid,
    onlyProblems,
    result,
    shownRows,
    missingRequired,
    importable,
    blockedReason,
    canImport,
    start,
    closed: dropFile,
    pick,
    check,
    setMapping,
    setCreateGrids,
    run,
  }
}

export type ImportDialogState = ReturnType<typeof useImportDialog>
