'use strict';
/**
 * Preloaded (`node --require`) into cognito-local. cognito-local signs every token with one RSA key that
 * ships inside its npm package (lib/keys/cognitoLocal.private.json) — anyone can read it and mint tokens.
 * This replaces that key, before cognito-local loads it, with the key generated for this data directory
 * (THIDUA_COGNITO_KEY_FILE, written by functions/local/cognito-keys.ts), both for signing and for the JWKS
 * it publishes, and puts that key's own id in the tokens' `kid` header instead of "CognitoLocal".
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');

const keyFile = process.env.THIDUA_COGNITO_KEY_FILE;
const packageDir = process.env.THIDUA_COGNITO_LOCAL_DIR;
if (!keyFile || !packageDir) {
  throw new Error('cognito-local-keys.cjs needs THIDUA_COGNITO_KEY_FILE and THIDUA_COGNITO_LOCAL_DIR');
}
const key = JSON.parse(readFileSync(keyFile, 'utf8'));

const preload = (file, exports) => {
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  require.cache[file] = module;
};
const keysDir = join(packageDir, 'lib', 'keys');
preload(join(keysDir, 'cognitoLocal.private.json'), { pem: key.privatePem });
preload(join(keysDir, 'cognitoLocal.public.json'), { jwk: key.publicJwk, pem: key.publicPem });

// tokenGenerator.js calls `jsonwebtoken.sign(..., { keyid: 'CognitoLocal' })` through the module object.
const jwt = Module.createRequire(join(packageDir, 'lib', 'services', 'tokenGenerator.js'))('jsonwebtoken');
const sign = jwt.sign;
jwt.sign = (payload, secret, options, callback) =>
  sign(payload, secret, options?.keyid ? { ...options, keyid: key.kid } : options, callback);
