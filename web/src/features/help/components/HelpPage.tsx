import { authorizeWorkspace } from '@thidua/shared/policy';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../../app/services';
import { workspaceContextOf } from '../../../auth/workspace';
import { useI18n } from '../../../i18n';
import { useShellMe } from '../../../layout/useShellMe';
import { useTenantContact } from '../../core/queries';
import { type Guide, glossary, guideForPath, orderGuides } from '../guides';
import '../help.css';
import { ContactCard } from './ContactCard';

const pick = (lang: string, text: { vi: string; en: string }) => (lang === 'en' ? text.en : text.vi);

/**
 * Help, reachable from every page (the header's "Trợ giúp" link passes the page it came from): the
 * guide of that page first, then the caller's own kinds of work, the others folded, the glossary, and
 * whom to ask.
 */
export function HelpPage() {
  const { lang } = useI18n();
  const session = useSession();
  const me = useShellMe();
  const contact = useTenantContact();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const context = workspaceContextOf(session?.claims, me.data?.rootUnitId);
  const { mine, others } = orderGuides((w) => authorizeWorkspace(context, w).allowed);
  const here = guideForPath(from);
  const en = lang === 'en';
  return (
    <div className="help">
      <h1>{en ? 'Help' : 'Hướng dẫn sử dụng'}</h1>
      {here ? (
        <p>
          {en ? 'For the page you came from: ' : 'Cho trang anh/chị vừa mở: '}
          <a href={`#guide-${here.id}`}>{pick(lang, here.title)}</a>
          {from.startsWith('/') ? (
            <>
              {' · '}
              <Link to={from}>{en ? 'Back to the page' : 'Quay lại trang'}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <nav aria-label={en ? 'Contents' : 'Mục lục'} className="help-toc">
        <ul>
          {[...mine, ...others].map((g) => (
            <li key={g.id}>
              <a href={`#guide-${g.id}`}>{pick(lang, g.title)}</a>
            </li>
          ))}
          <li>
            <a href="#glossary">{en ? 'Glossary' : 'Thuật ngữ'}</a>
          </li>
          <li>
            <a href="#contact">{en ? "The secretariat's contact" : 'Liên hệ cơ quan thường trực'}</a>
          </li>
        </ul>
      </nav>
      {mine.length > 0 ? <h2>{en ? 'Your work' : 'Công việc của anh/chị'}</h2> : null}
      {mine.map((g) => (
        <GuideSection key={g.id} guide={g} lang={lang} open />
      ))}
      {others.length > 0 ? <h2>{en ? 'Other roles' : 'Các vai trò khác'}</h2> : null}
      {others.map((g) => (
        <GuideSection key={g.id} guide={g} lang={lang} open={g.id === here?.id} />
      ))}
      <section id="glossary" aria-labelledby="glossary-title">
        <h2 id="glossary-title">{en ? 'Glossary' : 'Thuật ngữ'}</h2>
        <dl className="help-glossary">
          {glossary.map((g) => (
            <div key={g.term}>
              <dt lang="vi">{g.term}</dt>
              <dd>{pick(lang, g.meaning)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {contact.isSuccess ? <ContactCard contact={contact.data} lang={lang} /> : null}
    </div>
  );
}

function GuideSection({ guide, lang, open }: { guide: Guide; lang: string; open: boolean }) {
  return (
    <details id={`guide-${guide.id}`} className="card help-guide" open={open}>
      <summary>
        <span className="help-guide-title">{pick(lang, guide.title)}</span>
        <span className="muted"> — {pick(lang, guide.audience)}</span>
      </summary>
      <ol>
        {guide.steps.map((s) => (
          <li key={s.vi}>{pick(lang, s)}</li>
        ))}
      </ol>
      {guide.tips.length > 0 ? (
        <ul className="help-tips">
          {guide.tips.map((s) => (
            <li key={s.vi}>{pick(lang, s)}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
