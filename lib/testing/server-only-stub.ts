// Stand-in for the 'server-only' guard when Vitest imports server modules directly.
export {};
