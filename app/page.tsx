export default function HomePage() {
  return (
    <main style={{ maxWidth: 760, margin: '3rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif', lineHeight: 1.7 }}>
      <h1>年报通</h1>
      <p>
        把各级政府的《政府信息公开工作年度报告》解析为可核对的数字：主动公开、依申请公开、行政复议与行政诉讼，
        以及热线、信箱等正文数据。每个数字都能追溯到报告原文的行。
      </p>
      <p>数据看板正在建设中。当前可用命令行解析报告：<code>npm run -s parse -- 报告文件 --json</code></p>
    </main>
  );
}
