import { useEffect, useState } from 'react';
import { api, ApiError, setCsrfToken } from './api.ts';
import { ErrorNote } from './components/error-note.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { CasePage } from './pages/case-page.tsx';
import { CasesPage } from './pages/cases-page.tsx';
import { ClusterPage } from './pages/cluster-page.tsx';
import { ClustersPage } from './pages/clusters-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { ReviewPage } from './pages/review-page.tsx';
import { href, useRoute } from './router.ts';
import type { Me } from './types.ts';

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const route = useRoute();
  useEffect(() => {
    api<Me>('/api/auth/me').then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      (e: unknown) => (e instanceof ApiError && e.status === 401 ? setMe(null) : setError(e)),
    );
  }, []);
  if (error) return <ErrorNote error={error} />;
  if (me === undefined) return <p>Loading…</p>;
  if (me === null) return <LoginPage onLogin={setMe} />;
  const logout = async (): Promise<void> => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    setMe(null);
  };
  const [section, id] = route;
  let page;
  if (section === 'clusters' && id) page = <ClusterPage key={id} clusterId={id} me={me} />;
  else if (section === 'accounts' && id) page = <AccountPage key={id} accountId={id} />;
  else if (section === 'review') page = <ReviewPage me={me} />;
  else if (section === 'cases' && id) page = <CasePage key={id} caseId={id} me={me} />;
  else if (section === 'cases') page = <CasesPage />;
  else if (section === 'audit') page = <AuditPage me={me} />;
  else page = <ClustersPage />;
  return (
    <>
      <nav>
        <strong>takedown</strong>
        <a href={href('clusters')}>Clusters</a>
        <a href={href('review')}>Review queue</a>
        <a href={href('cases')}>Cases</a>
        <a href={href('audit')}>Audit log</a>
        <span className="spacer" />
        <span className="muted" data-testid="whoami">
          {me.username} ({me.role})
        </span>
        <button onClick={() => void logout()}>Log out</button>
      </nav>
      {page}
    </>
  );
}
