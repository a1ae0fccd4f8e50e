/**
 * @nct/rules: the rules toolkit every subgraph uses: dated legal tables (`datedTable`, each
 * row in force from a date under its act, validated at load) and bilingual input refusals
 * (`Problem`, `refuse`). See docs/rules.md.
 */
export * from './dated-table';
export * from './problems';
export * from './checks';
