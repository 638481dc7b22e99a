/**
 * No Docker engine runs here, so the compose setup is checked by reading it: the
 * emulator's Config.json declares exactly the hubs entrasim's settings route to, within
 * the emulator's limits, and the compose file wires the services the way the emulator
 * documentation says (config mount, BLOB_SERVER/METADATA_SERVER, ports).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATEGORIES, hubName } from '../src/core/categories.ts';
import { namespaceIdOf } from '../src/sinks/index.ts';

interface Compose {
  services: Record<string, { image?: string; command?: string[] | string; volumes?: string[]; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, unknown> }>;
}
interface EmulatorConfig {
  UserConfig: { NamespaceConfig: Array<{ Type: string; Name: string; Entities: Array<{ Name: string; PartitionCount: string; ConsumerGroups: Array<{ Name: string }> }> }> };
}
interface Settings {
  value: Array<{ name: string; properties: { eventHubAuthorizationRuleId?: string; eventHubName?: string; storageAccountId?: string; logs: Array<{ category: string; enabled: boolean }> } }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as Compose;
const config = JSON.parse(readFileSync('docker/eventhubs-emulator.config.json', 'utf8')) as EmulatorConfig;
const settings = JSON.parse(readFileSync('docker/diagnostic-settings.json', 'utf8')) as Settings;
const destinations = JSON.parse(readFileSync('docker/destinations.json', 'utf8')) as { eventHubs: Record<string, { connectionString: string }>; storageAccounts: Record<string, { connectionString: string }> };

describe('docker-compose with the Event Hubs emulator and Azurite', () => {
  const namespace = config.UserConfig.NamespaceConfig;
  const hubs = namespace[0]!.Entities.map((e) => e.Name);

  it("keeps within the emulator's limits", () => {
    expect(namespace).toHaveLength(1);
    expect(namespace[0]!.Name).toBe('emulatorNs1');
    expect(namespace[0]!.Type).toBe('EventHub');
    expect(hubs.length).toBeLessThanOrEqual(10);
    for (const e of namespace[0]!.Entities) {
      expect(Number(e.PartitionCount)).toBeGreaterThanOrEqual(1);
      expect(Number(e.PartitionCount)).toBeLessThanOrEqual(32);
      expect(e.ConsumerGroups.length).toBeLessThanOrEqual(20);
      expect(e.ConsumerGroups.map((g) => g.Name)).not.toContain('$default');
    }
  });

  it('declares exactly the hubs the settings route to, and every category is routed once', () => {
    const routed = new Set<string>();
    const categories: string[] = [];
    for (const s of settings.value) {
      for (const log of s.properties.logs.filter((l) => l.enabled)) {
        categories.push(log.category);
        // No eventHubName → Azure Monitor's per-category hub.
        routed.add(s.properties.eventHubName ?? hubName(log.category as (typeof CATEGORIES)[number]));
      }
    }
    expect([...routed].sort()).toEqual([...hubs].sort());
    expect(categories.sort()).toEqual([...CATEGORIES].sort());
    expect(settings.value.length).toBeLessThanOrEqual(5);
  });

  it('maps the settings’ destinations to the emulator and Azurite containers', () => {
    for (const s of settings.value) {
      const ns = namespaceIdOf(s.properties.eventHubAuthorizationRuleId!);
      expect(destinations.eventHubs[ns!]?.connectionString).toMatch(/^Endpoint=sb:\/\/eventhubs-emulator;.*UseDevelopmentEmulator=true;$/);
      expect(destinations.storageAccounts[s.properties.storageAccountId!]?.connectionString).toMatch(/BlobEndpoint=http:\/\/azurite:10000\/devstoreaccount1;/);
    }
  });

  it('wires the services as the emulator documentation says', () => {
    const emulator = compose.services['eventhubs-emulator']!;
    expect(emulator.image).toMatch(/^mcr\.microsoft\.com\/azure-messaging\/eventhubs-emulator/);
    expect(emulator.volumes).toContain('./docker/eventhubs-emulator.config.json:/Eventhubs_Emulator/ConfigFiles/Config.json');
    expect(emulator.environment).toMatchObject({ BLOB_SERVER: 'azurite', METADATA_SERVER: 'azurite' });
    expect(emulator.ports).toContain('5672:5672');
    expect(compose.services.azurite!.image).toMatch(/azurite/);
    const cmd = compose.services.entrasim!.command as string[];
    expect(cmd.slice(cmd.indexOf('--settings'), cmd.indexOf('--settings') + 2)).toEqual(['--settings', 'docker/diagnostic-settings.json']);
    expect(cmd.slice(cmd.indexOf('--destinations'), cmd.indexOf('--destinations') + 2)).toEqual(['--destinations', 'docker/destinations.json']);
    expect(Object.keys(compose.services.entrasim!.depends_on ?? {})).toEqual(expect.arrayContaining(['eventhubs-emulator', 'azurite']));
  });
});
