import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { parseKeys, readKeys } from '../../src/ui/keys.js';

describe('parseKeys', () => {
  test.each([
    [' ', ['space']],
    ['\r', ['enter']],
    ['\r\n', ['enter']],
    ['\x03', ['ctrl-c']],
    ['13u', ['1', '3', 'u']],
    ['Q', ['q']],
    ['vV', ['v', 'v']],
    ['\x1b[A\x1b[B', []],
    ['\x1bOP', []],
    ['\x1b', ['escape']],
    ['３\u3000', ['3', 'space']],
    ['x9', []],
  ])('%j', (bytes, keys) => expect(parseKeys(bytes)).toEqual(keys));
});

describe('readKeys from a pipe', () => {
  test('one key at a time without Enter, then null at the end', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const reader = readKeys(input);
    (input as unknown as PassThrough).write(' 3');
    expect(await reader.next()).toBe('space');
    expect(await reader.next()).toBe('3');
    const later = reader.next();
    (input as unknown as PassThrough).end('q');
    expect(await later).toBe('q');
    expect(await reader.next()).toBeNull();
    reader.close();
  });

  test('resize comes from the output terminal', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const output = new PassThrough() as unknown as NodeJS.WriteStream;
    const reader = readKeys(input, output);
    (output as unknown as PassThrough).emit('resize');
    expect(await reader.next()).toBe('resize');
    reader.close();
    expect(await reader.next()).toBeNull();
  });
});

describe('Ctrl+Z, editing keys and typed text', () => {
  test('Ctrl+Z, backspace and Ctrl+U are keys', () => {
    expect(parseKeys('\x1a\x7f\b\x15')).toEqual(['ctrl-z', 'backspace', 'backspace', 'ctrl-u']);
  });

  test('while typing, printable runs are text; what follows enter is read as keys again', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const reader = readKeys(input);
    (input as unknown as PassThrough).write('ab 春\x1b[A天\r3');
    expect(await reader.next(true)).toEqual({ text: 'ab 春' });
    expect(await reader.next(true)).toEqual({ text: '天' });
    expect(await reader.next(true)).toBe('enter');
    expect(await reader.next()).toBe('3');
    reader.close();
  });

  test('SIGCONT (back from the background) asks for a redraw', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const reader = readKeys(input);
    process.emit('SIGCONT');
    expect(await reader.next()).toBe('resize');
    reader.close();
    process.emit('SIGCONT');
    expect(await reader.next()).toBeNull();
  });
});
