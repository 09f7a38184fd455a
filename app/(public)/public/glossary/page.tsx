// /public/glossary: every term of the reports in plain Chinese, one anchor per term, so that any
// figure can link to its explanation. Static: built once, no database.
import styles from '../../../../components/public/public.module.css';
import { GLOSSARY, glossaryHref, termById } from '../../../../lib/public/glossary';

export const metadata = { title: '术语解释 · 政府信息公开数据', description: '政府信息公开工作年度报告中常见术语的通俗解释' };

export default function GlossaryPage() {
  return (
    <>
      <h1>术语解释</h1>
      <p>年度报告用的是法规和统计表里的说法。下面按阅读顺序，用日常的话解释每个词是什么意思、数字高了说明什么、不说明什么。</p>
      <nav aria-label="术语目录">
        <ul className={styles.regionGrid}>
          {GLOSSARY.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`}>{t.term}</a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className={styles.glossary}>
        {GLOSSARY.map((t) => (
          <div key={t.id}>
            <dt id={t.id}>
              {t.term}
              {t.aliases.length > 0 && <span className={styles.muted}>（又作：{t.aliases.join('、')}）</span>}
            </dt>
            <dd>{t.short}</dd>
            <dd>{t.detail}</dd>
            {t.basis && <dd className={styles.basis}>依据：{t.basis}</dd>}
            {t.related.length > 0 && (
              <dd className={styles.basis}>
                相关：
                {t.related.map((id, i) => (
                  <span key={id}>
                    {i > 0 && '、'}
                    <a href={glossaryHref(id)}>{termById(id)?.term ?? id}</a>
                  </span>
                ))}
              </dd>
            )}
          </div>
        ))}
      </dl>
    </>
  );
}
