// The database roles the migrations create. Apart from client.ts so that config.ts can name them without
// loading the database drivers.

/** The database role that row-level security applies to (migration 0004). */
export const STAFF_ROLE = 'ponte_staff';
/**
 * The role the application serves as (migration 0006): rows of every institution, but no power over the
 * schema, the audit log's triggers or the gazetteer. The owner only migrates.
 */
export const APP_ROLE = 'ponte_app';
