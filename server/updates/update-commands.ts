import type { CentreArgs } from '../cli-args.js';
import { ReleaseError, type UpdateRelease, type UpdateReleases } from './update-releases.js';
import { type UpdatePlatform, UPDATE_PLATFORMS } from './update-names.js';

// The administrator's update commands (server/README.md, "Desk updates"): publish a built installer to a
// channel, for every desk or staged to some units first; promote a staged release to all; list them.

function platformOf(text: string): UpdatePlatform {
  if (!(UPDATE_PLATFORMS as string[]).includes(text)) throw new ReleaseError(`--platform phải là một trong ${UPDATE_PLATFORMS.join(', ')}.`);
  return text as UpdatePlatform;
}

const describe = (release: UpdateRelease): string =>
  [
    release.version,
    release.platform,
    release.installer.name,
    release.stage === null ? 'mọi máy' : `thử: đơn vị ${release.stage.units.join(',') || '—'}, ${release.stage.percent}% máy khác`,
    release.releaseDate,
  ].join('\t');

export async function runUpdateCommand(args: CentreArgs, releases: UpdateReleases): Promise<void> {
  const { update } = args;
  const platform = platformOf(update.platform);
  switch (args.command) {
    case 'publish-update': {
      if (update.installer === undefined) throw new ReleaseError('--installer <tệp cài đặt> là bắt buộc.');
      const staged = update.units !== undefined || update.percent !== undefined;
      const release = await releases.publish({
        channel: update.channel,
        platform,
        installerPath: update.installer,
        blockmapPath: update.blockmap,
        latestYmlPath: update.latestYml,
        version: update.version,
        ...(staged ? { stage: { units: update.units ?? [], percent: update.percent ?? 0 } } : {}),
      });
      console.log(describe(release));
      console.error(`Đã phát hành ${release.version} trên kênh ${update.channel}${staged ? ' (thử trước; dùng promote-update để phát hành cho mọi máy)' : ''}.`);
      break;
    }
    case 'promote-update': {
      if (update.version === undefined) throw new ReleaseError('--version <phiên bản> là bắt buộc.');
      const widen = update.units !== undefined || update.percent !== undefined;
      const release = await releases.promote(update.channel, platform, update.version, widen ? { units: update.units ?? [], percent: update.percent ?? 0 } : undefined);
      console.log(describe(release));
      break;
    }
    case 'list-updates':
      for (const release of await releases.list(update.channel)) console.log(describe(release));
      break;
    default:
      throw new Error(`not an update command: ${args.command}`);
  }
}
