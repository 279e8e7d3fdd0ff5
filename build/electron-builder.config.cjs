// electron-builder configuration for the desks' installers: Windows PCs (NSIS) and Linux (AppImage, deb).
// Installers are built on a machine with internet access (electron-builder downloads Electron and its
// packaging tools): `npm ci && npm run dist`. tests/build/packaging.test.ts checks this file's shape.
// CommonJS because package.json is "type": "module" and electron-builder loads its config with require().

const productName = 'Một cửa Hạ Long';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'vn.gov.halong.motcua.desk',
  productName,
  // File and package names stay ASCII: installers, paths and shell scripts choke less on them.
  executableName: 'mot-cua-ha-long',
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  copyright: 'Hạ Long one-stop desk team',
  directories: { output: 'dist', buildResources: 'build' },

  // Only the built bundles go in; production dependencies (package.json `dependencies`, never
  // devDependencies) are added from node_modules by electron-builder. The renderer's libraries are
  // bundled by Vite and the centre's and the benchmarks' are devDependencies, so none of them ships.
  files: ['out/**/*', 'package.json', '!**/node_modules/better-sqlite3/{deps,src,docs}/**'],
  asar: true,
  // A native addon or shared library cannot be loaded from inside an asar archive: better-sqlite3's
  // addon, and sharp with its @img/* addon and libvips (a versioned .so that electron-builder's own
  // smart unpack, which looks for a plain .so suffix, would leave packed). tests/build/packaging.test.ts
  // scans the production tree for native files and fails on any these patterns miss.
  asarUnpack: ['**/node_modules/better-sqlite3/**/*.node', '**/node_modules/sharp/**/*', '**/node_modules/@img/**/*'],
  // Rebuild better-sqlite3 against Electron's ABI (the copy in node_modules is built for Node's).
  npmRebuild: true,
  icon: 'build/icon.png',

  // Fuses are flipped in the Electron binary at package time; a packaged desk cannot be turned back
  // into a plain Node runtime or debugger, and runs only the code sealed in its app.asar.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // The update feed (README.md, "Desk updates"). With a `publish` entry electron-builder writes, next to
  // each installer, latest.yml (version, file, SHA-512) and the installer's .blockmap — what the centre's
  // `publish-update` command takes. The desk itself never uses this URL: it points electron-updater at
  // the centre it is enrolled with (electron/main/updates/desk-updater.ts), on the same path. Single byte
  // ranges only: the centre's feed answers one range per request.
  publish: {
    provider: 'generic',
    url: process.env.DESK_UPDATE_FEED_URL ?? 'https://trung-tam.invalid/v1/updates/stable/',
    useMultipleRangeRequest: false,
  },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    // Installed once per PC by the ward's IT officer, for every account that uses the desk.
    perMachine: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: 'always',
    createStartMenuShortcut: true,
    shortcutName: productName,
    uninstallDisplayName: productName,
    installerLanguages: ['vi_VN'],
    language: '1066',
    // Uninstalling the program must never delete the desk's records (dossiers, receipts, scans).
    deleteAppDataOnUninstall: false,
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    maintainer: 'Hạ Long one-stop desk team <motcua-desk@example.invalid>',
    vendor: 'Hạ Long one-stop desk team',
    synopsis: 'Tiếp nhận và trả kết quả hồ sơ tại bộ phận một cửa',
    description:
      'Ứng dụng bàn làm việc cho bộ phận một cửa của các phường, xã Hạ Long: tiếp nhận hồ sơ, ' +
      'quét giấy tờ, in phiếu hẹn, trả kết quả; hoạt động cả khi mất mạng.',
    icon: 'build/icon.png',
  },
  deb: {
    priority: 'optional',
  },
};
