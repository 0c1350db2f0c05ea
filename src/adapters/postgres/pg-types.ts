import pg from 'pg';

// Return int8 and numeric as JS numbers, like every count and money amount this app stores. Set
// once per thread that turns PostgreSQL text into values (the main one, the embedded database's).
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

/** node-postgres' parser for a column of type `oid` in text format. */
export const textParser = (oid: number): ((value: string) => unknown) => pg.types.getTypeParser(oid, 'text');
