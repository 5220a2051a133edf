// Partners (counterparts) as the API shows and takes them: the portal's public view, the back-office record,
// and the bodies of the write routes (one set of properties for the creation and, all optional, the PATCH).
import { type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum, WebUrl } from '../../platform/http/schema-helpers.ts';

export const Counterpart = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: StringEnum(['city', 'organisation'] as const),
    nameIt: Type.String(),
    nameEn: Type.String(),
    country: Nullable(
      Type.Object({
        code: Type.String(),
        nameIt: Type.String(),
        nameEn: Type.String(),
        continent: Type.String(),
      }),
    ),
    place: Nullable(
      Type.Object({
        geonamesId: Type.Integer(),
        name: Type.String(),
        lat: Type.Number(),
        lon: Type.Number(),
        population: Type.Integer(),
      }),
    ),
    agreements: Type.Integer({ description: 'Published agreements with this counterpart' }),
  },
  { title: 'Counterpart' },
);

export const PartnerRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: StringEnum(['city', 'organisation'] as const),
    nameIt: Type.String(),
    nameEn: Type.String(),
    country: Nullable(Type.Object({ code: Type.String(), nameIt: Type.String(), nameEn: Type.String() })),
    place: Nullable(
      Type.Object({ geonamesId: Type.Integer(), name: Type.String() }, { description: 'Cities only' }),
    ),
    website: Nullable(Type.String()),
    agreements: Type.Integer({ description: 'Agreements that name it, published or not' }),
    visits: Type.Integer({
      description: 'Visits from it, meetings and gifts with it recorded by the institution',
    }),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'PartnerRecord' },
);

export const partnerProps = {
  nameIt: Type.String({ minLength: 1, maxLength: 200, description: 'Name in Italian' }),
  nameEn: Type.String({
    minLength: 1,
    maxLength: 200,
    description: "Name in English; unique among the institution's organisations (409 if taken)",
  }),
  country: optionalText(100, 'Country: ISO code (FR, FRA) or name in Italian or English. Ignored for a city'),
  website: Type.Optional(Nullable(WebUrl({ maxLength: 300, emptyClears: true }))),
} satisfies TProperties;

export const PartnerInput = Type.Object(partnerProps, { ...closed, title: 'PartnerInput' });
export const PartnerChanges = changesOf(partnerProps, 'PartnerChanges');

/**
 * A partner's kinds and the names of the fields only a partner has, in Italian and English: its pages and the
 * audit history (which names a partner's changed fields) say them alike.
 */
export const COUNTERPART_WORDS = {
  it: {
    kind: 'Tipo',
    place: 'Luogo nel gazzetteer',
    kinds: { city: 'Città', organisation: 'Organizzazione' } as Record<string, string>,
  },
  en: {
    kind: 'Kind',
    place: 'Place in the gazetteer',
    kinds: { city: 'City', organisation: 'Organisation' } as Record<string, string>,
  },
};

/** One agreement on a partner's back-office page (read by the agreements' repository, see CounterpartAgreements). */
export interface CounterpartAgreementRow {
  id: string;
  kind: string;
  status: string;
  published: boolean;
  signed_on: string | null;
  signed_precision: string;
}

/**
 * What counterparts need of the agreements: the ones naming a partner, and keeping their copies of its names
 * and country in step when it is renamed. The agreements' repository provides it (deps.ts hands it in), so
 * counterparts know no agreement module.
 */
export interface CounterpartAgreements {
  ofCounterpart(id: string): Promise<CounterpartAgreementRow[]>;
  followCounterpart(
    id: string,
    values: { sortNameIt: string; sortNameEn: string; searchAdd: string[]; countryCode: string | null },
  ): Promise<void>;
}
