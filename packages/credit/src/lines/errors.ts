import { ConflictError, DomainError } from '@s2b2b/core';

/**
 * `LINE_EXISTS`.
 *
 * @example
 * throw lineExistsError('L-1');
 */
export function lineExistsError(lineId: string): DomainError {
  return new DomainError('LINE_EXISTS', `Credit line ${JSON.stringify(lineId)} already exists`, { lineId });
}

/**
 * `LINE_NOT_FOUND`.
 *
 * @example
 * throw lineNotFoundError('L-9');
 */
export function lineNotFoundError(lineId: string): DomainError {
  return new DomainError('LINE_NOT_FOUND', `Credit line ${JSON.stringify(lineId)} was not found`, { lineId });
}

/**
 * `STALE_LINE`: the line changed since it was read (update it under `lockLine`).
 *
 * @example
 * throw staleLineError('L-1', 3);
 */
export function staleLineError(lineId: string, version: number): ConflictError {
  return new ConflictError(
    'STALE_LINE',
    `Credit line ${JSON.stringify(lineId)} is no longer at version ${version}`,
    {
      lineId,
      version,
    },
  );
}

/**
 * `DRAWING_EXISTS`.
 *
 * @example
 * throw drawingExistsError('D-1');
 */
export function drawingExistsError(drawingId: string): DomainError {
  return new DomainError('DRAWING_EXISTS', `Drawing ${JSON.stringify(drawingId)} already exists`, {
    drawingId,
  });
}

/**
 * `DRAWING_NOT_FOUND`.
 *
 * @example
 * throw drawingNotFoundError('D-9');
 */
export function drawingNotFoundError(drawingId: string): DomainError {
  return new DomainError('DRAWING_NOT_FOUND', `Drawing ${JSON.stringify(drawingId)} was not found`, {
    drawingId,
  });
}

/**
 * `STALE_DRAWING`: the drawing changed since it was read (update it under `lockDrawings`).
 *
 * @example
 * throw staleDrawingError('D-1', 2);
 */
export function staleDrawingError(drawingId: string, version: number): ConflictError {
  return new ConflictError(
    'STALE_DRAWING',
    `Drawing ${JSON.stringify(drawingId)} is no longer at version ${version}`,
    { drawingId, version },
  );
}
