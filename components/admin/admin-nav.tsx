import { AudienceNav } from '@/components/layout/audience-nav'

export const AdminNav = () => <AudienceNav audience="admin" className="mb-6 flex gap-1" />
