// Every Drizzle table, in one module for drizzle-kit (drizzle.config.ts), which writes the migrations from it.
export * from './accounts/accounts.table.ts';
export * from './agenda/agenda.table.ts';
export * from './agreements/agreements.table.ts';
export * from './attachments/attachments.table.ts';
export * from './audit/audit.table.ts';
export * from './counterparts/counterparts.table.ts';
export * from './feedback/feedback.table.ts';
export * from './gifts/gifts.table.ts';
export * from './institutions/institutions.table.ts';
export * from './invitations/invitations.table.ts';
export * from './meetings/meetings.table.ts';
export * from './missions/missions.table.ts';
export * from './networks/networks.table.ts';
export * from './places/places.table.ts';
export * from './units/units.table.ts';
export * from './visits/visits.table.ts';
