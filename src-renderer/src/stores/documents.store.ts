// Documents: templates per kind, the generated documents list, and where documents go.
import type { Input, Output } from '@shared/contract'
import type { DocKind } from '@shared/documents/doc-kinds'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { downloadBase64, MIME } from '../utils/files'

export type TemplateInfo = Output<'documents:templates'>[number]
export type GeneratedDoc = Output<'documents:generate'>
export type DocumentsInfo = Output<'documents:info'>

export const useDocumentsStore = defineStore('documents', () => {
  const templates = ref<TemplateInfo[]>([])
  const generated = ref<GeneratedDoc[]>([])
  const info = ref<DocumentsInfo | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    loading.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = errorMessage(e)
      return undefined
    } finally {
      loading.value = false
    }
  }

  const loadTemplates = () =>
    guard(async () => {
      templates.value = await invoke('documents:templates', {})
    })
  const loadGenerated = () =>
    guard(async () => {
      generated.value = await invoke('documents:generated', { limit: 100 })
    })
  const loadInfo = async () => {
    info.value ??= await invoke('documents:info', {})
    return info.value
  }

  const ofKind = (kind: DocKind) => templates.value.filter((t) => t.kind === kind)

  /** Imports a file; returns its problems (empty when stored). */
  async function importFile(
    kind: DocKind,
    file: File,
  ): Promise<Output<'documents:template-import'>> {
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    const r = await invoke('documents:template-import', {
      kind,
      fileName: file.name,
      base64: btoa(binary),
    })
    await loadTemplates()
    return r
  }

  async function setDefault(kind: DocKind, id: string): Promise<void> {
    await invoke('documents:template-default', { kind, id })
    await loadTemplates()
  }
  async function remove(kind: DocKind, id: string): Promise<void> {
    await invoke('documents:template-delete', { kind, id })
    await loadTemplates()
  }
  async function copyBuiltin(kind: DocKind): Promise<TemplateInfo> {
    const t = await invoke('documents:template-copy', { kind })
    await loadTemplates()
    return t
  }
  async function download(kind: DocKind, id: string): Promise<void> {
    const r = await invoke('documents:template-download', { kind, id })
    downloadBase64(r.fileName, r.base64, MIME.docx)
  }
  const openTemplate = (kind: DocKind, id: string) =>
    invoke('documents:template-open', { kind, id })

  async function generate(input: Input<'documents:generate'>): Promise<GeneratedDoc> {
    const r = await invoke('documents:generate', input)
    generated.value = [r, ...generated.value.filter((g) => g.id !== r.id)]
    info.value = null
    return r
  }
  const open = (id: number, target: 'file' | 'folder') => invoke('documents:open', { id, target })
  async function pdf(id: number): Promise<GeneratedDoc> {
    const r = await invoke('documents:pdf', { id })
    generated.value = [r, ...generated.value]
    return r
  }

  return {
    templates,
    generated,
    info,
    loading,
    error,
    loadTemplates,
    loadGenerated,
    loadInfo,
    ofKind,
    importFile,
    setDefault,
    remove,
    copyBuiltin,
    download,
    openTemplate,
    generate,
    open,
    pdf,
  }
})
