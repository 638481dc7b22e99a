/**
 * Device profiles: an operating system, the browser string Entra writes in
 * `deviceDetail.browser`, and a user agent that matches both. Versions are those of
 * 2025-era releases.
 */
import type { OperatingSystem } from '../tenant/types.ts';

export interface DeviceProfile {
  readonly os: OperatingSystem;
  readonly browser: string;
  readonly userAgent: string;
  /** Mobile or desktop: decides apps (Outlook Mobile vs Microsoft Office). */
  readonly mobile: boolean;
  readonly weight: number;
}

export const DEVICE_PROFILES: ReadonlyArray<DeviceProfile> = [
  {
    os: 'Windows 10',
    browser: 'Edge 131.0.2903',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
    mobile: false,
    weight: 34,
  },
  {
    os: 'Windows 10',
    browser: 'Chrome 131.0.0',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    mobile: false,
    weight: 20,
  },
  {
    os: 'Windows 10',
    browser: 'Firefox 133.0',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    mobile: false,
    weight: 4,
  },
  {
    os: 'MacOs',
    browser: 'Safari 18.1',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    mobile: false,
    weight: 7,
  },
  {
    os: 'MacOs',
    browser: 'Chrome 131.0.0',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    mobile: false,
    weight: 7,
  },
  {
    os: 'Ios',
    browser: 'Mobile Safari 18.1',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    mobile: true,
    weight: 14,
  },
  {
    os: 'Android',
    browser: 'Chrome Mobile 131.0.6778',
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36',
    mobile: true,
    weight: 10,
  },
  {
    os: 'Linux',
    browser: 'Firefox 133.0',
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    mobile: false,
    weight: 2,
  },
];

/** User agents of non-browser clients, by the client app's kind. */
export const RICH_CLIENT_AGENTS = {
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  msal: 'MSAL.NET/4.61.3.0 (Windows; .NET Framework 4.8)',
  azureCli: 'python/3.11.9 (Windows-10-10.0.22631-SP0) msal/1.31.0 azure-cli/2.67.0',
  azurePowerShell: 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6',
  graphPowerShell: 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6 Microsoft.Graph.Authentication/2.25.0',
  outlookIos: 'Outlook-iOS/723.4027091.prod.iphone (4.2450.0)',
  outlookAndroid: 'Outlook-Android/2.0',
  teamsDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 Teams/24295.605.3225.8804/49',
  onedrive: 'Microsoft SkyDriveSync 24.220.1027.0001 ship; Windows NT 10.0 (22631)',
  pythonRequests: 'python-requests/2.32.3',
  activeSync: 'Apple-iPhone15C2/2201.256',
} as const;
