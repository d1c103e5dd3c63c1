// Small marks we draw for the provider chooser: a letter or a plain shape on a coloured tile.
// Deliberately not the providers' logos (trademarks); only enough to tell the tiles apart at a
// glance. Decorative: the provider's name is always written beside the mark.

type Mark = { tile: string; glyph: 'text' | 'cloud'; text?: string };

const MARKS: Record<string, Mark> = {
  netease: { tile: '#c8312b', glyph: 'text', text: '网' },
  qq: { tile: '#1e6fd9', glyph: 'text', text: 'Q' },
  sohu: { tile: '#e0861a', glyph: 'text', text: '搜' },
  icloud: { tile: '#5b8def', glyph: 'cloud' },
  'netease-enterprise': { tile: '#8a2a26', glyph: 'text', text: '企' },
};

const FALLBACK: Mark = { tile: '#64748b', glyph: 'text', text: '@' };

export function ProviderLogo({ providerId, className = 'size-8' }: { providerId: string; className?: string }) {
  const mark = MARKS[providerId] ?? FALLBACK;
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <rect width="32" height="32" rx="8" fill={mark.tile} />
      {mark.glyph === 'cloud' ? (
        <path
          d="M10.5 22.5h11.2a4.3 4.3 0 00.6-8.56 6 6 0 00-11.5-1.2 4.9 4.9 0 00-.3 9.76z"
          fill="none"
          stroke="#fff"
          strokeWidth="2.2"
          strokeLinejoin="round"
        />
      ) : (
        <text x="16" y="21.5" textAnchor="middle" fontSize="16" fontWeight="700" fill="#fff" fontFamily="system-ui, sans-serif">
          {mark.text}
        </text>
      )}
    </svg>
  );
}
