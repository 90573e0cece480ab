/**
 * Every failure of the read stage is a `ReadError`: a code a program can switch on, the file as the
 * user named it, and a one-line message `${file}: ${reason}` a person can act on.
 */
export type ReadErrorCode =
  | 'NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'UNREADABLE'
  | 'EMPTY'
  | 'BINARY'
  | 'DECODE'
  | 'DOCX_CORRUPT'
  | 'DOCX_ENCRYPTED'
  | 'ZIP_BOMB'
  | 'TOO_LARGE'
  | 'UNSUPPORTED'
  | 'NO_FILES';

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  /** the path as given ('<stdin>' for standard input) */
  readonly file: string;
  /** the message without the leading `${file}: ` */
  readonly reason: string;

  constructor(code: ReadErrorCode, file: string, reason: string, options?: { cause?: unknown }) {
    // keep the message to one line whatever the reason carries (mammoth and fs messages can be multi-line)
    const oneLine = reason.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
    super(`${file}: ${oneLine}`, options);
    this.name = 'ReadError';
    this.code = code;
    this.file = file;
    this.reason = oneLine;
  }
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}

/** Map a Node fs error to a ReadError for `file`. */
export function fsError(err: unknown, file: string): ReadError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new ReadError('NOT_FOUND', file, 'no such file or directory', { cause: err });
    case 'ENOTDIR':
      return new ReadError('NOT_FOUND', file, 'no such file or directory (a parent is not a directory)', { cause: err });
    case 'EISDIR':
      return new ReadError('IS_DIRECTORY', file, 'is a directory, not a file', { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new ReadError('UNREADABLE', file, `permission denied (${code})`, { cause: err });
    case 'ELOOP':
      return new ReadError('UNREADABLE', file, 'too many levels of symbolic links (ELOOP)', { cause: err });
    case 'ENAMETOOLONG':
      return new ReadError('UNREADABLE', file, 'file name too long (ENAMETOOLONG)', { cause: err });
    default: {
      const msg = err instanceof Error ? err.message : String(err);
      return new ReadError('UNREADABLE', file, `cannot read${code ? ` (${code})` : ''}: ${msg}`, { cause: err });
    }
  }
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return 'more than 4 GiB (ZIP64)';
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
