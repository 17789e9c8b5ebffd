// 填报上级表格 logic: stage the street's form, show how each column will be filled (a saved
// mapping is used silently, 修改对应关系 opens it), re-check after every change, then fill.
import type { RegisterKey } from '@shared/registers/registers'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useFormsStore, type FormInspect } from '../../stores/forms.store'
import type { ExportScope } from './use-export-dialog'

export const CONFIDENCE: Record<
  string,
  { text: string; type: 'success' | 'info' | 'warning' | 'danger' }
> = {
  exact: { text: '列名相同', type: 'success' },
  synonym: { text: '同义列名', type: 'success' },
  computed: { text: '自动计算', type: 'info' },
  saved: { text: '已选定', type: 'info' },
  formula: { text: '表内公式', type: 'info' },
  none: { text: '请选择', type: 'danger' },
}

export function useFillFormDialog(register: () => RegisterKey, scope: () => ExportScope) {
  const store = useFormsStore()
  const open = ref(false)
  const file = ref<{ name: string; uploadId: string } | null>(null)
  const info = ref<FormInspect | null>(null)
  const mapping = ref<Record<string, string>>({})
  const editing = ref(false)
  const which = ref<'filtered' | 'all'>('all')
  const masked = ref(true)
  const filtered = computed(() => scope().search !== '' || Object.keys(scope().filters).length > 0)
  /** The select's choices, grouped: 登记簿字段, 自动计算, 其他. */
  const groups = computed(() => {
    const out: { group: string; items: { value: string; label: string }[] }[] = []
    for (const c of info.value?.choices ?? []) {
      const g =
        out.find((x) => x.group === c.group) ?? out[out.push({ group: c.group, items: [] }) - 1]
      g?.items.push(c)
    }
    return out
  })
  const where = computed(() => {
    const i = info.value
    if (!i) return ''
    const head =
      i.headerRows.top === i.headerRows.bottom
        ? `第 ${i.headerRows.top} 行`
        : `第 ${i.headerRows.top}–${i.headerRows.bottom} 行`
    return `工作表「${i.sheetName}」· 表头${head} · 从第 ${i.firstDataRow} 行起填写 · 表内留有 ${i.styledRows} 行（不够时按同样格式增加）${i.formDate ? ` · 年龄按 ${i.formDate} 计算` : ''}`
  })
  const unmapped = computed(() =>
    (info.value?.columns ?? []).filter((c) => !mapping.value[c.letter]),
  )

  function drop(): void {
    if (file.value) store.discard(file.value.uploadId)
    file.value = null
    info.value = null
  }

  function start(): void {
    drop()
    open.value = true
    editing.value = false
    masked.value = true
    which.value = filtered.value ? 'filtered' : 'all'
    mapping.value = {}
    store.error = null
  }

  function request() {
    const s = which.value === 'filtered' ? scope() : { search: '', filters: {} }
    return {
      register: register(),
      fileName: file.value?.name ?? '',
      uploadId: file.value?.uploadId ?? '',
      search: s.search,
      filters: { ...s.filters },
      masked: masked.value,
    }
  }

  async function check(withMapping: boolean): Promise<void> {
    try {
      const next = await store.inspect({
        ...request(),
        ...(withMapping ? { mapping: mapping.value } : {}),
      })
      info.value = next
      mapping.value = Object.fromEntries(next.columns.map((c) => [c.letter, c.target]))
      // Anything it could not guess opens the mapping; a saved, complete one stays out of sight.
      if (next.columns.some((c) => c.target === '') || !next.saved) editing.value = true
    } catch {
      // store.error is shown in the dialog
    }
  }

  async function pick(raw: File | undefined): Promise<void> {
    if (!raw) return
    drop()
    try {
      file.value = { name: raw.name, uploadId: await store.stage(raw) }
    } catch {
      return
    }
    await check(false)
  }

  async function setTarget(letter: string, target: string): Promise<void> {
    mapping.value = { ...mapping.value, [letter]: target }
    await check(true)
  }

  async function setMasked(on: boolean): Promise<void> {
    if (!on) {
      try {
        await ElMessageBox.confirm(
          '不脱敏的表格含有完整的身份证号和手机号码。请只在上级确实要求时使用，并妥善保管文件。本次填写会记入操作记录。',
          '填写完整号码？',
          { type: 'warning', confirmButtonText: '仍然填写完整号码', cancelButtonText: '保持脱敏' },
        )
      } catch {
        return
      }
    }
    masked.value = on
    if (info.value) await check(true)
  }

  async function setWhich(v: 'filtered' | 'all'): Promise<void> {
    which.value = v
    if (info.value) await check(true)
  }

  async function forget(): Promise<void> {
    const i = info.value
    if (!i) return
    await store.forget({ register: register(), signature: i.signature }).catch(() => undefined)
    await check(false)
    editing.value = true
  }

  async function run(): Promise<void> {
    if (unmapped.value.length) return
    try {
      const count = await store.fill({ ...request(), mapping: mapping.value, remember: true })
      ElMessage.success(
        `已填写 ${count} 条，文件已保存到下载位置；这份表格的对应关系已记住，下次直接填写`,
      )
      open.value = false
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return {
    store,
    open,
    file,
    info,
    mapping,
    editing,
    which,
    masked,
    filtered,
    unmapped,
    groups,
    where,
    start,
    pick,
    setTarget,
    setMasked,
    setWhich,
    forget,
    run,
    closed: drop,
  }
}
