// Open / validate / save logic shared by the register form and the child-list forms, and what the
// dialog needs to ask before throwing typing away (the form compared with how it was opened).
import type { FieldDef } from '@shared/registers/field-def'
import { ElMessage } from 'element-plus'
import { ref } from 'vue'
import { ApiError, errorMessage } from '../../api/client'
import { blankRecord, editable, type Values } from '../../utils/field-form'
import { fieldErrors } from '../../utils/zod-rules'

/** Thrown by a save callback when the user chose not to save after all (e.g. a duplicate). */
export class SaveCancelled extends Error {}

export interface FormHandle {
  validate: () => Promise<boolean>
  clear: () => void
  /** Scrolls to and focuses the first field with a red hint. */
  focusError?: () => Promise<void>
}

export function useRecordDialog(fields: () => readonly FieldDef[]) {
  const open = ref(false)
  const editingId = ref<number | null>(null)
  const model = ref<Values>({})
  const serverErrors = ref<Record<string, string>>({})
  const saving = ref(false)
  const form = ref<FormHandle>()
  let snapshot = ''

  function start(row?: Values): void {
    editingId.value = row ? Number(row.id) : null
    model.value = row ? editable(fields(), row) : blankRecord(fields())
    serverErrors.value = {}
    snapshot = JSON.stringify(model.value)
    open.value = true
    form.value?.clear()
  }

  /** True when the user changed something since the dialog opened. */
  const dirty = (): boolean => snapshot !== '' && JSON.stringify(model.value) !== snapshot
  /** Values filled in for the user (suggestions, defaults) are not her changes. */
  function markClean(): void {
    snapshot = JSON.stringify(model.value)
  }

  /** Validates, then runs save; backend field messages land next to their fields. */
  async function submit(
    save: (values: Values, id: number | null) => Promise<unknown>,
    done: string | ((values: Values) => string),
  ): Promise<boolean> {
    if (saving.value) return false
    serverErrors.value = {}
    if (!(await form.value?.validate())) {
      ElMessage.error('请按红色提示修改后再保存')
      await form.value?.focusError?.()
      return false
    }
    saving.value = true
    try {
      const values = { ...model.value }
      await save(values, editingId.value)
      ElMessage.success(typeof done === 'string' ? done : done(values))
      snapshot = ''
      open.value = false
      return true
    } catch (e) {
      if (e instanceof SaveCancelled) return false
      if (e instanceof ApiError) serverErrors.value = fieldErrors(e.details)
      ElMessage.error(errorMessage(e))
      await form.value?.focusError?.()
      return false
    } finally {
      saving.value = false
    }
  }

  return {
    open,
    editingId,
    model,
    serverErrors,
    saving,
    form,
    start,
    submit,
    dirty,
    markClean,
  }
}
