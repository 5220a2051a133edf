// The gifts register's commands: list, show, create, update and delete a gift with the API's JSON bodies (see
// src/cli/records.ts), add and delete its photographs, and write a year's register as CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CliCommand, CliUsageError } from '../../cli/cli.types.ts';
import { institutionActor, recordCommands, yearOf } from '../../cli/records.ts';
import { giftBodies } from './gifts.body.ts';
import { DIRECTIONS } from './gifts.rules.ts';
import { GiftChanges, GiftInput, type GiftRecord } from './gifts.schemas.ts';

const ids = (positionals: string[], want: number, usage: string): string[] => {
  if (positionals.length < want) throw new CliUsageError(usage);
  return positionals;
};

export const giftsCli: CliCommand[] = [
  ...recordCommands({
    noun: 'gifts',
    one: 'gift',
    input: GiftInput,
    changes: GiftChanges,
    filters: { enums: { direction: DIRECTIONS }, year: true },
    list: (s, actor, q) => s.giftsAdmin.gifts(actor, q),
    columns: (g: GiftRecord) => [
      g.onDay,
      g.direction,
      g.value ? `${g.value} ${g.currency}` : null,
      g.aboveModestValue ? 'ABOVE EUR 150' : null,
      g.descriptionIt,
    ],
    show: async (s, actor, id) => {
      const { gift, photos } = await s.giftsAdmin.gift(actor, id);
      return { ...gift, photos };
    },
    create: (s, actor, body) => giftBodies(s.giftsAdmin).create(actor, body),
    update: (s, actor, id, version, body) => giftBodies(s.giftsAdmin).update(actor, id, version, body),
    remove: (s, actor, id, version) => s.giftsAdmin.deleteGift(actor, id, version),
  }),
  {
    name: 'gifts photos add',
    usage: 'gifts photos add GIFT_ID FILE --institution SLUG',
    summary: 'Add a photograph to a gift (PNG, JPEG, WebP or PDF up to 10 MB, its type read from its bytes)',
    options: { institution: { type: 'string' } },
    async run(ctx) {
      const [giftId, file] = ids(ctx.positionals, 2, "Give the gift's id and the file");
      let bytes: Buffer;
      try {
        bytes = readFileSync(file as string);
      } catch (err) {
        ctx.err(`Cannot read ${file}: ${(err as Error).message}\n`);
        return 1;
      }
      const actor = await institutionActor(ctx);
      const info = await ctx.services.giftsAdmin.addPhoto(actor, giftId as string, {
        filename: basename(file as string),
        bytes,
      });
      ctx.out(`${JSON.stringify(info, null, 2)}\n`);
      return 0;
    },
  },
  {
    name: 'gifts photos delete',
    usage: 'gifts photos delete GIFT_ID PHOTO_ID --institution SLUG',
    summary: "Delete a gift's photograph",
    options: { institution: { type: 'string' } },
    async run(ctx) {
      const [giftId, photoId] = ids(ctx.positionals, 2, "Give the gift's id and the photograph's");
      await ctx.services.giftsAdmin.removePhoto(
        await institutionActor(ctx),
        giftId as string,
        photoId as string,
      );
      ctx.out('Deleted.\n');
      return 0;
    },
  },
  {
    name: 'export gifts',
    usage: 'export gifts --institution SLUG [--year Y] [--out FILE]',
    summary: 'The gifts register as CSV for the staff, with who received or gave each gift',
    options: { institution: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const csv = await ctx.services.giftsAdmin.registerCsv(await institutionActor(ctx), yearOf(ctx));
      const out = ctx.values['out'] as string | undefined;
      if (out) writeFileSync(out, csv);
      else ctx.out(csv);
      return 0;
    },
  },
];
