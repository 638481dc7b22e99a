/** ARM diagnostic-settings API for microsoft.aadiam: handler, settings store and token hooks. */
export { createArmHandler, type ArmHandlerOptions } from './handler.ts';
export {
  DiagnosticSettingsStore,
  SettingsLimitError,
  SETTINGS_FILE_NAME,
  type SettingsChange,
  type SettingsListener,
  type SettingsSource,
  type SettingsStoreOptions,
} from './settings-store.ts';
export {
  destinationValue,
  toResource,
  type DiagnosticSetting,
  type DiagnosticSettingProperties,
  type DiagnosticSettingResource,
  type LogSettings,
  type RetentionPolicy,
} from './diagnostic-setting.ts';
export { ARM_AUDIENCES, bearerVerifier, openVerifier, type BearerVerifier, type BearerVerifierOptions, type TokenCheck, type VerifyResult } from './auth.ts';
export { SUPPORTED_API_VERSIONS, type ApiVersion } from './api-version.ts';
export { parseResourceId, segmentName, type ResourceId } from './resource-id.ts';
export type { ArmErrorBody } from './errors.ts';
