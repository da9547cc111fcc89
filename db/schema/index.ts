export * from './identity';
export * from './integrations';
export * from './locations';
export * from './organizations';
export * from './platform';
export * from './reports';
