const preset = require('../../jest.preset.js')(__dirname);

// oauth4webapi (OpenID Connect client credentials, graph-client.ts) is an ES module: the tests
// compile it to CommonJS like the sources (Node >= 20.19 loads it as it is in production).
module.exports = {
  ...preset,
  transformIgnorePatterns: ['/node_modules/(?!oauth4webapi/)'],
  transform: { ...preset.transform, '/oauth4webapi/.+\\.js$': preset.transform['^.+\\.ts$'] },
};
