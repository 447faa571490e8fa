import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { OptionsForm } from '@/components/options/OptionsForm';
import { SETTINGS_KEY, settingsFrom, type ExportSettings } from '@/lib/model/settings';
import { backupControls } from './backup';
import './style.css';

const store = {
  load: async () => settingsFrom((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
  save: (settings: ExportSettings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
};

const root = document.getElementById('app');
if (root) {
  render(
    <>
      <OptionsForm store={store} />
      <BackupSection controls={backupControls} />
    </>,
    root,
  );
}
