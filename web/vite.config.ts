/// <reference types="vitest/config" />
// Vite builds the app into the C++ build tree (CMake passes --outDir), with
// fixed file names that web/CMakeLists.txt lists for daybreak_embed(). Vitest
// runs the unit tests in tests/ with Node (no browser needed).
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2022',
    outDir: 'dist', // overridden by CMake: always a directory in the build tree
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/app.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'assets/app.css' : 'assets/[name][extname]',
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
