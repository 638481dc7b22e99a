/**
 * faker, driven by entrasim's seeded Rng: faker's locale data for names, our
 * randomness (the randomizer is injected, so one call to `reseed` fixes every value).
 */
import { Faker, base, en, type Randomizer } from '@faker-js/faker';
import { Rng } from '../core/random.ts';

/** faker calls `next` unbound, so the methods are closures over the current stream. */
function rngRandomizer(): Randomizer {
  let rng = new Rng(1);
  return {
    next: () => rng.next(),
    seed: (seed: number | number[]) => {
      rng = new Rng(Array.isArray(seed) ? seed.join(':') : seed);
    },
  };
}

export interface NameSource {
  /** Reseeds faker for one object (e.g. `user:42`), so objects don't depend on each other. */
  reseed(label: string): Faker;
}

export function createNameSource(seed: number | string): NameSource {
  const randomizer = rngRandomizer();
  const faker = new Faker({ locale: [en, base], randomizer });
  return {
    reseed(label: string): Faker {
      randomizer.seed(new Rng(`${seed}/${label}`).u32());
      return faker;
    },
  };
}

/**
 * faker's English name tables, picked with our Rng directly: the same data as
 * `faker.person.firstName()` at a fraction of the cost, which matters when a
 * 500,000-user tenant derives users on demand.
 */
const FIRST_NAMES: ReadonlyArray<string> = en.person?.first_name?.generic ?? ['Alex'];
const LAST_NAMES: ReadonlyArray<string> = en.person?.last_name?.generic ?? ['Smith'];

export function firstName(rng: Rng): string {
  return rng.pick(FIRST_NAMES);
}

export function lastName(rng: Rng): string {
  return rng.pick(LAST_NAMES);
}
