import { z } from 'zod'
import { formNumber } from '../form-number'

export const ZShift = z.object({
  butlerId: z.string({ error: 'errors.chooseButler' }).min(1, { message: 'errors.chooseButler' }).max(40),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.invalidDate' }),
  startHour: formNumber(
    z
      .number({ message: 'errors.hour' })
      .int({ message: 'errors.hour' })
      .min(0, { message: 'errors.hour' })
      .max(23, { message: 'errors.hour' }),
  ),
  hours: formNumber(
    z
      .number({ message: 'errors.shiftLength' })
      .int({ message: 'errors.shiftLength' })
      .min(1, { message: 'errors.shiftLength' })
      .max(12, { message: 'errors.shiftLength' }),
  ),
  isBackup: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
})
export type TShift = z.infer<typeof ZShift>

export const ZDeleteShift = z.object({ shiftId: z.string().min(1).max(40) })
export type TDeleteShift = z.infer<typeof ZDeleteShift>
