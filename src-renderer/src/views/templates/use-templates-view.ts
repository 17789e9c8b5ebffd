import type { Output } from '@shared/contract'
import { DOC_KINDS, KINDS, type DocKind } from '@shared/documents/doc-kinds'
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onMounted, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useDocumentsStore, type TemplateInfo } from '../../stores/documents.store'

type Problem = Output<'documents:template-import'>['problems'][number]

export function useTemplatesView() {
  const store = useDocumentsStore()
  const kind = ref<DocKind>('minutes')
  const tab = ref<'templates' | 'tags' | 'generated'>('templates')
  const fileInput = ref<HTMLInputElement>()
  /** The last import's problems; stored: the template was imported and these are warnings. */
  const problems = ref<{ file: string; list: Problem[]; stored: boolean } | null>(null)
  const generating = ref(false)

  const kinds = DOC_KINDS.map((k) => ({ kind: k, label: KINDS[k].label }))
  const spec = computed(() => KINDS[kind.value])
  const list = computed(() => store.ofKind(kind.value))

  onMounted(() => void store.loadTemplates())

  function choose(k: string): void {
    kind.value = k as DocKind
    problems.value = null
  }

  async function act(work: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await work()
      ElMessage.success(done)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  async function onFile(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    try {
      const r = await store.importFile(kind.value, file)
      if (r.problems.length)
        problems.value = { file: file.name, list: r.problems, stored: r.template !== null }
      else {
        problems.value = null
        ElMessage.success(`已导入模板「${r.template?.name ?? file.name}」`)
      }
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  const setDefault = (t: TemplateInfo) =>
    act(() => store.setDefault(t.kind, t.id), `以后生成${spec.value.label}默认使用「${t.name}」`)
  const download = (t: TemplateInfo) => act(() => store.download(t.kind, t.id), '已开始下载')
  const copyBuiltin = () =>
    act(() => store.copyBuiltin(kind.value), '已复制为我的模板，可点「在 Word 中修改」')
  const openInWord = (t: TemplateInfo) =>
    act(() => store.openTemplate(t.kind, t.id), '已用 Word / WPS 打开，改完保存即可')

  async function remove(t: TemplateInfo): Promise<void> {
    try {
      await ElMessageBox.confirm(
        `确定删除模板「${t.name}」吗？删除后不能恢复${t.isDefault ? '，以后将使用内置模板' : ''}。`,
        '删除模板',
        { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' },
      )
    } catch {
      return
    }
    await act(() => store.remove(t.kind, t.id), `已删除模板「${t.name}」`)
  }

  /** A template with a problem that stops it (warnings alone do not). */
  const blocked = (t: TemplateInfo) => t.problems.some((p) => !p.warning)

  return {
    store,
    blocked,
    kind,
    tab,
    kinds,
    spec,
    list,
    fileInput,
    problems,
    generating,
    choose,
    onFile,
    setDefault,
    download,
    copyBuiltin,
    openInWord,
    remove,
  }
}
