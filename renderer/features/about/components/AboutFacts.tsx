import type { AppInfo } from '../../../../shared/contract/app-info.js';

export function AboutFacts({ info }: { info: AppInfo }) {
  // Paths and ids are read out over the phone to support: a monospace face keeps 0/O and 1/l apart.
  const facts: [label: string, value: string, testId: string, monospace?: boolean][] = [
    ['Tên ứng dụng', info.appName, 'about-app-name'],
    ['Phiên bản', info.version, 'about-version'],
    ['Thư mục dữ liệu', info.dataDir, 'about-data-dir', true],
    ['Mã thiết bị', info.desk.deviceId, 'about-device-id', true],
    ['Phiên bản CSDL', String(info.schemaVersion), 'about-schema-version'],
    ['Đơn vị', info.unit ? `${info.unit.name} (mã định danh ${info.unit.agencyId})` : 'Chưa cấu hình đơn vị', 'about-unit'],
    ['Quầy', info.desk.station === null ? 'Chưa chọn quầy' : `Quầy số ${info.desk.station}`, 'about-station'],
  ];
  return (
    <dl className="facts">
      {facts.map(([label, value, testId, monospace]) => (
        <div className="facts__row" key={testId}>
          <dt className="facts__label">{label}</dt>
          <dd className={monospace ? 'facts__value facts__value--mono' : 'facts__value'} data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
