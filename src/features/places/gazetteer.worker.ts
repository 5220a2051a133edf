// A worker thread's entry (gazetteerRowsInWorker): makes the gazetteer's rows and hands them back as CSV text.
import { parentPort } from 'node:worker_threads';
import { asCsvRows } from '../../platform/db/bulk.ts';
import { gazetteerRows } from './places.loader.ts';
import type { GazetteerRows } from './places.repository.ts';

const rows = gazetteerRows();
const message: GazetteerRows = {
  ...rows,
  places: asCsvRows(rows.places),
  names: asCsvRows(rows.names),
};
parentPort!.postMessage(message);
