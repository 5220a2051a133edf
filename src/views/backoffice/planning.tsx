// The links between the three lists of the back-office's "Programmazione" section: objectives, projects and
// candidacies share one place in the navigation, so each list leads to the other two.
import type { Lang } from '../../platform/i18n.ts';

const WORDS = {
  it: { label: 'Programmazione', plan: 'Obiettivi e risorse', projects: 'Progetti', dossiers: 'Candidature' },
  en: { label: 'Planning', plan: 'Objectives and resources', projects: 'Projects', dossiers: 'Candidacies' },
};

export function PlanningLinks(p: { lang: Lang; current: 'plan' | 'projects' | 'dossiers' }) {
  const w = WORDS[p.lang];
  return (
    <nav aria-label={w.label} class="mb-3">
      <ul class="list-inline mb-2">
        {(['plan', 'projects', 'dossiers'] as const).map((k) => (
          <li class="list-inline-item me-3">
            {k === p.current ? (
              <span class="fw-semibold" aria-current="page">
                {w[k]}
              </span>
            ) : (
              <a href={`/admin/${p.lang}/${k}`}>{w[k]}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
