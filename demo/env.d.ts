declare module 'virtual:demo-env' {
  const env: unknown;
  export default env;
}
