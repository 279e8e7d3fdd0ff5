import type { CommandArgs } from '../../../../shared/contract/commands.js';
import { parseTypedDate } from '../../../ui/format-date.js';
import type { IntakeDraft } from './intake-draft.js';

// Turns the typed draft into command arguments. Empty strings become null so that the schema's
// "optional" rules apply, and numbers are parsed here so the schema can say what is wrong with them.

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const asNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

export function applicantArgs(draft: IntakeDraft): CommandArgs<'dossiers.receive'>['applicant'] {
  const a = draft.applicant;
  return {
    fullName: a.fullName,
    idNumber: orNull(a.idNumber),
    // A date that does not read as day/month/year goes through as typed, so the check names the field.
    birthDate: a.birthDate.trim() === '' ? null : (parseTypedDate(a.birthDate) ?? a.birthDate.trim()),
    sex: a.sex === '' ? null : a.sex,
    address: a.address,
    phone: orNull(a.phone),
    email: orNull(a.email),
  };
}

function documentsArgs(draft: IntakeDraft): CommandArgs<'dossiers.receive'>['documents'] {
  if (draft.procedure === null) return [];
  return draft.procedure.documents
    .filter((doc) => draft.documents[doc.id]?.received)
    .map((doc) => {
      const choice = draft.documents[doc.id]!;
      return { itemId: doc.id, name: doc.name, form: choice.form, count: asNumber(choice.count) };
    });
}

export function receiveArgs(draft: IntakeDraft, intake: 'accepted' | 'supplement_requested'): CommandArgs<'dossiers.receive'> {
  const args: CommandArgs<'dossiers.receive'> = {
    procedureId: draft.procedure?.id ?? '',
    channel: draft.channel,
    applicant: applicantArgs(draft),
    owner: draft.owner.separate ? { kind: draft.owner.kind, name: draft.owner.name, idNumber: draft.owner.idNumber } : null,
    documents: documentsArgs(draft),
    sets: asNumber(draft.sets),
    notes: draft.notes,
    intake,
  };
  if (intake === 'supplement_requested') {
    args.supplement = {
      items: draft.supplementItems
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      reason: draft.supplementReason,
    };
  }
  return args;
}

export function refuseArgs(draft: IntakeDraft): CommandArgs<'dossiers.refuse'> {
  return { procedureId: draft.procedure?.id ?? '', channel: draft.channel, applicant: applicantArgs(draft), reason: draft.refuseReason };
}
