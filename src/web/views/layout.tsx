/** The one page layout: head with canonical and hreflang links, header with search and language switch, footer. */
import type { ComponentChildren } from 'preact';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

/** An inline SVG icon (allowed by img-src data:), so browsers never ask for /favicon.ico. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#c0262d"/><text x="16" y="22" font-size="14" text-anchor="middle" fill="#fff" font-family="monospace">5xx</text></svg>')}`;

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description: string;
  children: ComponentChildren;
}

export function Layout({ ctx, title, description, children }: LayoutProps) {
  const { m, locale, path, siteUrl } = ctx;
  const href = (p: string) => localePath(locale, p);
  const other = locale === 'en' ? 'id' : 'en';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · httpwhy`}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={`${siteUrl}${href(path)}`} />
        <link rel="alternate" hrefLang="en" href={`${siteUrl}${localePath('en', path)}`} />
        <link rel="alternate" hrefLang="id" href={`${siteUrl}${localePath('id', path)}`} />
        <link rel="alternate" hrefLang="x-default" href={`${siteUrl}${localePath('en', path)}`} />
        <link rel="icon" href={FAVICON} />
        <link rel="stylesheet" href={ctx.cssUrl} />
        <script src={ctx.jsUrl} defer />
      </head>
      <body>
        <a class="skip" href="#main">{m.web.skip}</a>
        <header class="site-header">
          <a class="brand" href={href('/')}>
            <span class="brand-name">httpwhy</span>
            <span class="brand-tagline">{m.web.tagline}</span>
          </a>
          <nav aria-label="Main">
            <ul>
              <li><a href={href('/codes')}>{m.web.nav.codes}</a></li>
              <li><a href={href('/compare')}>{m.web.nav.compare}</a></li>
              <li><a href={href('/diagnose')}>{m.web.nav.diagnose}</a></li>
              <li><a href={href('/check')}>{m.web.nav.check}</a></li>
              <li><a href={href('/cheat-sheet')}>{m.web.nav.cheatSheet}</a></li>
              <li><a href={href('/quiz')}>{m.web.nav.quiz}</a></li>
              <li><a href={href('/lab')}>{m.web.nav.lab}</a></li>
              <li><a href={href('/api')}>{m.web.nav.api}</a></li>
              <li><a href={localePath(other, path) + ctx.query} hrefLang={other} lang={other} class="lang-switch">{m.web.switchLanguage}</a></li>
            </ul>
          </nav>
          <form class="search" role="search" action={href('/search')} method="get">
            <label for="q" class="visually-hidden">{m.web.searchLabel}</label>
            <input id="q" name="q" type="search" placeholder={m.web.searchPlaceholder} maxLength={200} autocomplete="off" />
            <button type="submit">{m.web.searchButton}</button>
          </form>
        </header>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>{m.web.footer}</p>
        </footer>
      </body>
    </html>
  );
}
