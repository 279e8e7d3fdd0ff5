import { findProcedure } from '../../shared/domain/catalogue/lookups.js';

/** The seeded procedure's required papers, all ticked as received: what an honest acceptance sends. */
export function requiredPapers(procedureId: string): { itemId: string; name: string; form: 'original' | 'certified_copy' | 'copy'; count: number }[] {
  const procedure = findProcedure(procedureId);
  if (procedure === undefined) throw new Error(`No seeded procedure ${procedureId}`);
  return procedure.documents
    .filter((doc) => doc.required)
    .map((doc) => ({ itemId: doc.id, name: doc.name, form: doc.form === 'original_or_copy' ? 'original' : doc.form, count: doc.count }));
}
