/**
 * Signs a buyer in the way a browser without JavaScript does: the login page's form (a server action with
 * progressive enhancement) posted as multipart form data. Returns the session cookie the app set.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await (await fetch(`${baseUrl}/login`)).text();
  const form = [...page.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((match) => match[1] ?? '').find((inner) => inner.includes('name="password"'));
  if (!form) throw new Error('no sign-in form on /login');
  const body = new FormData();
  for (const input of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]*)"/.exec(input[1] ?? '')?.[1];
    const value = /value="([^"]*)"/.exec(input[1] ?? '')?.[1] ?? '';
    if (name && name !== 'email' && name !== 'password') body.append(decodeEntities(name), decodeEntities(value));
  }
  body.append('email', email);
  body.append('password', password);
  // Next refuses a server action posted from another origin (its CSRF check), as a browser's would not be.
  const response = await fetch(`${baseUrl}/login`, { method: 'POST', body, redirect: 'manual', headers: { origin: baseUrl } });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('b2b_session='));
  if (!cookie) throw new Error(`signing in ${email} set no session cookie (HTTP ${response.status})`);
  return cookie.split(';')[0] as string;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
