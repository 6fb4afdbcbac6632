// Vite's import.meta.env.
/// <reference types="vite/client" />
