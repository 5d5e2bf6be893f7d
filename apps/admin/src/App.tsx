import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setUnauthorizedHandler } from './api';
import { ActPage } from './acts/ActPage';
import { ActsList } from './acts/ActsList';
import { MyCertificate } from './acts/MyCertificate';
import { NewAct } from './acts/NewAct';
import { ToSignQueue } from './acts/ToSignQueue';
import { BreachesList } from './breaches/BreachesList';
import { BreachStatsPage } from './breaches/Stats';
import { BreachPage } from './breaches/BreachPage';
import { ReportBreach } from './breaches/ReportBreach';
import { Audit } from './components/Audit';
import { EventSearch } from './audit/EventSearch';
import { InstancePage } from './audit/InstancePage';
import { CalendarPage } from './components/CalendarPage';
import { ChangePassword } from './components/ChangePassword';
import { DeadlineBoard } from './components/DeadlineBoard';
import { DocumentList } from './components/DocumentList';
import { DocumentPage } from './components/DocumentPage';
import { Header } from './components/Header';
import { Login } from './components/Login';
import { Logins } from './components/Logins';
import { Mine } from './components/Mine';
import { Notifications } from './components/Notifications';
import { People } from './components/People';
import { RegisterDocument } from './components/RegisterDocument';
import { Registers } from './components/Registers';
import { Loading } from './components/ui';
import { Users } from './users/Users';
import { Compliance } from './compliance/Compliance';
import { invalidateRefs } from './hooks';
import { navigate, useRoute } from './router';
import { homePath, permissions, SessionContext, type Session } from './session';
import type { Me } from './types';

/** Signed out → login; one-time password → change it; otherwise the page the hash names. */
export function App(): ReactElement {
  // undefined: still asking the server who we are.
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const loadMe = useCallback(() => {
    api.me().then(setMe, () => setMe(null));
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    loadMe();
  }, [loadMe]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    invalidateRefs();
    setMe(null);
    navigate('/');
  }, []);

  const signOutEverywhere = useCallback(async () => {
    try {
      await api.logoutEverywhere();
    } catch {
      // every session may already be gone; signing out here is what matters
    }
    invalidateRefs();
    setMe(null);
    navigate('/');
  }, []);

  const session = useMemo<Session | null>(
    () => (me ? { me, signOut, signOutEverywhere } : null),
    [me, signOut, signOutEverywhere],
  );

  if (me === undefined) return <Loading />;
  if (me === null || !session) {
    return (
      <Login
        onSignedIn={(user) => {
          invalidateRefs();
          setMe(user);
        }}
      />
    );
  }
  if (me.mustChangePassword) return <ChangePassword onChanged={loadMe} onSignOut={() => void signOut()} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell me={me} />
    </SessionContext.Provider>
  );
}

function Shell({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const route = useRoute();
  const [section, arg] = route;
  const can = permissions(me);

  useEffect(() => {
    if (!section) navigate(homePath(me));
  }, [section, me]);

  // The home page carries the "To sign" queue: always for the director, whose signature makes an act final;
  // for anyone else only while an act waits for them.
  const atHome = section !== undefined && `/${route.join('/')}` === homePath(me);
  let page: ReactElement;
  const forbidden = <p className="alert alert-error">{t('error.forbidden')}</p>;
  switch (section) {
    case undefined:
      page = <Loading />;
      break;
    case 'board':
      page = can.board ? <DeadlineBoard /> : forbidden;
      break;
    case 'documents':
      page = arg ? <DocumentPage key={arg} id={arg} /> : can.documents ? <DocumentList /> : forbidden;
      break;
    case 'register':
      page = can.register ? <RegisterDocument /> : forbidden;
      break;
    case 'registers':
      page = can.registers ? <Registers tab={arg} /> : forbidden;
      break;
    case 'mine':
      page = <Mine />;
      break;
    case 'people':
      page = can.people ? <People /> : forbidden;
      break;
    case 'users':
      page = can.users ? <Users id={arg} /> : forbidden;
      break;
    case 'audit':
      page = !can.audit ? (
        forbidden
      ) : arg === 'instances' && route[2] ? (
        <InstancePage key={route[2]} id={route[2]} />
      ) : (
        <>
          <Audit />
          <EventSearch />
        </>
      );
      break;
    case 'logins':
      page = can.logins ? <Logins /> : forbidden;
      break;
    case 'compliance':
      page = can.compliance ? <Compliance /> : forbidden;
      break;
    case 'notifications':
      page = <Notifications />;
      break;
    case 'calendar':
      page = <CalendarPage tab={arg} />;
      break;
    case 'acts':
      // An act's page is open to anyone it concerns (an incoming clerk holds no role yet): the server decides.
      page = arg === 'new' ? <NewAct /> : arg ? <ActPage key={arg} id={arg} /> : can.acts ? <ActsList /> : forbidden;
      break;
    case 'breaches':
      // Everyone reports a breach and sees the cases they reported or own: the server decides which.
      page =
        arg === 'new' ? (
          <ReportBreach />
        ) : arg === 'stats' ? (
          <BreachStatsPage />
        ) : arg ? (
          <BreachPage key={arg} id={arg} />
        ) : (
          <BreachesList />
        );
      break;
    case 'me':
      page = arg === 'certificate' ? <MyCertificate /> : <p className="alert alert-error">{t('error.notFound')}</p>;
      break;
    default:
      page = <p className="alert alert-error">{t('error.notFound')}</p>;
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <Header section={section === 'documents' && arg ? 'documents' : (section ?? '')} />
      <main id="main" tabIndex={-1}>
        {atHome && <ToSignQueue hideWhenEmpty={!can.signsLast} />}
        {page}
      </main>
      <footer className="app-footer muted small">
        {t('app.name')} · {t('app.tagline')}
      </footer>
    </div>
  );
}
