/**
 * Cities, their coordinates and time zones, and the networks (ISPs, carriers, clouds,
 * anonymisers) whose addresses appear in sign-in logs. Each simulated network owns a
 * /24, so an IP always geolocates to the same city and ASN in every record.
 */
export interface CityRow {
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly tz: string;
}

export const CITIES: ReadonlyArray<CityRow> = [
  { city: 'Seattle', state: 'Washington', country: 'US', lat: 47.6062, lon: -122.3321, tz: 'America/Los_Angeles' },
  { city: 'Redmond', state: 'Washington', country: 'US', lat: 47.674, lon: -122.1215, tz: 'America/Los_Angeles' },
  { city: 'San Francisco', state: 'California', country: 'US', lat: 37.7749, lon: -122.4194, tz: 'America/Los_Angeles' },
  { city: 'Los Angeles', state: 'California', country: 'US', lat: 34.0522, lon: -118.2437, tz: 'America/Los_Angeles' },
  { city: 'Denver', state: 'Colorado', country: 'US', lat: 39.7392, lon: -104.9903, tz: 'America/Denver' },
  { city: 'Chicago', state: 'Illinois', country: 'US', lat: 41.8781, lon: -87.6298, tz: 'America/Chicago' },
  { city: 'Dallas', state: 'Texas', country: 'US', lat: 32.7767, lon: -96.797, tz: 'America/Chicago' },
  { city: 'Atlanta', state: 'Georgia', country: 'US', lat: 33.749, lon: -84.388, tz: 'America/New_York' },
  { city: 'New York', state: 'New York', country: 'US', lat: 40.7128, lon: -74.006, tz: 'America/New_York' },
  { city: 'Boston', state: 'Massachusetts', country: 'US', lat: 42.3601, lon: -71.0589, tz: 'America/New_York' },
  { city: 'Toronto', state: 'Ontario', country: 'CA', lat: 43.6532, lon: -79.3832, tz: 'America/Toronto' },
  { city: 'Vancouver', state: 'British Columbia', country: 'CA', lat: 49.2827, lon: -123.1207, tz: 'America/Vancouver' },
  { city: 'London', state: 'England', country: 'GB', lat: 51.5072, lon: -0.1276, tz: 'Europe/London' },
  { city: 'Manchester', state: 'England', country: 'GB', lat: 53.4808, lon: -2.2426, tz: 'Europe/London' },
  { city: 'Dublin', state: 'Dublin', country: 'IE', lat: 53.3498, lon: -6.2603, tz: 'Europe/Dublin' },
  { city: 'Amsterdam', state: 'Noord-Holland', country: 'NL', lat: 52.3676, lon: 4.9041, tz: 'Europe/Amsterdam' },
  { city: 'Paris', state: 'Ile-de-France', country: 'FR', lat: 48.8566, lon: 2.3522, tz: 'Europe/Paris' },
  { city: 'Berlin', state: 'Berlin', country: 'DE', lat: 52.52, lon: 13.405, tz: 'Europe/Berlin' },
  { city: 'Munich', state: 'Bayern', country: 'DE', lat: 48.1351, lon: 11.582, tz: 'Europe/Berlin' },
  { city: 'Frankfurt am Main', state: 'Hessen', country: 'DE', lat: 50.1109, lon: 8.6821, tz: 'Europe/Berlin' },
  { city: 'Madrid', state: 'Madrid', country: 'ES', lat: 40.4168, lon: -3.7038, tz: 'Europe/Madrid' },
  { city: 'Milan', state: 'Lombardia', country: 'IT', lat: 45.4642, lon: 9.19, tz: 'Europe/Rome' },
  { city: 'Stockholm', state: 'Stockholms Lan', country: 'SE', lat: 59.3293, lon: 18.0686, tz: 'Europe/Stockholm' },
  { city: 'Warsaw', state: 'Mazowieckie', country: 'PL', lat: 52.2297, lon: 21.0122, tz: 'Europe/Warsaw' },
  { city: 'Bengaluru', state: 'Karnataka', country: 'IN', lat: 12.9716, lon: 77.5946, tz: 'Asia/Kolkata' },
  { city: 'Mumbai', state: 'Maharashtra', country: 'IN', lat: 19.076, lon: 72.8777, tz: 'Asia/Kolkata' },
  { city: 'Singapore', state: 'Singapore', country: 'SG', lat: 1.3521, lon: 103.8198, tz: 'Asia/Singapore' },
  { city: 'Tokyo', state: 'Tokyo', country: 'JP', lat: 35.6762, lon: 139.6503, tz: 'Asia/Tokyo' },
  { city: 'Sydney', state: 'New South Wales', country: 'AU', lat: -33.8688, lon: 151.2093, tz: 'Australia/Sydney' },
  { city: 'Sao Paulo', state: 'Sao Paulo', country: 'BR', lat: -23.5505, lon: -46.6333, tz: 'America/Sao_Paulo' },
  { city: 'Mexico City', state: 'Ciudad de Mexico', country: 'MX', lat: 19.4326, lon: -99.1332, tz: 'America/Mexico_City' },
  // Places attack traffic commonly comes from in public threat reports.
  { city: 'Moscow', state: 'Moscow', country: 'RU', lat: 55.7558, lon: 37.6173, tz: 'Europe/Moscow' },
  { city: 'Lagos', state: 'Lagos', country: 'NG', lat: 6.5244, lon: 3.3792, tz: 'Africa/Lagos' },
  { city: 'Bucharest', state: 'Bucuresti', country: 'RO', lat: 44.4268, lon: 26.1025, tz: 'Europe/Bucharest' },
  { city: 'Hanoi', state: 'Ha Noi', country: 'VN', lat: 21.0278, lon: 105.8342, tz: 'Asia/Ho_Chi_Minh' },
  { city: 'Sofia', state: 'Sofia-Capital', country: 'BG', lat: 42.6977, lon: 23.3219, tz: 'Europe/Sofia' },
];

