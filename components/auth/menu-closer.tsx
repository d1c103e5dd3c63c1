'use client';

import { useEffect, useRef } from 'react';

// What a reader expects of a menu that the <details> element alone does not do: Escape closes it
// and puts the focus back on its button, and a press anywhere outside it closes it. Drawn inside
// the <details>, it finds its menu from there; before the script runs the menu still opens and
// closes from its button.

export function MenuCloser() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const menu = marker.current?.closest('details');
    if (!menu) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (menu.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    };
    menu.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      menu.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);
  return <span ref={marker} hidden />;
}
