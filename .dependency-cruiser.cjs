// The dependency rules of docs/ARCHITECTURE.md ("Dependency rules"), checked in CI by `npm run lint:deps`.
// Test files are exempt; composition roots (app.ts, deps.ts, main.ts, server.ts, cli/, features/record-types.ts) may import
// anything, and are left alone by the rules below because none of them lives in a feature's folder or in platform/.

/**
 * A feature's surface: the only files of a feature that another feature may import.
 * - every feature: its service (`<f>.service.ts`), its schemas (`<f>.schemas.ts`) and its table (`<f>.table.ts`,
 *   for a foreign key or a read its repository needs);
 * - agreements: also its labels (`agreements.labels.ts`: the words for kinds, statuses and sectors that every
 *   page showing an agreement uses: the portal's, the back-office's, the counterparts'; and, re-exported, its
 *   back-office words, with which the audit history names an agreement's fields and values);
 * - accounts: who acts and the role checks (`accounts.access.ts`) and the HTTP access step (`accounts.http.ts`);
 * - admin: the back-office shell the record types', accounts' and invitations' pages are drawn in
 *   (`admin.kit.tsx`, `admin.forms.tsx`, and `admin.links.tsx` for a record's links) and its words (`admin.strings.ts`: role names among them);
 * - audit: the history of a record and the change log as a page draws them (`views/history.tsx`);
 * - plan, projects, events, dossiers: their words (`<f>.strings.ts`), with which the audit history names their
 *   fields and coded values (`audit/views/record-words.ts`) and the portal its kinds, statuses and budget series;
 * - portal: the addresses of its pages, which the back-office links to (`portal.paths.ts`), and the server-drawn
 *   maps (`map/world-map.ts`), which the back-office's agreement page draws too.
 */
const SURFACE = [
  // A record type's back-office use cases (createXAdmin) are a service too.
  '^src/features/([^/]+)/\\1\\.(service|admin|schemas|table)\\.ts$',
  '^src/features/agreements/agreements\\.labels\\.ts$',
  '^src/features/accounts/accounts\\.(access|http)\\.ts$',
  '^src/features/admin/(admin\\.kit\\.tsx|admin\\.forms\\.tsx|admin\\.links\\.tsx|admin\\.strings\\.ts)$',
  '^src/features/audit/views/history\\.tsx$',
  // No back-reference here: the entries are joined into one pattern, where a back-reference means the first entry's group.
  '^src/features/(plan/plan|projects/projects|events/events|dossiers/dossiers)\\.strings\\.ts$',
  '^src/features/portal/(portal\\.paths\\.ts|map/world-map\\.ts)$',
];

const TESTS = '\\.test\\.tsx?$';


/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-feature',
      comment: 'platform/ is feature-agnostic: it imports no feature, view, CLI or composition root.',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: TESTS },
      to: { path: ['^src/(features|views|cli)/', '^src/(app|deps|main|server)\\.ts$'] },
    },
    {
      name: 'feature-imports-feature-surface',
      comment:
        "A feature imports another feature only through that feature's surface (SURFACE in .dependency-cruiser.cjs).",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', ...SURFACE] },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a rule is about what a file knows, not only what it loads.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
