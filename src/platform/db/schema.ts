// Every Drizzle table, in one module for the client's relational queries and for drizzle-kit.
export * from '../../features/accounts/accounts.table.ts';
export * from '../../features/agreements/agreements.table.ts';
export * from '../../features/attachments/attachments.table.ts';
export * from '../../features/audit/audit.table.ts';
export * from '../../features/counterparts/counterparts.table.ts';
export * from '../../features/feedback/feedback.table.ts';
export * from '../../features/institutions/institutions.table.ts';
export * from '../../features/invitations/invitations.table.ts';
export * from '../../features/networks/networks.table.ts';
export * from '../../features/places/places.table.ts';
export * from '../../features/units/units.table.ts';
