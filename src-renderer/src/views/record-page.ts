// What a record's own page (会议, 民情事项) does the same way: the id comes from the URL, the record
// loads when the page opens and whenever the id changes, and 删除 asks first, moves it to the
// 回收站 and returns to its list.
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onMounted, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { errorMessage } from '../api/client'
import { useLookupsStore } from '../stores/lookups.store'

export function useRecordPage(load: (id: number) => unknown) {
  const route = useRoute()
  const router = useRouter()
  const lookups = useLookupsStore()
  const id = computed(() => Number(route.params.id))
  const reload = () => (Number.isInteger(id.value) ? load(id.value) : undefined)
  onMounted(() => {
    void reload()
    void lookups.load()
  })
  watch(id, () => void reload())

  async function confirmDelete(ask: {
    title: string
    message: string
    remove: () => Promise<unknown>
    done: string
    list: string
  }): Promise<void> {
    try {
      await ElMessageBox.confirm(ask.message, ask.title, {
        type: 'warning',
        confirmButtonText: '删除',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      await ask.remove()
      ElMessage.success(ask.done)
      void router.push(ask.list)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return { id, confirmDelete }
}
