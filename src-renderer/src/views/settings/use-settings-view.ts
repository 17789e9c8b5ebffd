import type { SettingsInput } from '@shared/schemas/settings.schema'
import { ElMessage, type FormInstance } from 'element-plus'
import { computed, onMounted, reactive, ref } from 'vue'
import { ApiError, errorMessage } from '../../api/client'
import { useSettingsStore } from '../../stores/settings.store'
import { useStreetStore } from '../../stores/street.store'
import { fieldErrors } from '../../utils/zod-rules'

type Form = Required<SettingsInput>

const blank = (): Form => ({
  community_name: '',
  street_name: '',
  district: '',
  party_org_name: '',
  secretary_name: '',
  phone: '',
  address: '',
  operator_name: '',
})

export function useSettingsView() {
  const store = useSettingsStore()
  const formRef = ref<FormInstance>()
  const form = reactive<Form>(blank())
  const serverErrors = ref<Record<string, string>>({})
  const saving = ref(false)
  // 使用单位 街道: the labels and required fields are the street office's (see settings-rules).
  const street = useStreetStore()
  const isStreet = computed(() => street.settings?.mode === '街道')

  /** Puts the saved values in the form; `keepTyped` leaves what she has typed meanwhile. */
  function fill(keepTyped = false): void {
    const s = store.settings
    if (!s) return
    for (const key of Object.keys(form) as (keyof Form)[])
      if (!keepTyped || form[key] === '') form[key] = s[key]
  }

  onMounted(async () => {
    await store.load()
    // On a slow PC she may start typing before the saved values arrive: never overwrite that.
    fill(true)
  })

  /** 社区党组织名称 usually follows the community name: suggest it when still empty. */
  function suggestOrgName(): void {
    if (isStreet.value) {
      const name = form.street_name.trim()
      if (!form.party_org_name && name) form.party_org_name = `中共${name}工作委员会`
      return
    }
    if (!form.party_org_name && form.community_name.trim()) {
      form.party_org_name = `中共${form.community_name.trim()}委员会`
    }
  }

  async function save(): Promise<void> {
    serverErrors.value = {}
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) {
      ElMessage.error('请按红色提示修改后再保存')
      return
    }
    saving.value = true
    try {
      // A street office's own unit is the street: its name stands where a community's would.
      await store.save({
        ...form,
        ...(isStreet.value ? { community_name: form.street_name.trim() } : {}),
      })
      fill()
      ElMessage.success('社区信息已保存')
    } catch (e) {
      if (e instanceof ApiError) serverErrors.value = fieldErrors(e.details)
      ElMessage.error(errorMessage(e))
    } finally {
      saving.value = false
    }
  }

  function reset(): void {
    serverErrors.value = {}
    formRef.value?.clearValidate()
    fill()
  }

  return { store, formRef, form, serverErrors, saving, save, reset, suggestOrgName, isStreet }
}
