// Navigation for views: the current screen from the URL and ways to change it.
import { createContext, useContext, type MouseEvent } from 'react';
import type { RunText, ScreenState, View } from '../lib/url-state';
import type { NavigateOptions } from '../lib/use-url-state';

export interface Nav {
  run: RunText;
  screen: ScreenState;
  setScreen: (patch: Partial<ScreenState>, opts?: NavigateOptions) => void;
  go: (screen: Partial<ScreenState> & { view: View }, opts?: NavigateOptions) => void;
  setRun: (run: RunText, opts?: NavigateOptions) => void;
  href: (screen: Partial<ScreenState> & { view: View }) => string;
}

const NavContext = createContext<Nav | null>(null);
export const NavProvider = NavContext.Provider;

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside NavProvider');
  return nav;
}

/** Props for an in-app link: a real href (new tab works) that navigates without reloading. */
export function linkProps(nav: Nav, screen: Partial<ScreenState> & { view: View }) {
  return {
    href: nav.href(screen),
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      nav.go(screen);
      document.getElementById('main')?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    },
  };
}
