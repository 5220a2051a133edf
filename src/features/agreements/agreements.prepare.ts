// Preparing agreements: each input checked by the rules and against the institution, and its partner resolved
// to a place or an organisation, many at once; nothing is written here.
import type { FieldProblem } from '../../platform/errors.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { CounterpartSpec } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { LookupResult, PlaceCandidate, PlacesService } from '../places/places.service.ts';
import { resolveCountry } from '../places/places.service.ts';
import { type AgreementDraft, draftAgreement } from './agreements.rules.ts';
import type { AgreementInput } from './agreements.schemas.ts';

/** A draft whose partner has been resolved, ready to write. */
export interface PreparedAgreement {
  draft: AgreementDraft;
  counterpart: CounterpartSpec;
}

/** The outcome of preparing one input: ready, or its problems (with candidates for an ambiguous partner). */
export type Preparation =
  | { ok: true; prepared: PreparedAgreement }
  | { ok: false; problems: FieldProblem[]; candidates?: PlaceCandidate[] };

type Failed = Extract<Preparation, { ok: false }>;

function describeLookup(field: string, what: string, result: LookupResult): Failed {
  if (result.status === 'not_found') {
    return {
      ok: false,
      problems: [
        {
          field,
          message: `No place called "${what}" was found${result.country ? ` in ${result.country}` : ''}`,
        },
      ],
    };
  }
  const names = result.candidates
    .slice(0, 5)
    .map((c) => `${c.nameEn} (${c.country.code}, pop. ${c.population}, id ${c.geonamesId})`)
    .join('; ');
  return {
    ok: false,
    problems: [{ field, message: `"${what}" is ambiguous: which one? ${names}` }],
    candidates: result.candidates,
  };
}

/** Problems only the institution's records can reveal: a unit it does not have, an unknown country. */
function contextProblems(draft: AgreementDraft, units: Set<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.unit && !units.has(draft.unit)) {
    const known = units.size ? ` (its units: ${[...units].join(', ')})` : '';
    problems.push({ field: 'unit', message: `No unit "${draft.unit}" in this institution${known}` });
  }
  const p = draft.partner;
  if (p.type === 'organisation' && p.country && !resolveCountry(p.country)) {
    problems.push({
      field: 'partner.country',
      message: `Unknown country "${p.country}": give an ISO code (DE) or a name`,
    });
  }
  return problems;
}

/** Checks inputs against the rules and the given unit slugs, and resolves their partners, many at once. */
async function prepareFor(
  places: PlacesService,
  units: Set<string>,
  inputs: AgreementInput[],
): Promise<Preparation[]> {
  const drafts = inputs.map((input) => {
    const { draft, problems } = draftAgreement(input);
    return { draft, problems: [...problems, ...contextProblems(draft, units)] };
  });
  const out: Preparation[] = new Array(inputs.length);
  const byName: { i: number; name: string; country?: string | undefined }[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { draft, problems } = drafts[i]!;
    const partner = draft.partner;
    if (partner.type === 'organisation') {
      out[i] = problems.length
        ? { ok: false, problems }
        : { ok: true, prepared: { draft, counterpart: { ...partner, type: 'organisation' } } };
    } else if (partner.geonamesId) {
      try {
        const place = await places.get(partner.geonamesId);
        out[i] = problems.length
          ? { ok: false, problems }
          : {
              ok: true,
              prepared: {
                draft,
                counterpart: {
                  type: 'city',
                  place: { ...place, matchedName: place.name, match: 'exact', confidence: 1 },
                },
              },
            };
      } catch (err) {
        // Only "no such place": anything else (a failed query) has aborted the transaction and must surface.
        if (!isAppError(err) || err.code !== 'not_found') throw err;
        out[i] = {
          ok: false,
          problems: [
            ...problems,
            { field: 'partner.geonamesId', message: `No place with id ${partner.geonamesId}` },
          ],
        };
      }
    } else {
      byName.push({ i, name: partner.name, country: partner.country });
    }
  }
  const results = await places.lookupMany(byName.map(({ name, country }) => ({ name, country })));
  byName.forEach(({ i, name }, k) => {
    const { draft, problems } = drafts[i]!;
    const result = results[k]!;
    if (result instanceof AppError) {
      out[i] = {
        ok: false,
        problems: [...problems, { field: `partner.${result.field ?? 'name'}`, message: result.message }],
      };
      return;
    }
    if (result.status !== 'matched') {
      const described = describeLookup('partner.name', name, result);
      out[i] = { ...described, problems: [...problems, ...described.problems] };
      return;
    }
    out[i] = problems.length
      ? { ok: false, problems }
      : { ok: true, prepared: { draft, counterpart: { type: 'city', place: result.match! } } };
  });
  return out;
}

export function failure(prep: Failed): AppError {
  const first = prep.problems[0]!;
  return new AppError(prep.candidates ? 'ambiguous_place' : 'invalid_input', first.message, {
    field: first.field,
    details: { problems: prep.problems, ...(prep.candidates ? { candidates: prep.candidates } : {}) },
  });
}

export function createAgreementPreparation(deps: {
  places: PlacesService;
  institutions: InstitutionsService;
}) {
  const { places, institutions } = deps;
  return {
    /** Validates inputs for an institution and resolves their partners, many at once; nothing is written. */
    async prepare(institutionId: string, inputs: AgreementInput[]): Promise<Preparation[]> {
      return prepareFor(
        places,
        new Set((await institutions.unitsOf(institutionId)).map((u) => u.slug)),
        inputs,
      );
    },
    /** The same, given the slugs of the institution's units (for one that is being created). */
    prepareFor: (units: Set<string>, inputs: AgreementInput[]) => prepareFor(places, units, inputs),
  };
}
