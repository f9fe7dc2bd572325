import type { Context } from '../cli/context.js';
import { DEFAULT_SETTINGS, isSettingKey, parseSetting, SETTING_RULES, type Settings } from '../core/settings.js';
import { UserError } from '../core/errors.js';

interface JsonOption {
  json?: boolean;
}

async function current(ctx: Context): Promise<Settings> {
  if (!ctx.homeExists()) return { ...DEFAULT_SETTINGS };
  const { fsrsWeights: _, ...settings } = (await ctx.store()).settings.all();
  return settings;
}

export async function list(options: JsonOption, _args: string[], ctx: Context): Promise<void> {
  const settings = await current(ctx);
  if (options.json) {
    ctx.io.out(JSON.stringify(settings, null, 2));
    return;
  }
  const width = Math.max(...Object.keys(settings).map((k) => k.length));
  ctx.io.out(
    (Object.keys(SETTING_RULES) as (keyof Settings)[])
      .map((key) => `${key.padEnd(width)}  ${String(settings[key]).padEnd(6)}  (${SETTING_RULES[key].allowed})`)
      .join('\n'),
  );
}

export async function get(options: JsonOption, args: string[], ctx: Context): Promise<void> {
  const key = args[0] ?? '';
  // Not a setting one sets, but one asked about after `parley optimize --apply`.
  if (key === 'fsrsWeights') {
    const weights = ctx.homeExists() ? (await ctx.store()).settings.all().fsrsWeights : undefined;
    ctx.io.out(options.json ? JSON.stringify(weights ?? null) : weights ? weights.join(' ') : 'default (ts-fsrs); `parley optimize --apply` fits your own');
    return;
  }
  // Not a setting either: this machine's name for itself in a synced home, made once, never shared.
  if (key === 'device') {
    const device = (await ctx.store()).device;
    ctx.io.out(options.json ? JSON.stringify(device) : device);
    return;
  }
  if (!isSettingKey(key)) {
    throw new UserError(`unknown setting "${key}"`, `use one of: ${Object.keys(SETTING_RULES).join(', ')}`);
  }
  const value = (await current(ctx))[key];
  ctx.io.out(options.json ? JSON.stringify(value) : String(value));
}

export async function set(_options: unknown, args: string[], ctx: Context): Promise<void> {
  if (args[0] === 'device') {
    throw new UserError('the device id cannot be set: parley makes one per machine and home', 'see it with `parley config get device`');
  }
  const { key, value } = parseSetting(args[0] ?? '', args[1] ?? '');
  await (await ctx.store()).settings.set(key, value);
  ctx.io.out(`${key} = ${String(value)}`);
}
