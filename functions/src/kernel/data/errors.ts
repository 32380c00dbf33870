/**
 * Errors of the data layer, in the table's terms: no HTTP status here. The HTTP layer maps them to its
 * answers (http/data-errors.ts). Refused writes are not errors: repositories return their outcomes.
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A page cursor that is not one this query handed out (forged, truncated, for another partition). */
export class InvalidCursor extends DataError {
  constructor() {
    super('invalid page cursor');
  }
}

/** An item over DynamoDB's 400 KB limit: the input was too big, whatever the JSON size said. */
export class ItemTooLarge extends DataError {
  constructor() {
    super('item larger than 400 KB');
  }
}

/**
 * A list filter (or combination of filters) no key of the table serves. `message` and `detail` are the
 * user's words (Vietnamese), `filter` the name of the offending filter.
 */
export class UnsupportedFilter extends DataError {
  constructor(
    readonly filter: string,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}
