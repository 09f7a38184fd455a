'use client';
// The header's region search, on every page. Without JavaScript it is a plain GET form to
// /search. With it, it suggests regions as you type (the server's /api/search: no pinyin here)
// as a combobox: ↑/↓ choose, Enter opens the region's page, Escape closes the list.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_QUERY_LENGTH } from '../../lib/search/limits';
import type { RegionSuggestion } from '../../lib/search/present';

const DEBOUNCE_MS = 150;

interface Suggestions {
  q: string;
  total: number;
  results: RegionSuggestion[];
}

function searchHref(q: string): string {
  return `/search?q=${encodeURIComponent(q)}`;
}

export default function SearchBox() {
  const id = useId();
  const router = useRouter();
  const [value, setValue] = useState('');
  const [found, setFound] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  const results = found?.results ?? [];
  const showing = open && found !== null;

  function suggest(typed: string) {
    clearTimeout(timer.current);
    request.current?.abort();
    const q = typed.trim();
    if (!q || [...q].length > MAX_QUERY_LENGTH) {
      setFound(null);
      setActive(-1);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        setFound((await res.json()) as Suggestions);
        setActive(-1);
        setOpen(true);
      } catch {
        // aborted by the next keystroke, or the server is away: the form still works
        if (!controller.signal.aborted) setFound(null);
      }
    }, DEBOUNCE_MS);
  }

  function go(suggestion: RegionSuggestion) {
    setOpen(false);
    setActive(-1);
    setValue(suggestion.name);
    router.push(suggestion.href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (results.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (!showing || i < 0 ? (step > 0 ? 0 : results.length - 1) : (i + step + results.length) % results.length));
    } else if (e.key === 'Enter' && showing && active >= 0 && results[active]) {
      e.preventDefault();
      go(results[active]);
    } else if (e.key === 'Escape') {
      if (showing) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        e.preventDefault();
        setValue('');
        suggest('');
      }
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const q = value.trim();
    e.preventDefault();
    if (!q) return;
    setOpen(false);
    router.push(searchHref(q));
  }

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const status = !showing ? '' : results.length === 0 ? '没有找到匹配的地区' : `${found!.total} 个地区，按上下方向键选择，回车打开`;

  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="搜索地区"
      className="site-search"
      onSubmit={onSubmit}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-q`} className="sr-only">
        搜索地区（名称、拼音或区划代码）
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        value={value}
        placeholder="搜索地区：名称、拼音或代码"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={MAX_QUERY_LENGTH}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          suggest(e.target.value);
        }}
        onFocus={() => found && setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <button type="submit">搜索</button>
      <div className="search-popup" hidden={!showing}>
        <ul id={listId} role="listbox" aria-label="地区建议" className="search-options">
          {showing &&
            results.map((r, i) => (
              <li
                key={r.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="search-option"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(r)}
              >
                <span className="search-option-name">{r.name}</span>
                <span className="search-option-meta">
                  {[r.within, r.level, r.reports > 0 ? `${r.reports} 份报告` : '暂无报告'].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
        </ul>
        {showing && results.length === 0 && <p className="search-popup-note">没有找到“{found!.q}”，可换用名称、拼音首字母或区划代码</p>}
        {showing && found!.total > results.length && (
          <p className="search-popup-note">
            <Link prefetch={false} href={searchHref(found!.q)} onClick={() => setOpen(false)}>
              查看全部 {found!.total} 个结果
            </Link>
          </p>
        )}
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {status}
      </span>
    </form>
  );
}
