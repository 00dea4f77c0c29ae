import { useState, type FormEvent } from 'react';
import { api, setCsrfToken } from '../api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import type { Me } from '../types.ts';

export function LoginPage(props: { onLogin: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const me = await api<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
      setCsrfToken(me.csrfToken);
      props.onLogin(me);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <main className="login">
      <h1>takedown</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          User{' '}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password{' '}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit">Log in</button>
        <ErrorNote error={error} />
      </form>
    </main>
  );
}
