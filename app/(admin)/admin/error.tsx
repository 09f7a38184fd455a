'use client';
// What staff see when a page fails: what to do, and a reference to quote; never the error itself
// (Next sends production errors to the browser only as this digest; the server log has the rest).
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert">
      <h1>页面出错了</h1>
      <p>请稍后重试。如果问题一直出现，请把下面的编号告诉系统管理员，以便在服务器日志中查找原因。</p>
      {error.digest && (
        <p>
          错误编号：<code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset}>
        重试
      </button>
    </section>
  );
}
