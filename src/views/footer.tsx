// The model's footer (Modello Comuni, cmp-footer): the institution's name and contacts (address, tax code /
// VAT number, PEC), the legal links with the data-element attributes the official validator looks for, and the
// CC-BY 4.0 note. The validator reads these links only inside <footer>.

import type { Lang } from '../platform/i18n.ts';
import { safeHref } from '../platform/urls.ts';
import { PaIcon } from './icons.tsx';
import { t } from './strings.ts';

export interface FooterProps {
  lang: Lang;
  institutionName: string;
  address?: string;
  taxCode?: string;
  vatNumber?: string;
  pec?: string;
  email?: string;
  phone?: string;
  website?: string;
  legalNotesHref: string;
  privacyHref: string;
  /** The accessibility statement; for the model it is the institution's page on https://form.agid.gov.it/view/... */
  accessibilityHref: string;
  faqHref?: string;
  reportHref?: string;
  links: { label: string; href: string }[];
}

export function Footer(props: FooterProps) {
  const s = t(props.lang).footer;
  const brand = (
    <>
      <PaIcon size={48} />
      <div class="it-brand-text">
        <h2>{props.institutionName}</h2>
      </div>
    </>
  );
  const usefulLinks = props.links.length > 0 || props.faqHref || props.reportHref;
  return (
    <footer class="it-footer" id="footer">
      <div class="it-footer-main">
        <div class="container">
          <section>
            <div class="row">
              <div class="col-12">
                <div class="it-brand-wrapper">
                  {safeHref(props.website) ? (
                    <a href={safeHref(props.website)}>{brand}</a>
                  ) : (
                    <div class="d-flex align-items-center">{brand}</div>
                  )}
                </div>
              </div>
            </div>
          </section>
          <section class="py-4 border-white border-top">
            <div class="row">
              <div class="col-md-4 pb-2">
                <h3 class="h5">{s.contacts}</h3>
                <FooterAddress {...props} />
              </div>
              {usefulLinks && (
                <div class="col-md-4 pb-2">
                  <h3 class="h5">{s.usefulLinks}</h3>
                  <div class="link-list-wrapper">
                    <ul class="link-list">
                      {props.links.map((l) => (
                        <li key={l.href}>
                          <a class="px-0" href={l.href}>
                            {l.label}
                          </a>
                        </li>
                      ))}
                      {props.faqHref && (
                        <li>
                          <a class="px-0" href={props.faqHref} data-element="faq">
                            {s.faq}
                          </a>
                        </li>
                      )}
                      {props.reportHref && (
                        <li>
                          <a class="px-0" href={props.reportHref} data-element="report-inefficiency">
                            {s.report}
                          </a>
                        </li>
                      )}
                    </ul>
                  </div>
                </div>
              )}
              <div class="col-md-4 pb-2">
                <h3 class="h5">{s.legalInformation}</h3>
                <div class="link-list-wrapper">
                  <ul class="link-list">
                    <li>
                      <a class="px-0" href={props.privacyHref} data-element="privacy-policy-link">
                        {s.privacy}
                      </a>
                    </li>
                    <li>
                      <a class="px-0" href={props.legalNotesHref} data-element="legal-notes">
                        {s.legalNotes}
                      </a>
                    </li>
                    <li>
                      <a class="px-0" href={props.accessibilityHref} data-element="accessibility-link">
                        {s.accessibility}
                      </a>
                    </li>
                  </ul>
                </div>
              </div>
            </div>
          </section>
        </div>
      </div>
      <div class="it-footer-small-prints">
        <div class="container">
          <p class="py-3 mb-0 text-white">
            {s.licenceBefore}
            <a href={s.licenceUrl} rel="license">
              CC-BY 4.0
            </a>
            {s.licenceAfter}
          </p>
        </div>
      </div>
    </footer>
  );
}

/** The institution's name and contacts, each line only when it is set. */
function FooterAddress(props: FooterProps) {
  const s = t(props.lang).footer;
  const sameCode = props.taxCode && props.vatNumber && props.taxCode === props.vatNumber;
  return (
    <address>
      <strong>{props.institutionName}</strong>
      {props.address && (
        <>
          <br />
          {props.address}
        </>
      )}
      {sameCode ? (
        <>
          <br />
          {s.taxCodeAndVat}: {props.taxCode}
        </>
      ) : (
        <>
          {props.taxCode && (
            <>
              <br />
              {s.taxCode}: {props.taxCode}
            </>
          )}
          {props.vatNumber && (
            <>
              <br />
              {s.vatNumber}: {props.vatNumber}
            </>
          )}
        </>
      )}
      {props.pec && (
        <>
          <br />
          {s.pec}: <a href={`mailto:${props.pec}`}>{props.pec}</a>
        </>
      )}
      {props.email && (
        <>
          <br />
          {s.email}: <a href={`mailto:${props.email}`}>{props.email}</a>
        </>
      )}
      {props.phone && (
        <>
          <br />
          {s.phone}: <a href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>{props.phone}</a>
        </>
      )}
    </address>
  );
}
