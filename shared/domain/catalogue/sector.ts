import { z } from 'zod';
import { SlugSchema } from './slug.js';

// A field of administrative procedures (lĩnh vực), as the national catalogue groups them.
export const SectorSchema = z.object({
  id: SlugSchema,
  /** Official Vietnamese name, e.g. "Hộ tịch". */
  name: z.string().min(1),
});

export type Sector = z.infer<typeof SectorSchema>;
