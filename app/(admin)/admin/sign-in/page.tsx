import { redirect } from 'next/navigation';
import { isSignInError, safeReturnPath, SIGN_IN_ERRORS } from '../../../../lib/auth/sign-in';
import { currentAccount } from '../../_lib/session';
import styles from '../../../../components/admin/admin.module.css';

// A plain form posted to /api/admin/session: signing in works without JavaScript.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await currentAccount()) redirect(next);
  const error = isSignInError(params.error) ? SIGN_IN_ERRORS[params.error] : null;
  const minutes = typeof params.minutes === 'string' && /^\d{1,3}$/u.test(params.minutes) ? params.minutes : null;
  return (
    <section className={styles.signIn} aria-labelledby="sign-in">
      <h1 id="sign-in">工作人员登录</h1>
      <p className={styles.muted}>登录后可上传年度报告、核对解析结果并发布。数据看板和公开页面无需登录。</p>
      {params['signed-out'] && !error && <p role="status">已退出登录。</p>}
      {error && (
        <p className={styles.error} role="alert">
          {error}
          {params.error === 'rate' && minutes ? `（约 ${minutes} 分钟后）` : ''}
        </p>
      )}
      <form method="post" action="/api/admin/session" className={styles.form}>
        <input type="hidden" name="next" value={next} />
        <label>
          账号
          <input name="name" autoComplete="username" required maxLength={100} autoFocus />
        </label>
        <label>
          密码
          <input name="password" type="password" autoComplete="current-password" required maxLength={1000} />
        </label>
        <button type="submit">登录</button>
      </form>
      <p className={styles.muted}>
        还没有账号？请系统管理员在服务器上运行 <code>npm run -s admin:create -- 账号名</code> 创建。
      </p>
    </section>
  );
}
