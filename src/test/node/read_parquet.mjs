// Prints the rows of a Parquet file as JSON lines, read by an independent (non-Java) implementation:
// hyparquet, with hyparquet-compressors for Zstd and Snappy. Used by ParquetInteropIT.
//
// Usage: node read_parquet.mjs FILE.parquet
// The packages are resolved from a node_modules folder beside this script (the test copies it next to
// target/node/node_modules, installed with: npm install --no-save --prefix target/node hyparquet hyparquet-compressors).
import { readFileSync } from 'node:fs'
import { parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

const path = process.argv[2]
if (!path) {
  console.error('usage: node read_parquet.mjs FILE.parquet')
  process.exit(2)
}
const bytes = readFileSync(path)
const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
const rows = await parquetReadObjects({ file, compressors })
const out = rows.map(row => JSON.stringify(row, (key, value) => typeof value === 'bigint' ? Number(value) : value))
process.stdout.write(out.map(line => line + '\n').join(''))
