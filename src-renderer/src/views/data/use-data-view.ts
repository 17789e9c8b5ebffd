// 数据与备份 page logic: every destructive step is confirmed (restore twice), every failure
// shown in Chinese, and after a restore or a package import the whole app reloads.
import { ElLoading, ElMessage, ElMessageBox } from 'element-plus'
import { onMounted, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useSafetyStore, type Backup, type PackagePreview } from '../../stores/safety.store'
import { countsText, kindLabel, when } from './data-format'

const cancelled = (e: unknown) => e === 'cancel' || e === 'close'

/** Asks twice before the current data is replaced: once to explain, once to type 恢复. */
export async function confirmReplace(what: string, word = '恢复'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      `将用${what}替换现在的全部数据。替换前会自动备份现在的数据，如有需要还可以再恢复回来。`,
      `确认${word}`,
      { type: 'warning', confirmButtonText: '继续', cancelButtonText: '取消' },
    )
    await ElMessageBox.prompt(`请输入「${word}」两个字，确认替换现在的数据。`, '再次确认', {
      type: 'warning',
      confirmButtonText: `确认${word}`,
      cancelButtonText: '取消',
      inputPattern: new RegExp(`^\\s*${word}\\s*$`),
      inputErrorMessage: `请输入「${word}」`,
    })
    return true
  } catch {
    return false
  }
}

/**
 * The page reloads so every register shows the data that is now in place. Until it does, a
 * full-screen mask says why and takes the clicks: the app behind it already sees the new data
 * state (safe mode lifts) and must not be used in the moment before the reload.
 */
export function reloadApp(message: string): void {
  ElLoading.service({ fullscreen: true, lock: true, text: message })
  setTimeout(() => window.location.reload(), 800)
}

export function useDataView() {
  const store = useSafetyStore()
  const folderInput = ref('')
  const pendingPackage = ref<{ uploadId: string; preview: PackagePreview } | null>(null)

  onMounted(async () => {
    await store.loadAll()
    folderInput.value = store.status?.folder.configured ?? ''
  })

  const fail = (e: unknown) => {
    if (!cancelled(e)) ElMessage.error({ message: errorMessage(e), duration: 8000 })
  }

  async function backupNow(): Promise<void> {
    try {
      const b = await store.backupNow()
      ElMessage.success(`已备份并校验通过（${countsText(b.counts)}）`)
    } catch (e) {
      fail(e)
    }
  }

  async function verify(b: Backup): Promise<void> {
    try {
      const r = await store.verify(b.id)
      if (r.ok) ElMessage.success(r.message)
      else ElMessage.error({ message: r.message, duration: 8000 })
    } catch (e) {
      fail(e)
    }
  }

  async function restore(b: Backup): Promise<void> {
    if (!(await confirmReplace(`${when(b.createdAt)} 的${kindLabel(b.kind)}备份`))) return
    try {
      await store.restore(b.id)
      reloadApp('已恢复，正在重新载入……')
    } catch (e) {
      fail(e)
    }
  }

  async function restoreFromFile(file: File): Promise<void> {
    try {
      const { uploadId, inspected } = await store.inspectFile(file)
      if (!inspected.ok) return void ElMessage.error({ message: inspected.message, duration: 8000 })
      if (!(await confirmReplace(`文件「${file.name}」（${countsText(inspected.counts)}）`))) return
      await store.restoreUploaded(uploadId)
      reloadApp('已恢复，正在重新载入……')
    } catch (e) {
      fail(e)
    }
  }

  async function remove(b: Backup): Promise<void> {
    try {
      await ElMessageBox.confirm(
        `删除 ${when(b.createdAt)} 的${kindLabel(b.kind)}备份？删除后无法用它恢复。`,
        '删除备份',
        { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' },
      )
      await store.remove(b.id)
      ElMessage.success('已删除')
    } catch (e) {
      fail(e)
    }
  }

  async function saveFolder(path: string | null): Promise<void> {
    try {
      const f = await store.setFolder(path)
      folderInput.value = f.configured ?? ''
      ElMessage.success(`以后的备份保存在：${f.path}`)
    } catch (e) {
      fail(e)
    }
  }

  async function exportPackage(): Promise<void> {
    try {
      const r = await store.exportPackage()
      // Say where it went: a browser download gives no sign of its own on some systems.
      ElMessage.success({
        message: `数据包「${r.fileName}」已保存到本机的「下载」文件夹。换电脑时把它拷到新电脑，在「数据与备份」里点「导入数据包」。`,
        duration: 8000,
      })
    } catch (e) {
      fail(e)
    }
  }

  async function choosePackage(file: File): Promise<void> {
    try {
      pendingPackage.value = await store.previewPackage(file)
    } catch (e) {
      fail(e)
    }
  }

  async function importPackage(): Promise<void> {
    const p = pendingPackage.value
    if (!p || !(await confirmReplace('数据包里的数据', '导入'))) return
    try {
      await store.importPackage(p.uploadId)
      pendingPackage.value = null
      reloadApp('数据包已导入，正在重新载入……')
    } catch (e) {
      fail(e)
    }
  }

  return {
    store,
    setFolderInput: (v: string) => (folderInput.value = v),
    cancelPackage: () => (pendingPackage.value = null),
    folderInput,
    pendingPackage,
    backupNow,
    verify,
    restore,
    restoreFromFile,
    remove,
    saveFolder,
    exportPackage,
    choosePackage,
    importPackage,
  }
}

export type DataView = ReturnType<typeof useDataView>
