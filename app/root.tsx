import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  Form,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  UNSAFE_RemixContext,
} from "@remix-run/react";
import { useContext, type ReactNode } from "react";
import { can } from "./auth/permissions";
import { unreadCount } from "./notifications/notifications.server";
import { getSignedInUser } from "./auth/session.server";
import { useNonce } from "./http/nonce";
import { I18nProvider, useLocale, useT } from "./i18n/i18n-context";
import { errorDetail } from "./i18n/error-message";
import { requestLocale } from "./i18n/locale.server";
import { metaTranslator } from "./i18n/meta";
import { defaultLocale, locales, textDirection, type Locale } from "./i18n/translate";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("app.name") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await getSignedInUser(request, context.db, context.config);
  return {
    locale: await requestLocale(request, context, signedIn),
    user: signedIn
      ? {
          displayName: signedIn.user.displayName,
          secretariat: can(signedIn.actor, { action: "users.list" }),
          moderator: can(signedIn.actor, { action: "comment.moderate" }),
          unread: can(signedIn.actor, { action: "notifications.manage" }) ? unreadCount(context.db, signedIn.user.id) : 0,
        }
      : null,
  };
}

/** Works without scripts: a POST that sets the language and reloads the same page. */
function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" reloadDocument className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search + location.hash} />
      <label htmlFor="language-switcher">{t("nav.language")}</label>
      <select id="language-switcher" name="language" defaultValue={locale}>
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t("nav.changeLanguage")}</button>
    </Form>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul className="site-nav">
              <li>
                <Link to="/">{t("nav.home")}</Link>
              </li>
              {user ? (
                <>
                  {user.moderator ? (
                    <li>
                      <Link to="/moderation">{t("moderation.title")}</Link>
                    </li>
                  ) : null}
                  {user.secretariat ? (
                    <>
                      <li>
                        <Link to="/admin/consultations">{t("nav.manageConsultations")}</Link>
                      </li>
                      <li>
                        <Link to="/admin">{t("nav.admin")}</Link>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <Link to="/notifications" aria-label={t("nav.notificationsUnread", { count: user.unread })}>
                      {t("nav.notifications")}
                      {user.unread > 0 ? (
                        <span className="badge" aria-hidden="true">
                          {" "}
                          {user.unread}
                        </span>
                      ) : null}
                    </Link>
                  </li>
                  <li>
                    <Link to="/account" title={t("nav.signedInAs", { name: user.displayName })}>
                      {t("nav.account")}
                    </Link>
                  </li>
                  <li>
                    <Form method="post" action="/sign-out">
                      <button type="submit" className="link-button">
                        {t("nav.signOut")}
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link to="/sign-in">{t("nav.signIn")}</Link>
                  </li>
                  <li>
                    <Link to="/register">{t("nav.register")}</Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
      </footer>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const nonce = useNonce();
  // A route whose handle says `hydrate: false` is plain HTML: everything on it works without
  // scripts, and the React runtime would double its weight (the page-weight budget). It may name
  // one route whose browser module (no React) it loads instead, in `script`.
  const handles = useMatches().map((m) => (m.handle ?? {}) as { hydrate?: boolean; script?: string });
  const hydrate = !handles.some((h) => h.hydrate === false);
  const script = hydrate ? undefined : handles.find((h) => h.script)?.script;
  const scriptModule = useContext(UNSAFE_RemixContext)?.manifest.routes[script ?? ""];
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <Shell>{children}</Shell>
        </I18nProvider>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : scriptModule ? (
          <>
            {scriptModule.imports?.map((href) => <link key={href} rel="modulepreload" href={href} nonce={nonce} />)}
            <script type="module" src={scriptModule.module} nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let title = t("error.server.title");
  let body = t("error.server.body");
  let detail: string | undefined;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("error.notFound.title");
      body = t("error.notFound.body");
    } else if (error.status === 400) {
      title = t("error.badRequest.title");
      body = t("error.badRequest.body");
    } else if (error.status === 403) {
      title = t("error.forbidden.title");
      body = t("error.forbidden.body");
    } else if (error.status === 429) {
      title = t("error.tooManyRequests.title");
      body = "";
    }
    if (error.status < 500) detail = errorDetail(error.data, t);
  } else {
    console.error(error);
  }
  return (
    <div className="page error-page">
      <h1>{title}</h1>
      {detail ? <p className="error-page__detail">{detail}</p> : null}
      {body && body !== detail ? <p>{body}</p> : null}
      <p>
        <Link to="/">{t("error.goHome")}</Link>
      </p>
    </div>
  );
}
