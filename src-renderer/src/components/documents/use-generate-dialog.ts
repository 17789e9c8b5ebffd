// Logic of the 生成文档 dialog: the kind and its subject, the template, masking, the folder;
// then the result with 打开 / 打开所在文件夹 / 转为 PDF.
import type { Output } from '@shared/contract'
import { KINDS, type DocKind } from '@shared/documents/doc-kinds'
import { ElMessage } from 'element-plus'
import { computed, reactive, ref, watch } from 'vue'
import { errorMessage, invoke } from '../../api/client'
import { useDocumentsStore, type GeneratedDoc } from '../../stores/documents.store'

export interface GenerateProps {
  open: boolean
  kind: DocKind
  meetingId?: number | null
  talentId?: number | null
  talentName?: string
  register?: { search: string; filters: Record<string, string | number> } | null
}

type Meeting = Output<'documents:meetings'>[number]

const MEETING_KINDS: DocKind[] = ['notice', 'sign-in', 'minutes', 'tasks']

/** Kinds printed with a 版头 (发文机关标志 and an optional 发文字号). */
export const HEADED: readonly string[] = ['notice', 'report']

export function useGenerateDialog(props: GenerateProps) {
  const store = useDocumentsStore()
  const now = new Date()
  const form = reactive({
    kind: props.kind,
    meetingId: props.meetingId ?? null,
    year: now.getFullYear(),
    quarter: Math.floor(now.getMonth() / 3) + 1,
    template: '',
    masked: true,
    /** 发文字号 for the 版头 of a 通知 or 工作报告; empty prints none. */
    docNumber: '',
    folder: '',
  })
  const meetings = ref<Meeting[]>([])
  const recentFolders = ref<string[]>([])
  const pdfAvailable = ref(false)
  const busy = ref(false)
  const pdfBusy = ref(false)
  const error = ref<string | null>(null)
  const result = ref<GeneratedDoc | null>(null)
  const pdfResult = ref<GeneratedDoc | null>(null)

  const spec = computed(() => KINDS[form.kind])
  const siblings = computed(() => (spec.value.subject === 'meeting' ? MEETING_KINDS : [form.kind]))
  const templates = computed(() => store.ofKind(form.kind))
  const personal = computed(
    () => spec.value.subject === 'register' || spec.value.subject === 'talent',
  )
  const filterText = computed(() => {
    const r = props.register
    if (!r) return '全部记录'
    const n = Object.values(r.filters).filter((v) => v !== '').length
    const parts = [r.search ? `搜索“${r.search}”` : '', n ? `${n} 个筛选条件` : ''].filter(Boolean)
    return parts.length ? `当前列表（${parts.join('，')}）` : '全部记录'
  })

  async function prepare(): Promise<void> {
    Object.assign(form, { kind: props.kind, meetingId: props.meetingId ?? null, masked: true })
    result.value = null
    pdfResult.value = null
    error.value = null
    try {
      await store.loadTemplates()
      const info = await store.loadInfo()
      form.folder = info.recentFolders[0] ?? info.defaultFolder
      recentFolders.value = [...new Set([info.defaultFolder, ...info.recentFolders])]
      pdfAvailable.value = info.pdfAvailable
      if (spec.value.subject === 'meeting') {
        meetings.value = await invoke('documents:meetings', {})
        form.meetingId ??= meetings.value[0]?.id ?? null
      }
    } catch (e) {
      error.value = errorMessage(e)
    }
  }
  watch(
    () => props.open,
    (open) => {
      if (open) void prepare()
    },
    { immediate: true },
  )
  watch(
    () => form.kind,
    () => {
      form.template = templates.value.find((t) => t.isDefault)?.id ?? 'builtin'
    },
  )
  watch(templates, (list) => {
    if (!list.some((t) => t.id === form.template))
      form.template = list.find((t) => t.isDefault)?.id ?? 'builtin'
  })

  async function generate(): Promise<void> {
    error.value = null
    busy.value = true
    try {
      const s = spec.value.subject
      result.value = await store.generate({
        kind: form.kind,
        meetingId: s === 'meeting' ? (form.meetingId ?? undefined) : undefined,
        talentId: s === 'talent' ? (props.talentId ?? undefined) : undefined,
        register: s === 'register' ? (props.register ?? { search: '', filters: {} }) : undefined,
        year: s === 'period' ? form.year : undefined,
        quarter: s === 'period' ? form.quarter || null : undefined,
        template: form.template || undefined,
        masked: form.masked,
        docNumber: HEADED.includes(form.kind) ? form.docNumber : '',
        folder: form.folder || undefined,
      })
      pdfResult.value = null
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      busy.value = false
    }
  }

  async function open(doc: GeneratedDoc, target: 'file' | 'folder'): Promise<void> {
    try {
      await store.open(doc.id, target)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  async function toPdf(): Promise<void> {
    if (!result.value) return
    pdfBusy.value = true
    try {
      pdfResult.value = await store.pdf(result.value.id)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      pdfBusy.value = false
    }
  }

  return {
    form,
    spec,
    siblings,
    meetings,
    templates,
    personal,
    filterText,
    recentFolders,
    pdfAvailable,
    busy,
    pdfBusy,
    error,
    result,
    pdfResult,
    generate,
    open,
    toPdf,
    again: () => (result.value = null),
  }
}
