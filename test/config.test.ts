/**
 * The settings are read once and checked: defaults for what is unset, and for every bad value one
 * line that names the setting, says what it must be and what was given (never a secret).
 */
import { DEFAULT_STATE_DIR, readConfig } from '../src/config';
import { startServiceProcess } from './support/serviceProcess';

describe('reading the settings', () => {
  it('gives the defaults when nothing is set', () => {
    const result = readConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      logLevel: 'info',
      logMessageText: false,
      storage: { stateDir: DEFAULT_STATE_DIR, idleDays: 30 },
      heapGrowingPercent: 20,
      trustedProxies: [],
      serviceUrlHosts: [],
      connectorTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads lists and numbers, and takes blank values as unset', () => {
    const result = readConfig({ PORT: '8080', TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1', SERVICE_URL_HOSTS: 'smba.trafficmanager.net,*.botframework.com', LOG_MESSAGE_TEXT: 'true', HOST: '  ' });
    expect(result.ok && result.config).toMatchObject({ port: 8080, host: '127.0.0.1', trustedProxies: ['10.0.0.0/8', '127.0.0.1'], serviceUrlHosts: ['smba.trafficmanager.net', '*.botframework.com'], logMessageText: true });
  });

  it('reports every bad value, one line each', () => {
    const result = readConfig({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      LOG_MESSAGE_TEXT: 'yes',
      TRUSTED_PROXIES: 'not-an-address',
      STORAGE_CONTAINER: 'Bad_Name',
      HEAP_GROWING_PERCENT: '-5',
      DIRECT_LINE_ENDPOINT: 'nowhere',
    });
    expect(result.ok || [...result.problems].sort()).toEqual([
      'DIRECT_LINE_ENDPOINT must be a URL such as https://directline.botframework.com (got "nowhere")',
      'HEAP_GROWING_PERCENT must be a whole number from 0 to 1000 (got "-5")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'LOG_MESSAGE_TEXT must be "true" or "false" (got "yes")',
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'STORAGE_CONTAINER must be a blob container name: 3 to 63 lowercase letters, digits and single hyphens (got "Bad_Name")',
      'TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (for example 10.0.0.0/8,127.0.0.1) (got "not-an-address")',
    ]);
  });

  it('checks the Azure Bot settings together, and never repeats a secret', () => {
    expect(readConfig({ MicrosoftAppId: 'app-id', MicrosoftAppType: 'SingleTenant' })).toEqual({
      ok: false,
      problems: ['MicrosoftAppPassword is required with MicrosoftAppId for a SingleTenant bot', 'MicrosoftAppTenantId is required for a SingleTenant bot'],
    });
    const withSecrets = readConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 's3cret', MicrosoftAppType: 'Nope', DIRECT_LINE_SECRET: 'dl-s3cret' });
    expect(withSecrets.ok).toBe(false);
    expect(JSON.stringify(withSecrets)).not.toMatch(/s3cret/);
  });
});

describe('the service with a bad setting', () => {
  it('does not start, and says why on standard error with exit code 1', async () => {
    await expect(startServiceProcess({ PORT: '99999', CONNECTOR_TIMEOUT_MS: 'soon' })).rejects.toThrow(
      /the service exited \(1\) before listening: .*configuration: PORT must be a whole number from 0 to 65535 \(got \\"99999\\"\).*configuration: CONNECTOR_TIMEOUT_MS must be a whole number from 100 to 120000 \(got \\"soon\\"\)/,
    );
  });
});
