// The sign-in page's messages and where it may send a user back to. Pure.

export const SIGN_IN_ERRORS = {
  invalid: '账号或密码不正确。',
  missing: '请填写账号和密码。',
  rate: '尝试次数过多，请稍后再试。',
  https: '登录需要 HTTPS 连接：请通过 https:// 地址访问本站，或在本机（localhost）上登录。',
  form: '无法读取登录表单，请刷新页面后重试。',
} as const;

export type SignInError = keyof typeof SIGN_IN_ERRORS;

export const isSignInError = (code: unknown): code is SignInError => typeof code === 'string' && Object.hasOwn(SIGN_IN_ERRORS, code);

/** An admin path on this site to return to after signing in; anything else (another site, `//x`) gives /admin. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string') return '/admin';
  return /^\/admin(?:[/?#][^\\\s]*)?$/u.test(value) && !value.startsWith('//') ? value : '/admin';
}

export function signInErrorHref(code: SignInError, next: string | null, retryAfterMs?: number): string {
  const params = new URLSearchParams({ error: code });
  if (next && next !== '/admin') params.set('next', next);
  if (retryAfterMs) params.set('minutes', String(Math.max(1, Math.ceil(retryAfterMs / 60_000))));
  return `/admin/sign-in?${params}`;
}