export interface IspRow {
  readonly name: string;
  readonly asn: number;
  readonly country: string;
  readonly kind: 'home' | 'mobile' | 'hosting' | 'vpn' | 'tor';
  /** First octets of the /16 the simulation carves /24s from. */
  readonly block: string;
}

/** Real ASNs and operator names; the address blocks are illustrative. */
export const ISPS: ReadonlyArray<IspRow> = [
  { name: 'Comcast Cable Communications', asn: 7922, country: 'US', kind: 'home', block: '73.97' },
  { name: 'Charter Communications', asn: 20115, country: 'US', kind: 'home', block: '71.84' },
  { name: 'AT&T Services', asn: 7018, country: 'US', kind: 'home', block: '99.37' },
  { name: 'Verizon Business', asn: 701, country: 'US', kind: 'home', block: '108.28' },
  { name: 'T-Mobile USA', asn: 21928, country: 'US', kind: 'mobile', block: '172.58' },
  { name: 'Verizon Wireless', asn: 22394, country: 'US', kind: 'mobile', block: '174.205' },
  { name: 'Rogers Communications', asn: 812, country: 'CA', kind: 'home', block: '99.224' },
  { name: 'Bell Canada', asn: 577, country: 'CA', kind: 'mobile', block: '142.114' },
  { name: 'British Telecommunications', asn: 2856, country: 'GB', kind: 'home', block: '86.128' },
  { name: 'Vodafone UK', asn: 25135, country: 'GB', kind: 'mobile', block: '92.40' },
  { name: 'Eir', asn: 5466, country: 'IE', kind: 'home', block: '86.40' },
  { name: 'KPN', asn: 1136, country: 'NL', kind: 'home', block: '77.160' },
  { name: 'Orange', asn: 3215, country: 'FR', kind: 'home', block: '90.24' },
  { name: 'Deutsche Telekom', asn: 3320, country: 'DE', kind: 'home', block: '93.192' },
  { name: 'Vodafone GmbH', asn: 3209, country: 'DE', kind: 'mobile', block: '88.64' },
  { name: 'Telefonica de Espana', asn: 3352, country: 'ES', kind: 'home', block: '83.32' },
  { name: 'Telecom Italia', asn: 3269, country: 'IT', kind: 'home', block: '79.18' },
  { name: 'Telia Company', asn: 3301, country: 'SE', kind: 'home', block: '81.224' },
  { name: 'Orange Polska', asn: 5617, country: 'PL', kind: 'home', block: '83.24' },
  { name: 'Bharti Airtel', asn: 9498, country: 'IN', kind: 'mobile', block: '122.161' },
  { name: 'Reliance Jio', asn: 55836, country: 'IN', kind: 'home', block: '49.36' },
  { name: 'Singtel', asn: 7473, country: 'SG', kind: 'home', block: '116.88' },
  { name: 'NTT Communications', asn: 4713, country: 'JP', kind: 'home', block: '153.156' },
  { name: 'Telstra', asn: 1221, country: 'AU', kind: 'home', block: '120.144' },
  { name: 'Telefonica Brasil', asn: 27699, country: 'BR', kind: 'home', block: '177.32' },
  { name: 'Telmex', asn: 8151, country: 'MX', kind: 'home', block: '189.128' },
  { name: 'Rostelecom', asn: 12389, country: 'RU', kind: 'home', block: '95.24' },
  { name: 'MTN Nigeria', asn: 29465, country: 'NG', kind: 'mobile', block: '102.89' },
  { name: 'RCS & RDS', asn: 8708, country: 'RO', kind: 'home', block: '86.120' },
  { name: 'Viettel Group', asn: 7552, country: 'VN', kind: 'home', block: '27.72' },
  { name: 'Vivacom', asn: 8866, country: 'BG', kind: 'home', block: '95.87' },
  { name: 'Microsoft Corporation', asn: 8075, country: 'US', kind: 'hosting', block: '20.42' },
  { name: 'Amazon.com', asn: 16509, country: 'US', kind: 'hosting', block: '3.85' },
  { name: 'DigitalOcean', asn: 14061, country: 'NL', kind: 'hosting', block: '167.99' },
  { name: 'OVH SAS', asn: 16276, country: 'FR', kind: 'hosting', block: '51.38' },
  { name: 'Hetzner Online', asn: 24940, country: 'DE', kind: 'hosting', block: '88.198' },
  { name: 'M247 Europe', asn: 9009, country: 'RO', kind: 'vpn', block: '185.156' },
  { name: 'Datacamp Limited', asn: 60068, country: 'GB', kind: 'vpn', block: '185.93' },
  { name: 'Tor exit (Foundation for Applied Privacy)', asn: 208323, country: 'DE', kind: 'tor', block: '185.220' },
];

export const DEPARTMENTS: ReadonlyArray<string> = [
  'Sales', 'Marketing', 'Finance', 'Human Resources', 'Engineering', 'IT', 'Operations', 'Legal',
  'Customer Support', 'Research and Development', 'Procurement', 'Security',
];

export const JOB_TITLES: ReadonlyArray<string> = [
  'Account Executive', 'Marketing Manager', 'Financial Analyst', 'HR Business Partner', 'Software Engineer',
  'Systems Administrator', 'Operations Manager', 'Corporate Counsel', 'Support Specialist', 'Research Scientist',
  'Buyer', 'Security Analyst', 'Director', 'Vice President', 'Intern',
];
