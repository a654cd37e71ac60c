import { AudienceNav } from '@/components/layout/audience-nav'

export const SupervisorNav = () => <AudienceNav audience="supervisor" className="mb-5 flex flex-wrap gap-1" />
