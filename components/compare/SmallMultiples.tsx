'use client';
// The small multiples of one metric: the option is built here for the width the chart has (panels
// per row follow it), then drawn by LazyChart after the first paint.
import { useEffect, useMemo, useRef, useState } from 'react';
import { hasFigures, panelLayout, smallMultiplesOption, type SmallMultiplesSpec } from '../../lib/compare/small-multiples';
import LazyChart from '../charts/LazyChart';
import styles from './compare.module.css';

export default function SmallMultiples({ spec, downloads }: { spec: SmallMultiplesSpec; downloads?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const empty = !hasFigures(spec);
  const option = useMemo(() => (width === null || empty ? {} : smallMultiplesOption(spec, width)), [spec, width, empty]);
  const height = empty ? 96 : panelLayout(spec.panels.length, width ?? 760).height;
  return (
    <div ref={box} className={styles.chartBox}>
      {width === null ? <div className="chart chart-loading" style={{ height }} aria-hidden="true" /> : <LazyChart option={option} empty={empty} label={spec.label} height={height} downloads={downloads} />}
    </div>
  );
}
