'use client';

import { useActionState } from 'react';
import type { LoginState } from '@/app/login/_actions/login';

type LoginAction = (previous: LoginState, formData: FormData) => Promise<LoginState>;

/** Email + password form; the server action decides everything, this only shows its answer. */
export function LoginForm({ action, returnTo }: { action: LoginAction; returnTo: string }) {
  const [state, formAction, pending] = useActionState(action, { error: null, email: '' });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="rounded border border-slate-300 px-3 py-2 text-base font-normal"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded border border-slate-300 px-3 py-2 text-base font-normal"
        />
      </label>
      {state.error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
