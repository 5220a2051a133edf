// The demo institutions' planning objectives, exactly as their documents state them (seed 002: the
// Metropolitan City of Florence's DUP, mandate 2019–2024). The seed names the financial headings of 2022–2024
// and no amounts: the years stay "not recorded". The English texts are Ponte's translation; the Italian ones
// are the document's own words.
import type { Source } from '../agreements/agreements.schemas.ts';
import type { ObjectiveFields } from '../plan/plan.service.ts';

export type DemoObjective = Omit<ObjectiveFields, 'parentId' | 'sources'> & {
  sources: Source[];
  /** An operational objective's strategic objective, by its Italian title in the same list. */
  parent?: string;
};

const DUP: Source = {
  title:
    'Città Metropolitana di Firenze, Documento Unico di Programmazione: obiettivi strategici e operativi, mandato 2019–2024',
  titleEn:
    'Metropolitan City of Florence, Single Programming Document (DUP): strategic and operational objectives, 2019–2024 term',
};

const common = {
  mandateFrom: '2019',
  mandateTo: '2024',
  responsible: 'Cristiano Maggipinto',
  addressIt: 'CULTURA, TURISMO, SVILUPPO ECONOMICO, RELAZIONI INTERNAZIONALI',
  addressEn: 'Culture, tourism, economic development, international relations',
  mission: '19',
  firstYear: '2022',
  lastYear: '2024',
  currency: 'EUR',
  published: 'yes',
  sources: [DUP],
};

export const DEMO_OBJECTIVES: Record<string, DemoObjective[]> = {
  'cm-firenze': [
    {
      ...common,
      level: 'strategic',
      code: '',
      titleIt: 'RELAZIONI INTERNAZIONALI',
      titleEn: 'International relations',
      programme: '',
      descriptionIt:
        'Lo Statuto della Città Metropolitana di Firenze all\'art. 4 "Rapporti europei e internazionali", comma 1 prevede che l\'Ente favorisca ed assicuri rapporti di collaborazione e di integrazione economica e culturale con le città e le altre aree metropolitane europee e extraeuropee. In tale ottica si colloca il presente obiettivo con lo scopo di valorizzare il territorio metropolitano, le sue eccellenze e specificità, promuovendo la cultura e raccogliendo le opportunità presenti in ambito transnazionale.',
      descriptionEn:
        'Article 4 ("European and international relations"), paragraph 1, of the Metropolitan City of Florence\'s statute provides that the institution fosters and secures cooperation and economic and cultural integration with cities and other metropolitan areas in Europe and beyond. This objective serves that end: to make the most of the metropolitan area, its strengths and its particular character, promoting culture and taking up the opportunities found abroad.',
    },
    {
      ...common,
      level: 'operational',
      parent: 'RELAZIONI INTERNAZIONALI',
      code: '1901/0159',
      titleIt: 'LA CITTÀ METROPOLITANA NEL MONDO',
      titleEn: 'The Metropolitan City in the world',
      programme: '1901',
      descriptionIt:
        "Nel prossimo triennio la Città Metropolitana di Firenze si pone l'obiettivo di sviluppare i rapporti con le altre aree metropolitane e partner istituzionali a livello europeo e internazionale, al fine di creare una rete di collaborazione e integrazione economica e culturale. Per perseguire tale scopo, l'Ente si occuperà di consolidare e sviluppare una rete di gemellaggi e collaborazioni che coinvolgano, anche nel quadro dei \"network\" di cui la Città Metropolitana è già parte, gli ambiti universitario, culturale ed economico. Al fine di cogliere le opportunità offerte dal contesto, è fondamentale il ruolo svolto dal Consigliere Diplomatico, che si occuperà di sviluppare le condizioni per l'avvio di progetti di collaborazione e coadiuverà il Sindaco Metropolitano negli incontri con i rappresentanti internazionali.",
      descriptionEn:
        'Over the next three years the Metropolitan City of Florence aims to develop its relations with other metropolitan areas and institutional partners in Europe and internationally, so as to build a network of cooperation and economic and cultural integration. To that end it will consolidate and extend a network of twinnings and partnerships reaching into the university, cultural and economic spheres, also within the networks the Metropolitan City already belongs to. The Diplomatic Adviser plays a key part in seizing the opportunities at hand: preparing the ground for cooperation projects and assisting the Metropolitan Mayor in meetings with international representatives.',
    },
  ],
};
