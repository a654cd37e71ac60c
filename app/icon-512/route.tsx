import { brandIcon } from '@/components/ui/brand-icon'

export const dynamic = 'force-static'
export const GET = () => brandIcon(512)
