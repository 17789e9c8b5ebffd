// Open / validate / save logic shared by the register form and the child-list forms.
import type { FieldDef } from '@shared/registers/field-def'
import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { ApiError, errorMessage } from '../../api/client'
import { blankRecord, editable, type Values } from '../../utils/field-form'
import { fieldErrors } from '../../utils/zod-rules'

export function useRecordDialog(fields: () => readonly FieldDef[]) {
  const open = ref(false)
  const editingId = ref<number | null>(null)
  const model = ref<Values>({})
  const serverErrors = ref<Record<string, string>>({})
  const saving = ref(false)
  const form = ref<{ validate: () => Promise<boolean>; clear: () => void }>()

  function start(row?: Values): void {
    editingId.value = row ? Number(row.id) : null
    model.value = row ? editable(fields(), row) : blankRecord(fields())
    serverErrors.value = {}
    open.value = true
    form.value?.clear()
  }

  /** Validates, then runs save; backend field messages land next to their fields. */
  async function submit(
    save: (values: Values, id: number | null) => Promise<unknown>,
    done: string,
  ): Promise<boolean> {
    serverErrors.value = {}
    if (!(await form.value?.validate())) {
      ElMessage.error('请按红色提示修改后再保存')
      return false
    }
    saving.value = true
    try {
      await save({ ...model.value }, editingId.value)
      ElMessage.success(done)
      open.value = false
      return true
    } catch (e) {
      if (e instanceof ApiError) serverErrors.value = fieldErrors(e.details)
      ElMessage.error(errorMessage(e))
      return false
    } finally {
      saving.value = false
    }
  }

  return { open, editingId, model, serverErrors, saving, form, start, submit }
}
