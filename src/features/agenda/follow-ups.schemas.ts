// Follow-ups' JSON: one as the API gives it, the bodies of an addition and of a PATCH, and an open one with the
// record it belongs to.
import { Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { SUBJECT_KINDS } from './follow-ups.service.ts';

export const FollowUp = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: StringEnum(SUBJECT_KINDS, { description: 'What it belongs to' }),
    subjectId: Type.String({ format: 'uuid' }),
    action: Type.String(),
    owner: Nullable(Type.String()),
    dueOn: Nullable(Type.String({ format: 'date' })),
    doneOn: Nullable(Type.String({ format: 'date', description: 'null while it is open' })),
    version: Type.Integer(),
  },
  { title: 'FollowUp' },
);

const props = {
  action: Type.String({ minLength: 1, maxLength: 500 }),
  owner: optionalText(200, 'Who follows it'),
  dueOn: optionalText(10, 'YYYY-MM-DD'),
  doneOn: optionalText(10, 'YYYY-MM-DD; null while it is open'),
};
export const FollowUpInput = Type.Object(props, { ...closed, title: 'FollowUpInput' });
export const FollowUpChanges = changesOf(props, 'FollowUpChanges');

export const OpenFollowUp = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: StringEnum(SUBJECT_KINDS),
    subjectId: Type.String({ format: 'uuid' }),
    subjectIt: Type.String(),
    subjectEn: Nullable(Type.String()),
    action: Type.String(),
    owner: Nullable(Type.String()),
    dueOn: Nullable(Type.String({ format: 'date' })),
    version: Type.Integer(),
  },
  { title: 'OpenFollowUp' },
);
