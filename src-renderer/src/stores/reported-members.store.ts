import { defineRegisterStore } from './register-store'

export const useReportedMembersStore = defineRegisterStore('reported_members')
