// Seed records share building blocks (the same checklist line, the same limit object), so one
// careless mutation would silently change many procedures: freeze the seed once it is built.
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
