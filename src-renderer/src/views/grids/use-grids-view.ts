import type { Grid, GridInput } from '@shared/schemas/grids.schema'
import { ElMessage, type FormInstance } from 'element-plus'
import { onMounted, reactive, ref } from 'vue'
import { ApiError, errorMessage } from '../../api/client'
import { useGridsStore } from '../../stores/grids.store'
import { fieldErrors } from '../../utils/zod-rules'
import { useGridDelete } from './use-grid-delete'

type Form = Required<GridInput>
const blank = (): Form => ({ name: '', code: '', leader: '', phone: '', note: '' })

export function useGridsView() {
  const store = useGridsStore()
  const dialogOpen = ref(false)
  const editingId = ref<number | null>(null)
  const formRef = ref<FormInstance>()
  const form = reactive<Form>(blank())
  const serverErrors = ref<Record<string, string>>({})
  const saving = ref(false)

  onMounted(() => {
    void store.load()
  })

  function openCreate(): void {
    editingId.value = null
    Object.assign(form, blank())
    serverErrors.value = {}
    dialogOpen.value = true
    formRef.value?.clearValidate()
  }

  function openEdit(row: Grid): void {
    editingId.value = row.id
    Object.assign(form, {
      name: row.name,
      code: row.code,
      leader: row.leader,
      phone: row.phone,
      note: row.note,
    })
    serverErrors.value = {}
    dialogOpen.value = true
    formRef.value?.clearValidate()
  }

  async function submit(): Promise<void> {
    serverErrors.value = {}
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    saving.value = true
    try {
      if (editingId.value === null) await store.create({ ...form })
      else await store.update(editingId.value, { ...form })
      ElMessage.success(editingId.value === null ? `已添加网格「${form.name}」` : '网格已保存')
      dialogOpen.value = false
    } catch (e) {
      if (e instanceof ApiError) serverErrors.value = fieldErrors(e.details)
      ElMessage.error(errorMessage(e))
    } finally {
      saving.value = false
    }
  }

  return {
    store,
    dialogOpen,
    editingId,
    formRef,
    form,
    serverErrors,
    saving,
    openCreate,
    openEdit,
    submit,
    /** Asks first: who is affected, and where they move (use-grid-delete.ts). */
    remove: useGridDelete().start,
  }
}
