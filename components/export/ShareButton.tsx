'use client';
// Copies the address of the view on screen: every page keeps its state in the URL, so the same
// address opens the same view. Where the clipboard is refused, the address is shown to copy by hand.
import { useEffect, useState } from 'react';

export default function ShareButton() {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<'no' | 'yes' | 'manual'>('no');
  useEffect(() => setReady(true), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('yes');
      setTimeout(() => setCopied('no'), 3000);
    } catch {
      setCopied('manual');
    }
  }
  // rendered from the start, hidden until it can work: its space is kept, nothing shifts
  return (
    <span className="share" style={ready ? undefined : { visibility: 'hidden' }}>
      <button type="button" className="link-button" onClick={copy} data-share>
        {copied === 'yes' ? '链接已复制' : '复制本页链接'}
      </button>
      {ready && copied === 'manual' && <input className="share-url" readOnly value={window.location.href} aria-label="本页链接" onFocus={(e) => e.currentTarget.select()} />}
      <span className="sr-only" aria-live="polite">
        {copied === 'yes' ? '链接已复制' : ''}
      </span>
    </span>
  );
}
